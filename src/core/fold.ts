// Arabic folding for comparisons (search, month names, agencies): the forms a reader treats as
// the same letter become one form. Output never shows folded text; it only compares it, and the
// offset map (fold-offsets.ts) leads from a match in folded text back to the original characters
// to highlight.

import { stringOfCodeUnits } from "./code-units.js";
import { toAsciiDigits } from "./digits.js";
import { classify, FOLD_ACTIONS, foldActions, LETTER_FORMS } from "./fold-table.js";

// Copied into constants of this module, for the per-character loops (see FOLD_ACTIONS).
const { KEEP, DROP, SLOW, UNKNOWN } = FOLD_ACTIONS;

// Every combining mark (harakat, U+0670, Quranic marks) and tatweel.
const MARKS_AND_TATWEEL = /[\p{M}\u0640]/gu;
// Format characters that hide inside words: ZWJ, LRM, RLM, ALM, bidi controls, BOM, soft hyphen.
const FORMAT_CHARACTERS = /[\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;
const LETTER_FORM_PATTERN = new RegExp(`[${Object.keys(LETTER_FORMS).join("")}]`, "g");

/**
 * Folds text as docs/search.md describes: NFKC, marks and tatweel removed, format characters removed,
 * letter forms unified, digits made ASCII, Latin lower-cased. ZWNJ is kept: it separates words.
 * Lower-casing comes before the removal of marks (İ lower-cases to i and a combining dot), so
 * that folding folded text changes nothing.
 */
export function foldArabic(text: string): string {
  return foldByTable(text) ?? foldByPatterns(text.normalize("NFKC").toLowerCase());
}

let scratch = new Uint16Array(4096);

/** One buffer reused for every text folded: folding many articles then makes little garbage. */
function scratchFor(length: number): Uint16Array {
  if (scratch.length < length) scratch = new Uint16Array(Math.max(length, scratch.length * 2));
  return scratch;
}

/**
 * One pass with a table of what folding does to each character; undefined when the text holds
 * a character that NFKC or lower-casing would change in context (then the patterns fold it).
 */
export function foldByTable(text: string): string | undefined {
  const actions = foldActions();
  let out: Uint16Array | undefined;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let action = actions[code]!;
    if (action === UNKNOWN) action = classify(code);
    if (action === KEEP) {
      if (out !== undefined) out[length++] = code;
      continue;
    }
    if (action === SLOW) return undefined;
    if (out === undefined) {
      out = scratchFor(text.length);
      for (let k = 0; k < i; k++) out[k] = text.charCodeAt(k);
      length = i;
    }
    if (action !== DROP) out[length++] = action;
  }
  if (out === undefined) return text;
  // The table sends surrogates to the patterns: none is here.
  return stringOfCodeUnits(out.subarray(0, length), false);
}

/**
 * The same folding by patterns, for text that needs NFKC in context. Removing a mark or a
 * format character can bring together characters that NFKC composes (Hangul jamo around a
 * ZWJ), so the steps repeat until nothing changes: folding folded text then changes nothing.
 */
function foldByPatterns(normal: string): string {
  let folded = foldStepsByPatterns(normal);
  for (let previous = normal; folded !== previous; ) {
    previous = folded;
    folded = foldStepsByPatterns(folded.normalize("NFKC").toLowerCase());
  }
  return folded;
}

function foldStepsByPatterns(normal: string): string {
  return toAsciiDigits(
    normal
      .replace(MARKS_AND_TATWEEL, "")
      .replace(FORMAT_CHARACTERS, "")
      .replace(LETTER_FORM_PATTERN, (letter) => LETTER_FORMS[letter] ?? letter),
  );
}

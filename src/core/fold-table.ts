// What folding (fold.ts) does to each character, in a table filled as characters are first seen.
// Folding text in one pass, the fragment scanner and its spelling prefilter all read it. Their
// per-character loops look a character up themselves (`actions[code]`, and `classify(code)` only
// for one never seen before) rather than through a function, to keep those loops tight.

import { toAsciiDigits } from "./digits.js";

/** Letter forms a reader takes for one letter, and the letter they fold to (docs/search.md). */
export const LETTER_FORMS: Readonly<Record<string, string>> = {
  "\u0622": "\u0627", // آ
  "\u0623": "\u0627", // أ
  "\u0625": "\u0627", // إ
  "\u0671": "\u0627", // ٱ
  "\u0649": "\u064A", // ى
  "\u06CC": "\u064A", // ی
  "\u06D2": "\u064A", // ے
  "\u0629": "\u0647", // ة
  "\u06C0": "\u0647", // ۀ
  "\u06C1": "\u0647", // ہ
  "\u06A9": "\u0643", // ک
  "\u0624": "\u0621", // ؤ
  "\u0626": "\u0621", // ئ
  // Lower-casing gives Greek final sigma only at a word's end; one form makes folding the
  // same whether a text is folded whole or character by character.
  "\u03C2": "\u03C3",
};

/**
 * What the table says of a character: one of these, or else the code of the one character it
 * folds to. A module that compares with them in a per-character loop copies them into constants
 * of its own (`const { KEEP, DROP, SLOW, UNKNOWN } = FOLD_ACTIONS`): V8 then compiles each
 * comparison with the number itself, where one with an imported binding loads the binding from
 * memory on every character (in Node 20, folding and scanning were some 5 to 9% slower so).
 */
export const FOLD_ACTIONS = {
  KEEP: 0,
  DROP: 0xffff,
  /** The character needs NFKC or a context-dependent lower case: fold by patterns instead. */
  SLOW: 0xfffe,
  /** Not worked out yet: `classify` it. */
  UNKNOWN: 0xfffd,
} as const;
const { KEEP, DROP, SLOW, UNKNOWN } = FOLD_ACTIONS;

let actionTable: Uint16Array | undefined;

/**
 * What folding does to each BMP code unit, worked out the first time the character is seen
 * (texts use a few hundred distinct characters, so no table of 65,536 is ever computed whole).
 * A character is SLOW when NFKC changes it alone, when it may compose with the character before
 * it (so NFKC of the text could differ from NFKC of its characters), when its lower case is not
 * one character, and for surrogates; every other character folds the same alone as in any text.
 */
export function foldActions(): Uint16Array {
  if (actionTable) return actionTable;
  actionTable = new Uint16Array(0x10000).fill(UNKNOWN);
  return actionTable;
}

/** How many code units the table knows; grows as characters are first seen. */
let classifiedCount = 0;

/** How many characters the table knows: what was made from it is stale once this grows. */
export function knownCharacterCount(): number {
  return classifiedCount;
}

/** Works out a character's action and keeps it in the table. */
export function classify(code: number): number {
  const action = actionOf(code);
  foldActions()[code] = action;
  classifiedCount++;
  return action;
}

// Each character's action is worked out once and kept for the life of the process, so a
// mutation here cannot be switched on and off between test runs in one process (mutation
// testing); the quick-path properties in test/unit/fold.test.ts and
// test/unit/fragment-scanner.test.ts check it in a fresh one.
// Stryker disable all
function actionOf(code: number): number {
  const character = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) return SLOW;
  if (FORMAT_CHARACTER_CODES.includes(code) || code === TATWEEL) return DROP;
  if (MARK.test(character)) return isComposingFreeMark(code) ? DROP : SLOW;
  // Hangul jamo compose into syllables under NFKC.
  if (code >= 0x1100 && code <= 0x11ff) return SLOW;
  if (character.normalize("NFKC") !== character) return SLOW;
  const lower = character.toLowerCase();
  if (lower.length !== 1) return SLOW;
  const folded = LETTER_FORMS[lower] ?? toAsciiDigits(lower);
  return folded === character ? KEEP : folded.charCodeAt(0);
}
// Stryker restore all

const TATWEEL = 0x0640;
const MARK = /^\p{M}$/u;

/**
 * Marks of the Arabic blocks, which no precomposed character contains, except the madda and
 * hamza above and below (U+0653-0655: آ أ إ ؤ ئ are made with them). Other scripts' marks take
 * the slow, exact path.
 */
export function isComposingFreeMark(code: number): boolean {
  return ((code >= 0x0610 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x08ff)) && !(code >= 0x0653 && code <= 0x0655);
}

const FORMAT_CHARACTER_CODES = [0x200d, 0x200e, 0x200f, 0x061c, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff, 0x00ad];

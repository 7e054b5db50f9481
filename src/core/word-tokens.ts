// The words of an article's text as `words` and `collocates` count them: the tokens of its
// headline, subheadline, lead and body as search folds them (the agency is no text), each with
// its spelling as written, field by field so that nothing is counted across a field's end.

import { foldArabic } from "./fold.js";
import type { ArticleRecord } from "./record.js";
import { cachedStem } from "./search-match.js";
import { tokenTexts } from "./tokens.js";

const TEXT_FIELDS = ["headline", "subheadline", "lead", "body"] as const;
/**
 * A word as written: letters and digits with the marks, tatweel and format characters that
 * folding removes from inside it. Folded, it is one token or (rarely: a ligature, ZWNJ) several.
 */
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}\p{Cf}\u0640]+/gu;
const WRITTEN_CHARACTER = /^[\p{L}\p{N}\p{M}\p{Cf}\u0640]$/u;
const SURROGATE = /[\uD800-\uDFFF]/;

/** One word of a field: folded, and as written. */
export interface WrittenToken {
  form: string;
  spelling: string;
}

/** The words of each text field of a record, in order. */
export function fieldTokens(record: ArticleRecord): WrittenToken[][] {
  const fields: WrittenToken[][] = [];
  for (const field of TEXT_FIELDS) {
    const text = record[field];
    if (text === null || text === "") continue;
    const tokens: WrittenToken[] = [];
    for (const spelling of writtenWords(text)) {
      const forms = foldedForms(spelling);
      for (const form of forms) tokens.push({ form, spelling: forms.length === 1 ? spelling : form });
    }
    fields.push(tokens);
  }
  return fields;
}

/** The text fields of a record that hold text, in order. */
export function textFields(record: ArticleRecord): string[] {
  const texts: string[] = [];
  for (const field of TEXT_FIELDS) {
    const text = record[field];
    if (text !== null && text !== "") texts.push(text);
  }
  return texts;
}

/** 1 for each BMP code unit that a written word holds, 2 for others, 0 not yet known. */
let writtenTable: Uint8Array | undefined;

/** The words of a text as written (WRITTEN_WORD), in order. */
export function writtenWords(text: string): string[] {
  if (SURROGATE.test(text)) return text.match(WRITTEN_WORD) ?? [];
  writtenTable ??= new Uint8Array(0x10000);
  const table = writtenTable;
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let kind = table[code]!;
    // Stryker disable next-line all: kept for the process once worked out, like isTokenCode in tokens.ts
    if (kind === 0) kind = table[code] = WRITTEN_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    if (kind === 1) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(text.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}

/** Written words folded before, and their tokens; let go of when there are many. */
const FORMS_KNOWN = 50_000;
const formsOfWritten = new Map<string, readonly string[]>();

/** A written word's folded tokens (one, or rarely none or several). */
export function foldedForms(spelling: string): readonly string[] {
  let forms = formsOfWritten.get(spelling);
  if (forms === undefined) {
    forms = tokenTexts(foldArabic(spelling));
    if (formsOfWritten.size >= FORMS_KNOWN) formsOfWritten.clear();
    formsOfWritten.set(spelling, forms);
  }
  return forms;
}

/** The key a word is counted under: its light stem, or (exact) its folded form. */
export function wordKey(form: string, isExact: boolean): string {
  return isExact ? form : cachedStem(form);
}

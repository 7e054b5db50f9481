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
    for (const [spelling] of text.matchAll(WRITTEN_WORD)) {
      const forms = tokenTexts(foldArabic(spelling));
      for (const form of forms) tokens.push({ form, spelling: forms.length === 1 ? spelling : form });
    }
    fields.push(tokens);
  }
  return fields;
}

/** The key a word is counted under: its light stem, or (exact) its folded form. */
export function wordKey(form: string, isExact: boolean): string {
  return isExact ? form : cachedStem(form);
}

// An article's words as the index keeps them for `words` and `collocates`: how often each
// spelling occurs in its text fields (as fieldTokens reads them, so the same words the analyses
// count from dumps), with its folded form, and all its tokens; and the compact form the index
// stores per article: (spelling id, count) pairs, ids ascending, as varints of the id's
// difference from the one before and of the count.

import type { ArticleRecord } from "./record.js";
import { foldedForms, textFields, writtenWords } from "./word-tokens.js";

/** The distinct spellings of an article, each with its folded form and count, and its tokens. */
export interface ArticleWords {
  spellings: string[];
  forms: string[];
  counts: number[];
  /** Every token, stop words too. */
  tokens: number;
}

export function articleWords(record: ArticleRecord): ArticleWords {
  const placeOf = new Map<string, number>();
  const words: ArticleWords = { spellings: [], forms: [], counts: [], tokens: 0 };
  const count = (spelling: string, form: string): void => {
    const place = placeOf.get(spelling);
    if (place !== undefined) {
      words.counts[place]!++;
      return;
    }
    placeOf.set(spelling, words.spellings.length);
    words.spellings.push(spelling);
    words.forms.push(form);
    words.counts.push(1);
  };
  for (const text of textFields(record)) {
    for (const written of writtenWords(text)) {
      // A word met before in the article is one token, counted under itself (what is counted
      // under a text is a word as written that is one token, or a folded token, which folds to
      // itself).
      const place = placeOf.get(written);
      if (place !== undefined) {
        words.counts[place]!++;
        words.tokens++;
        continue;
      }
      const forms = foldedForms(written);
      words.tokens += forms.length;
      if (forms.length === 1) count(written, forms[0]!);
      else for (const form of forms) count(form, form);
    }
  }
  return words;
}

/** Bytes written before they are copied out: one buffer for every article. */
let scratch = new Uint8Array(4096);

/** Writes a varint at `offset` of scratch; gives the offset after it. */
function writeVarint(offset: number, value: number): number {
  let at = offset;
  while (value >= 0x80) {
    scratch[at++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 0x80);
  }
  scratch[at++] = value;
  return at;
}

/** Places in a sort key below the id: ids times this plus a place stay exact in a double. */
const PLACES = 2 ** 21;

/** (id, count) pairs, in any order, as the stored bytes (ids ascending). */
export function encodeWordCounts(ids: readonly number[], counts: readonly number[]): Uint8Array {
  let order: ArrayLike<number>;
  if (ids.length < PLACES) {
    // Sorted as numbers in one typed array, each key an id and its place.
    const keys = new Float64Array(ids.length);
    for (let place = 0; place < ids.length; place++) keys[place] = ids[place]! * PLACES + place;
    keys.sort();
    for (let at = 0; at < keys.length; at++) keys[at] = keys[at]! % PLACES;
    order = keys;
  } else {
    order = ids.map((_, place) => place).sort((a, b) => ids[a]! - ids[b]!);
  }
  // Each varint of a safe integer takes 8 bytes at most.
  if (scratch.length < ids.length * 16) scratch = new Uint8Array(ids.length * 16);
  let offset = 0;
  let previous = 0;
  for (let at = 0; at < order.length; at++) {
    const place = order[at]!;
    offset = writeVarint(offset, ids[place]! - previous);
    offset = writeVarint(offset, counts[place]!);
    previous = ids[place]!;
  }
  return scratch.slice(0, offset);
}

/** Calls `visit` with each (id, count) pair of stored bytes, ids ascending. */
export function forEachWordCount(bytes: Uint8Array, visit: (id: number, count: number) => void): void {
  let offset = 0;
  let id = 0;
  const next = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[offset++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  };
  while (offset < bytes.length) {
    id += next();
    visit(id, next());
  }
}

/**
 * What the index holds of every spelling (by id): its text, its form's id and its occurrences in
 * the collection; of every form (by id): its text and occurrences; and the collection's tokens.
 */
export interface WordVocabulary {
  spellings: string[];
  spellingOccurrences: number[];
  formOfSpelling: number[];
  forms: string[];
  formOccurrences: number[];
  tokens: number;
}

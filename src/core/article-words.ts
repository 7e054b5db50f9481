// An article's words as the index keeps them for `words` and `collocates`: its distinct
// spellings in its text fields (as fieldTokens reads them, so the same words the analyses count
// from dumps), each with its folded form and count, and the order they come in; and the compact
// form the index stores per article: every token's spelling id as a varint, field after field,
// a 0 after each field, from which both the counts (words) and the neighbours (collocates) come.

import type { ArticleRecord } from "./record.js";
import { foldedForms, textFields, writtenWords } from "./word-tokens.js";

/** The distinct spellings of an article, each with its folded form and count, and its tokens. */
export interface ArticleWords {
  spellings: string[];
  forms: string[];
  counts: number[];
  /** Every token, stop words too. */
  tokens: number;
  /** Each token's place in `spellings`, in the order of the text; FIELD_END after each field. */
  sequence: number[];
}

/** Ends a field in a sequence of places: no window reaches across it. */
const FIELD_END = -1;

export function articleWords(record: ArticleRecord): ArticleWords {
  const placeOf = new Map<string, number>();
  const words: ArticleWords = { spellings: [], forms: [], counts: [], tokens: 0, sequence: [] };
  const count = (spelling: string, form: string): void => {
    let place = placeOf.get(spelling);
    if (place !== undefined) {
      words.counts[place]!++;
    } else {
      place = words.spellings.length;
      placeOf.set(spelling, place);
      words.spellings.push(spelling);
      words.forms.push(form);
      words.counts.push(1);
    }
    words.sequence.push(place);
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
        words.sequence.push(place);
        continue;
      }
      const forms = foldedForms(written);
      words.tokens += forms.length;
      if (forms.length === 1) count(written, forms[0]!);
      else for (const form of forms) count(form, form);
    }
    words.sequence.push(FIELD_END);
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

/** An article's tokens as stored: each place's spelling id (`ids`, by place in ArticleWords) in the order of `sequence`, 0 for a field's end. */
export function encodeWordSequence(ids: readonly number[], sequence: readonly number[]): Uint8Array {
  // Each varint of a safe integer takes 8 bytes at most.
  if (scratch.length < sequence.length * 8) scratch = new Uint8Array(sequence.length * 8);
  let offset = 0;
  for (const place of sequence) offset = writeVarint(offset, place === FIELD_END ? 0 : ids[place]!);
  return scratch.slice(0, offset);
}

/** Tokens decoded: one buffer for every article, grown when one is longer. */
let decoded = new Int32Array(4096);
/** Each spelling's count in the article being summed (forEachWordCount). */
let countOfId = new Int32Array(1 << 16);

/**
 * The spelling ids of stored bytes (0: a field's end) and their number. The ids are in a buffer
 * that the next call overwrites: read them before decoding another article.
 */
export function decodeWordSequence(bytes: Uint8Array): { ids: Int32Array; length: number } {
  if (decoded.length < bytes.length) decoded = new Int32Array(bytes.length);
  const ids = decoded;
  let length = 0;
  let offset = 0;
  while (offset < bytes.length) {
    let byte = bytes[offset++]!;
    let value = byte & 0x7f;
    let scale = 0x80;
    while (byte >= 0x80) {
      byte = bytes[offset++]!;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    }
    ids[length++] = value;
  }
  return { ids, length };
}

/** Calls `visit` once with each spelling id of stored bytes and its count, in the order they first come. */
export function forEachWordCount(bytes: Uint8Array, visit: (id: number, count: number) => void): void {
  const sequence = decodeWordSequence(bytes);
  const distinct: number[] = [];
  for (let at = 0; at < sequence.length; at++) {
    const id = sequence.ids[at]!;
    if (id === 0) continue;
    if (id >= countOfId.length) {
      const grown = new Int32Array(Math.max(id + 1, countOfId.length * 2));
      grown.set(countOfId);
      countOfId = grown;
    }
    if (countOfId[id]!++ === 0) distinct.push(id);
  }
  const counts = distinct.map((id) => countOfId[id]!);
  for (const id of distinct) countOfId[id] = 0;
  for (let place = 0; place < distinct.length; place++) visit(distinct[place]!, counts[place]!);
}

/**
 * What the index holds of every spelling (by id): its text, its form's id and its occurrences in
 * the collection; of every form (by id): its text, its stem's id and occurrences; of every stem
 * (by id): its text; and the collection's tokens.
 */
export interface WordVocabulary {
  spellings: string[];
  spellingOccurrences: number[];
  formOfSpelling: number[];
  forms: string[];
  formOccurrences: number[];
  stemOfForm: number[];
  stems: string[];
  tokens: number;
}

/** The key a form (by id) is counted under: its light stem, or (exact) itself; as wordKey gives it, kept by the index. */
export function keyOfForm(vocabulary: WordVocabulary, formId: number, isExact: boolean): string {
  return isExact ? vocabulary.forms[formId]! : vocabulary.stems[vocabulary.stemOfForm[formId]!]!;
}

// The piece of an article's original text shown around a search match, with the ranges of the
// matched words. Matching happens on folded text; the ranges point at original characters, a
// letter together with its marks, so the highlight never splits a letter from its harakat.

import { foldWithOffsets } from "./fold-offsets.js";
import { tokenize } from "./tokens.js";
import type { QueryTerm } from "./query.js";
import { tokenMatch, type MatchOptions } from "./search-match.js";

export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` to highlight, in order, not overlapping. */
  highlights: Array<[number, number]>;
  isCutBefore: boolean;
  isCutAfter: boolean;
}

/** Ranges of the original text that the terms match, in order. */
export function findMatchRanges(text: string, terms: readonly QueryTerm[], options: MatchOptions): Array<[number, number]> {
  const { folded, starts, ends } = foldWithOffsets(text);
  const tokens = tokenize(folded);
  const ranges: Array<[number, number]> = [];
  const original = (first: number, last: number): [number, number] => [starts[tokens[first]!.start]!, ends[tokens[last]!.end - 1]!];
  for (let i = 0; i < tokens.length; i++) {
    for (const term of terms) {
      if (term.kind === "phrase") {
        const { tokens: phrase } = term;
        let k = 0;
        while (k < phrase.length && tokens[i + k]?.text === phrase[k]) k++;
        if (k === phrase.length) ranges.push(original(i, i + k - 1));
      } else if (tokenMatch(term, tokens[i]!.text, options) > 0) {
        ranges.push(original(i, i));
      }
    }
  }
  return mergeRanges(ranges);
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * About `width` characters of the text around the first range, cut at white space; without
 * ranges, the start of the text. Line breaks become spaces.
 */
export function makeSnippet(text: string, ranges: ReadonlyArray<[number, number]>, width: number): Snippet {
  const first = ranges[0];
  let start = 0;
  if (first !== undefined && first[0] > width / 3) {
    start = first[0] - Math.floor(width / 3);
    const space = text.lastIndexOf(" ", start);
    start = space > first[0] - width / 2 ? space + 1 : Math.max(0, text.lastIndexOf(" ", first[0]) + 1);
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.indexOf(" ", end);
    end = space < 0 || space > end + width / 4 ? Math.max(end, first ? first[1] : end) : space;
  }
  // Never end between a letter and its marks, nor inside a surrogate pair.
  while (end < text.length && /[\p{M}\uDC00-\uDFFF]/u.test(text[end]!)) end++;
  const highlights: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    highlights.push([Math.max(from, start) - start, Math.min(to, end) - start]);
  }
  return {
    text: text.slice(start, end).replace(/[\r\n\t\u2028\u2029]/g, " "),
    highlights,
    isCutBefore: start > 0,
    isCutAfter: end < text.length,
  };
}

// Where a query's words stand in an article's original text. Matching happens on folded text;
// the ranges point at original characters, a letter together with its marks, so a highlight
// never splits a letter from its harakat.

import { foldWithOffsets } from "./fold-offsets.js";
import { tokenize } from "./tokens.js";
import type { QueryTerm } from "./query.js";
import { tokenMatch, type MatchOptions } from "./search-match.js";

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

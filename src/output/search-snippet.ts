// The piece of an article's original text shown around a search match in a table of results,
// with the matched words' ranges to highlight: which field it comes from, where it is cut.

import type { QueryTerm } from "../core/query.js";
import type { ArticleRecord } from "../core/record.js";
import { matchRanges } from "../core/match-ranges.js";
import type { MatchOptions } from "../core/search-match.js";

export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` to highlight, in order, not overlapping. */
  highlights: Array<[number, number]>;
  isCutBefore: boolean;
  isCutAfter: boolean;
}

const SNIPPET_CHARACTERS = 160;

/**
 * The body around its first match, else the lead or subheadline around theirs; the start of
 * the body when only the headline or agency matched. Only terms that may match a field are
 * highlighted in it.
 */
export function snippetOf(record: ArticleRecord, terms: readonly QueryTerm[], options: MatchOptions): Snippet | null {
  for (const field of ["body", "lead", "subheadline"] as const) {
    const text = record[field];
    if (!text) continue;
    const fieldTerms = terms.filter((term) => term.field === null || term.field === field);
    if (fieldTerms.length === 0) continue;
    const ranges = matchRanges(text, fieldTerms, options);
    const first = ranges.next();
    if (!first.done) return makeSnippet(text, [first.value, ...takeWhileStartsBefore(ranges, first.value[1] + 2 * SNIPPET_CHARACTERS)], SNIPPET_CHARACTERS);
  }
  return record.body ? makeSnippet(record.body, [], SNIPPET_CHARACTERS) : null;
}

/**
 * The ranges that start before `end`, read no further: a snippet looks only around the first
 * match, however many a long article holds.
 */
function* takeWhileStartsBefore(ranges: Iterator<[number, number]>, end: number): Generator<[number, number]> {
  for (let next = ranges.next(); !next.done && next.value[0] < end; next = ranges.next()) yield next.value;
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
    // End at the next space if it is near; else at the space before, so that no word is cut,
    // unless the first match or a word longer than the snippet would be.
    const space = text.indexOf(" ", end);
    const back = text.lastIndexOf(" ", end);
    const shown = first ? first[1] : start;
    if (space >= 0 && space <= end + width / 4) end = space;
    else if (back > start && back >= shown) end = back;
    else end = Math.max(end, shown);
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

// Keyword in context: each occurrence of a query's words in an article's headline, subheadline,
// lead and body, with the words before and after it within the same field, as written, and
// keys to sort by: the context folded, the words before read outward from the match (as
// concordancers sort "by left context"), the words after read onward.

import { comparePublished } from "./dates.js";
import { matchRanges, placedTokens, type PlacedToken } from "./match-ranges.js";
import type { QueryTerm, SearchField } from "./query.js";
import type { ArticleRecord } from "./record.js";
import type { MatchOptions } from "./search-match.js";

/** The fields a concordance looks in: the text of an article (its agency is no context). */
const TEXT_FIELDS = ["headline", "subheadline", "lead", "body"] as const satisfies readonly SearchField[];

export const CONCORDANCE_ORDERS = ["position", "date", "left", "right"] as const;
export type ConcordanceOrder = (typeof CONCORDANCE_ORDERS)[number];

/** One occurrence, as every format writes it. */
export interface ConcordanceLine {
  id: string | null;
  file: string;
  line: number;
  field: SearchField;
  published: string | null;
  agency: string | null;
  /** Up to `width` words before the match, as written. */
  left: string;
  /** The matched words exactly as written, harakat and all. */
  match: string;
  right: string;
}

/** A line and what it sorts by (kept beside the line, never written). */
export interface SortableLine {
  line: ConcordanceLine;
  /** The words before the match, folded, nearest first. */
  leftKey: string;
  /** The words after it, folded, in order. */
  rightKey: string;
  /** Its place among all lines found, in the order of files, articles and offsets. */
  position: number;
}

const SPACES = /\s+/g;

function contextText(text: string): string {
  return text.replace(SPACES, " ").trim();
}

/** Index of the first token that ends after `offset`. */
function firstTokenAfter(tokens: readonly PlacedToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The occurrences of the positive terms in a record's text fields, in order of fields and
 * offsets; `width` words of context on each side, cut at the field's ends.
 */
export function concordanceOf(record: ArticleRecord, terms: readonly QueryTerm[], options: MatchOptions, width: number): Array<Omit<SortableLine, "position">> {
  const found: Array<Omit<SortableLine, "position">> = [];
  for (const field of TEXT_FIELDS) {
    const text = record[field];
    if (text === null || text === "") continue;
    const fieldTerms = terms.filter((term) => term.field === null || term.field === field);
    if (fieldTerms.length === 0) continue;
    let tokens: PlacedToken[] | undefined;
    for (const [start, end] of matchRanges(text, fieldTerms, options)) {
      tokens ??= [...placedTokens(text)];
      const first = firstTokenAfter(tokens, start);
      const after = firstTokenAfter(tokens, end);
      const before = tokens.slice(Math.max(0, first - width), first);
      const following = tokens.slice(after, after + width);
      found.push({
        line: {
          id: record.id,
          file: record.file,
          line: record.line,
          field,
          published: record.published,
          agency: record.agency,
          left: before.length === 0 ? "" : contextText(text.slice(before[0]!.start, start)),
          match: text.slice(start, end),
          right: following.length === 0 ? "" : contextText(text.slice(end, following.at(-1)!.end)),
        },
        leftKey: before.map((token) => token.text).reverse().join(" "),
        rightKey: following.map((token) => token.text).join(" "),
      });
    }
  }
  return found;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts lines in an order; ties keep their positions. */
export function sortConcordance(lines: SortableLine[], order: ConcordanceOrder): SortableLine[] {
  const byPosition = (a: SortableLine, b: SortableLine) => a.position - b.position;
  switch (order) {
    case "position":
      return lines.sort(byPosition);
    case "date":
      return lines.sort((a, b) => comparePublished(b.line.published, a.line.published) || byPosition(a, b));
    case "left":
      return lines.sort((a, b) => compareText(a.leftKey, b.leftKey) || byPosition(a, b));
    case "right":
      return lines.sort((a, b) => compareText(a.rightKey, b.rightKey) || byPosition(a, b));
  }
}

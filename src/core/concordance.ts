// Keyword in context: each occurrence of a query's words in an article's headline, subheadline,
// lead and body, with the words before and after it within the same field, as written, and
// keys to sort by: the context folded, the words before read outward from the match (as
// concordancers sort "by left context"), the words after read onward. Only the blocks of a field
// around its matches are folded (field-tokens.ts), not the whole field with offsets.

import { comparePublished } from "./dates.js";
import { FieldTokens, type LocatedToken } from "./field-tokens.js";
import { FoldedFragmentScanner } from "./fragment-scanner.js";
import type { PlacedToken } from "./match-ranges.js";
import type { QueryTerm, SearchField } from "./query.js";
import type { ArticleRecord } from "./record.js";
import { type MatchOptions, termFragments, tokenMatch } from "./search-match.js";

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

/** Index of the first of a block's tokens, from `from` on, that ends after `offset`. */
function firstTokenAfter(tokens: readonly PlacedToken[], offset: number, from: number): number {
  let low = from;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A range of the original text that terms match, with its first token and the token it ends with. */
interface FoundRange {
  start: number;
  first: LocatedToken;
  end: number;
  last: LocatedToken;
}

/**
 * The ranges the terms match in a field, in order, overlapping ones merged, as matchRanges
 * gives them; only the blocks where a term's fragment may occur are looked at token by token.
 */
function* fieldRanges(field: FieldTokens, terms: readonly QueryTerm[], options: MatchOptions, mayHold: (text: string) => boolean): Generator<FoundRange> {
  let pending: FoundRange | undefined;
  for (let block = 0; block < field.blockCount; block++) {
    if (!mayHold(field.blockText(block))) continue;
    const tokens = field.tokens(block);
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      // Every range found at this token starts where it starts; `last` is where the longest ends.
      let last: LocatedToken | undefined;
      for (const term of terms) {
        let ending: LocatedToken | undefined;
        if (term.kind === "phrase") {
          const { tokens: phrase } = term;
          if (token.text !== phrase[0]) continue;
          const ahead = field.tokensFrom(block, index, phrase.length);
          let k = 0;
          while (k < phrase.length && ahead[k]?.token.text === phrase[k]) k++;
          if (k === phrase.length) ending = ahead[k - 1]!;
        } else if (tokenMatch(term, token.text, options) > 0) {
          ending = { token, block, index };
        }
        if (ending !== undefined && (last === undefined || ending.token.end > last.token.end)) last = ending;
      }
      if (last === undefined) continue;
      if (pending !== undefined && token.start <= pending.end) {
        if (last.token.end > pending.end) [pending.end, pending.last] = [last.token.end, last];
      } else {
        if (pending !== undefined) yield pending;
        pending = { start: token.start, first: { token, block, index }, end: last.token.end, last };
      }
    }
  }
  if (pending !== undefined) yield pending;
}

/**
 * The occurrences of the positive terms in a record's text fields, in order of fields and
 * offsets, one at a time; `width` words of context on each side, cut at the field's ends.
 */
export function concordanceFinder(terms: readonly QueryTerm[], options: MatchOptions, width: number): (record: ArticleRecord) => Generator<Omit<SortableLine, "position">> {
  const fragments = termFragments(terms, options);
  const scanner = new FoldedFragmentScanner(fragments);
  // A block whose folded text holds no fragment holds no token that a term matches.
  const mayHold = fragments.includes("") ? () => true : (text: string) => scanner.occursIn(text) !== false;
  return function* concordanceOf(record) {
    for (const field of TEXT_FIELDS) {
      const text = record[field];
      if (text === null || text === "") continue;
      const fieldTerms = terms.filter((term) => term.field === null || term.field === field);
      if (fieldTerms.length === 0) continue;
      const tokens = new FieldTokens(text);
      for (const { start, first, end, last } of fieldRanges(tokens, fieldTerms, options, mayHold)) {
        // As when every token is placed: the context starts at the first token that ends after
        // the range starts (one folded piece can give several tokens) and resumes at the first
        // that ends after it ends.
        const before = tokens.tokensBefore(first.block, firstTokenAfter(tokens.tokens(first.block), start, 0), width);
        const following = tokens.tokensFrom(last.block, firstTokenAfter(tokens.tokens(last.block), end, last.index), width).map((located) => located.token);
        yield {
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
        };
      }
    }
  };
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

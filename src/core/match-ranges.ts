// Where a query's words stand in an article's original text. Matching happens on folded text;
// the ranges point at original characters, a letter together with its marks, so a highlight
// never splits a letter from its harakat. The ranges come one at a time, in order, from one
// pass over the text: whoever shows only the first few (a snippet, a page that marks a bounded
// number) stops reading there.

import { foldWithOffsets } from "./fold-offsets.js";
import type { QueryTerm } from "./query.js";
import { tokenMatch, type MatchOptions } from "./search-match.js";

// A token of folded text, as tokens.ts defines it: a run of letters and digits.
const TOKEN = /[\p{L}\p{N}]+/gu;
/**
 * The text is folded a piece at a time, each piece about this long and cut before white
 * space (which no token or character crosses): ranges near the start of a long text cost only
 * the pieces they are in.
 */
const PIECE_CHARACTERS = 16_384;

/** A token of the folded text, with the range of the original text it came from. */
export interface PlacedToken {
  text: string;
  start: number;
  end: number;
}

/** The folded text's tokens, in order, a piece of the text at a time. */
export function* placedTokens(text: string): Generator<PlacedToken> {
  const space = /\s/g;
  for (let from = 0; from < text.length; ) {
    space.lastIndex = Math.min(text.length, from + PIECE_CHARACTERS);
    const to = space.exec(text)?.index ?? text.length;
    yield* piecePlacedTokens(text.slice(from, to), from);
    from = to;
  }
}

/** The tokens of a piece of text (cut before white space), with offsets `offset` further on. */
export function piecePlacedTokens(piece: string, offset: number): PlacedToken[] {
  const { folded, starts, ends } = foldWithOffsets(piece);
  const tokens: PlacedToken[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(folded); match !== null; match = TOKEN.exec(folded)) {
    tokens.push({ text: match[0], start: offset + starts[match.index]!, end: offset + ends[match.index + match[0].length - 1]! });
  }
  return tokens;
}

/**
 * The ranges of the original text that the terms match, in order, overlapping ones merged;
 * each is found when it is asked for, by one pass over the folded text.
 */
export function* matchRanges(text: string, terms: readonly QueryTerm[], options: MatchOptions): Generator<[number, number]> {
  if (terms.length === 0) return;
  const longestPhrase = Math.max(1, ...terms.map((term) => (term.kind === "phrase" ? term.tokens.length : 1)));
  const tokens = placedTokens(text);
  // The tokens from the one being matched on, as many as the longest phrase needs.
  const ahead: PlacedToken[] = [];
  let isTextLeft = true;
  const fill = () => {
    while (isTextLeft && ahead.length < longestPhrase) {
      const next = tokens.next();
      if (next.done) isTextLeft = false;
      else ahead.push(next.value);
    }
  };
  let pending: [number, number] | undefined;
  for (fill(); ahead.length > 0; ahead.shift(), fill()) {
    const token = ahead[0]!;
    // Every range found at this token starts where it starts; they come in order of their starts.
    let end = -1;
    for (const term of terms) {
      if (term.kind === "phrase") {
        const { tokens: phrase } = term;
        let k = 0;
        while (k < phrase.length && ahead[k]?.text === phrase[k]) k++;
        if (k === phrase.length) end = Math.max(end, ahead[k - 1]!.end);
      } else if (tokenMatch(term, token.text, options) > 0) {
        end = Math.max(end, token.end);
      }
    }
    if (end < 0) continue;
    if (pending !== undefined && token.start <= pending[1]) {
      pending[1] = Math.max(pending[1], end);
    } else {
      if (pending !== undefined) yield pending;
      pending = [token.start, end];
    }
  }
  if (pending !== undefined) yield pending;
}

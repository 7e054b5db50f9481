// Which matches can be among the best few, found from a full-text index's occurrence lists
// instead of by reading every match: for each matching article and positive term, the exact and
// stem-only occurrences per field are counted from the postings of the tokens that match the
// term (a phrase's from its tokens' positions), and scored by the same BM25F as a scan (rank.ts). Only the articles this selects are then
// read and matched in full, so a word found in half the collection costs its postings, not its
// articles.

import { STEM_PREFIXES } from "./arabic-stem.js";
import { limitThBest } from "./first-matches.js";
import type { ParsedQuery, QueryTerm } from "./query.js";
import { SEARCH_FIELDS } from "./query.js";
import { type CollectionStats, FieldScorer, roundScore } from "./rank.js";
import { cachedStem, type MatchOptions } from "./search-match.js";

/** What an index can say of its tokens, without reading any article. */
export interface OccurrenceLists {
  /** Every token of the index that starts with `start` (tokens of deleted articles may be among them). */
  tokensStartingWith(start: string): Iterable<string>;
  /**
   * One number for each occurrence of `token`: its article's id × FIELD_CODES + its field's
   * place in SEARCH_FIELDS (numbers, not pairs: there can be millions).
   */
  occurrences(token: string): readonly number[];
  /**
   * The same occurrences with their places in the field: (id × FIELD_CODES + field) ×
   * TOKEN_PLACES + the token's place among the field's tokens, counted from 0.
   */
  positions(token: string): readonly number[];
}

export const FIELD_CODES = 8;
/** Places of tokens in one field that positions can tell apart (2^20: no field holds as many). */
export const TOKEN_PLACES = 1 << 20;

/** A token that matches a term, and how: 2 exactly, 1 by stem only (as tokenMatch says). */
interface MatchingToken {
  token: string;
  how: 1 | 2;
}

const FIELD_COUNT = SEARCH_FIELDS.length;

/**
 * The occurrences (id × FIELD_CODES + field, as OccurrenceLists.occurrences gives them) of a
 * phrase: the places of its first token followed by each of the others in turn, each start
 * counted, as a scan counts them (search-match.ts).
 */
function phraseOccurrences(tokens: readonly string[], lists: OccurrenceLists): number[] {
  let starts = lists.positions(tokens[0]!);
  for (let k = 1; k < tokens.length && starts.length > 0; k++) {
    const next = new Set(lists.positions(tokens[k]!));
    starts = starts.filter((start) => next.has(start + k));
  }
  return starts.map((start) => Math.floor(start / TOKEN_PLACES));
}

/**
 * The tokens of the index that match a term. A token that matches a word by stem is the stem
 * with at most one of the stemmer's prefixes before it (and suffixes after), so the tokens that
 * start with each prefix + stem hold them all; each is then stemmed to be sure.
 */
export function matchingTokens(term: QueryTerm, options: MatchOptions, lists: OccurrenceLists): MatchingToken[] {
  if (term.kind === "phrase") throw new Error("phrases are not counted from occurrence lists");
  if (term.kind === "prefix") return [...lists.tokensStartingWith(term.token)].map((token) => ({ token, how: 2 as const }));
  if (!options.isStemming || term.isExact) return [{ token: term.token, how: 2 }];
  const found = new Map<string, 1 | 2>();
  for (const prefix of ["", ...STEM_PREFIXES]) {
    for (const token of lists.tokensStartingWith(prefix + term.stem)) {
      if (token === term.token) found.set(token, 2);
      else if (cachedStem(token) === term.stem) found.set(token, 1);
    }
  }
  // The query's own word, when the index does not hold it, has no occurrences to count.
  return [...found].map(([token, how]) => ({ token, how }));
}

/**
 * The articles that can be among the first `limit` by relevance: fewer than `limit` ranked
 * above the limit-th best, and every one that ties with it (the order between those, newest,
 * then file and line, is not known here; see selectNewest).
 */
interface BestMatches {
  better: number[];
  tied: number[];
}

/**
 * The ids, among `matchingIds`, of the articles that can be among the first `limit` by
 * relevance: those whose (exact clauses, score) is at least the limit-th best's.
 *
 * `readFieldLengths` gives the matching articles' field lengths in characters, in the order of
 * `matchingIds` and of SEARCH_FIELDS, of those it is asked for (one flag per article and field):
 * only the fields a term occurs in weigh in the score.
 */
export function selectBestMatches(
  query: ParsedQuery,
  options: MatchOptions,
  matchingIds: readonly number[],
  readFieldLengths: (isWanted: Uint8Array) => Int32Array,
  lists: OccurrenceLists,
  stats: CollectionStats,
  limit: number,
): BestMatches {
  if (limit <= 0 || matchingIds.length === 0) return { better: [], tied: [] };
  const slotOf = slotsOf(matchingIds);

  const positiveClauses = query.clauses.filter((clause) => !clause.isNegated);
  const terms = positiveClauses.flatMap((clause) => clause.alternatives);
  // Per article, per term: exact counts of the five fields, then stem-only counts.
  const stride = terms.length * 2 * FIELD_COUNT;
  const counts = new Int32Array(matchingIds.length * stride);
  // Which fields of which articles a term occurs in: only their lengths are read.
  const isWanted = new Uint8Array(matchingIds.length * FIELD_COUNT);
  terms.forEach((term, termNumber) => {
    const onlyField = term.field === null ? -1 : SEARCH_FIELDS.indexOf(term.field);
    // A phrase's occurrences are found from its tokens' positions; they count as exact.
    const found = term.kind === "phrase" ? [{ codes: phraseOccurrences(term.tokens, lists), how: 2 }] : matchingTokens(term, options, lists).map(({ token, how }) => ({ codes: lists.occurrences(token), how }));
    for (const { codes, how } of found) {
      const kindOffset = termNumber * 2 * FIELD_COUNT + (how === 2 ? 0 : FIELD_COUNT);
      for (const code of codes) {
        const field = code % FIELD_CODES;
        const slot = slotOf((code - field) / FIELD_CODES);
        if (slot < 0 || field >= FIELD_COUNT || (onlyField >= 0 && field !== onlyField)) continue;
        counts[slot * stride + kindOffset + field]!++;
        isWanted[slot * FIELD_COUNT + field] = 1;
      }
    }
  });

  const fieldLengths = readFieldLengths(isWanted);
  const scorer = new FieldScorer(stats);
  const exactClauses = new Int32Array(matchingIds.length);
  const scores = new Float64Array(matchingIds.length);
  for (let slot = 0; slot < matchingIds.length; slot++) {
    let at = slot * stride;
    let exactCount = 0;
    for (const clause of positiveClauses) {
      let isExact = false;
      for (let k = 0; k < clause.alternatives.length; k++, at += 2 * FIELD_COUNT) {
        for (let field = 0; field < FIELD_COUNT; field++) if (counts[at + field]! > 0) isExact = true;
      }
      if (isExact) exactCount++;
    }
    exactClauses[slot] = exactCount;
    scores[slot] = roundScore(scorer.score(counts, slot * stride, fieldLengths, slot * FIELD_COUNT));
  }

  const isBetter = (a: number, b: number) => exactClauses[a]! > exactClauses[b]! || (exactClauses[a] === exactClauses[b] && scores[a]! > scores[b]!);
  const last = limitThBest(matchingIds.length, limit, isBetter);
  const chosen: BestMatches = { better: [], tied: [] };
  for (let slot = 0; slot < matchingIds.length; slot++) {
    if (isBetter(slot, last)) chosen.better.push(matchingIds[slot]!);
    else if (!isBetter(last, slot)) chosen.tied.push(matchingIds[slot]!);
  }
  return chosen;
}

/** A function from an article id to its place in `ids`, -1 for ids not among them. */
export function slotsOf(ids: readonly number[]): (id: number) => number {
  let largest = 0;
  for (const id of ids) if (id > largest) largest = id;
  // Ids are SQLite row ids, dense from 1: an array is quicker than a map, up to a point.
  if (largest <= 4 * ids.length + 1_000_000) {
    const slots = new Int32Array(largest + 1).fill(-1);
    ids.forEach((id, slot) => {
      slots[id] = slot;
    });
    return (id) => (id >= 0 && id <= largest ? slots[id]! : -1);
  }
  const slots = new Map<number, number>();
  ids.forEach((id, slot) => {
    slots.set(id, slot);
  });
  return (id) => slots.get(id) ?? -1;
}

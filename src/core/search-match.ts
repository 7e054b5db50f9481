// Whether an article matches a parsed query, and how (which terms, in which fields, exactly or
// by stem only), on folded tokens. Ranking and highlighting both start from this.

import { stemArabic } from "./arabic-stem.js";
import { foldArabic } from "./fold.js";
import { FoldedFragmentScanner } from "./fragment-scanner.js";
import { tokensContaining } from "./tokens.js";
import { SEARCH_FIELDS, type ParsedQuery, type QueryTerm, type SearchField } from "./query.js";
import type { ArticleRecord } from "./record.js";

/**
 * An article as matching sees it: each field folded. Tokens are looked at only around the places
 * where a term's fragment occurs (see countInText), never for a whole text.
 */
export class AnalyzedArticle {
  readonly folded: Record<SearchField, string>;
  /** Length of each original field in characters: BM25's field length (see rank.ts). */
  readonly lengths: Record<SearchField, number>;

  /**
   * `fragments`: a scanner for the folded fragments of all the query's terms (fragmentOf); a
   * field that contains none of them is not folded at all (it stays "", where no term can occur).
   */
  constructor(record: ArticleRecord, fragments?: FoldedFragmentScanner) {
    const fold = (text: string | null) => {
      if (text === null) return "";
      if (fragments !== undefined && fragments.occursIn(text) === false) return "";
      return foldArabic(text);
    };
    const length = (text: string | null) => (text === null ? 0 : text.length);
    this.folded = {
      headline: fold(record.headline),
      subheadline: fold(record.subheadline),
      lead: fold(record.lead),
      body: fold(record.body),
      agency: fold(record.agency),
    };
    this.lengths = {
      headline: length(record.headline),
      subheadline: length(record.subheadline),
      lead: length(record.lead),
      body: length(record.body),
      agency: length(record.agency),
    };
  }
}

export interface MatchOptions {
  /** Light stemming on (the default); off with --exact. */
  isStemming: boolean;
}

/** How often one positive term occurred in each field, exactly and by stem only. */
export interface TermOccurrences {
  exact: Record<SearchField, number>;
  stemOnly: Record<SearchField, number>;
}

export interface ArticleMatch {
  /** The query matches the article. */
  isMatch: boolean;
  /** Per positive term, in the order of `positiveTerms(query)`. */
  occurrences: TermOccurrences[];
  /** Positive clauses satisfied by an exact (not stem-only) occurrence: exact matches rank first. */
  exactClauses: number;
}

const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/** The light stem of a folded token, remembered: news text repeats its words a great deal. */
export function cachedStem(token: string): string {
  let stem = stemCache.get(token);
  if (stem === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stem = stemArabic(token);
    stemCache.set(token, stem);
  }
  return stem;
}

/** The fragments of every term of the query, negated ones too (see AnalyzedArticle). */
export function queryFragments(query: ParsedQuery, options: MatchOptions): string[] {
  return [...new Set(query.clauses.flatMap((clause) => clause.alternatives.map((term) => fragmentOf(term, options))))];
}

/** The terms that count for ranking: every alternative of every clause that is not negated. */
export function positiveTerms(query: ParsedQuery): QueryTerm[] {
  return query.clauses.filter((clause) => !clause.isNegated).flatMap((clause) => clause.alternatives);
}

/** How a token stands to a term: 2 exact, 1 by stem only, 0 not at all. */
export function tokenMatch(term: QueryTerm, token: string, options: MatchOptions): 0 | 1 | 2 {
  switch (term.kind) {
    case "word":
      if (token === term.token) return 2;
      return options.isStemming && !term.isExact && cachedStem(token) === term.stem ? 1 : 0;
    case "prefix":
      return token.startsWith(term.token) ? 2 : 0;
    case "phrase":
      return token === term.tokens[0] ? 2 : 0;
  }
}

/** Occurrences of a term in one field's folded text: [exact, stem only]. */
function countInText(term: QueryTerm, folded: string, options: MatchOptions): [number, number] {
  let exact = 0;
  let stemOnly = 0;
  if (term.kind === "phrase") {
    const { tokens: phrase } = term;
    for (const run of tokensContaining(folded, phrase[0]!, phrase.length - 1)) {
      if (run.length === phrase.length && run.every((token, k) => token === phrase[k])) exact++;
    }
    return [exact, 0];
  }
  for (const [token] of tokensContaining(folded, fragmentOf(term, options))) {
    const how = tokenMatch(term, token!, options);
    if (how === 2) exact++;
    else if (how === 1) stemOnly++;
  }
  return [exact, stemOnly];
}

const NO_COUNTS = (): Record<SearchField, number> => ({ headline: 0, subheadline: 0, lead: 0, body: 0, agency: 0 });

function countTerm(term: QueryTerm, article: AnalyzedArticle, options: MatchOptions): TermOccurrences {
  const exact = NO_COUNTS();
  const stemOnly = NO_COUNTS();
  const fragment = fragmentOf(term, options);
  for (const field of term.field === null ? SEARCH_FIELDS : [term.field]) {
    const folded = article.folded[field];
    if (!folded.includes(fragment)) continue;
    const [e, s] = countInText(term, folded, options);
    exact[field] = e;
    stemOnly[field] = s;
  }
  return { exact, stemOnly };
}

function total(counts: Record<SearchField, number>): number {
  return counts.headline + counts.subheadline + counts.lead + counts.body + counts.agency;
}

/**
 * How the query stands to an article. Every positive term is counted even when the article does
 * not match, since ranking needs to know in how many articles each term occurs.
 */
export function matchArticle(query: ParsedQuery, article: AnalyzedArticle, options: MatchOptions): ArticleMatch {
  const occurrences: TermOccurrences[] = [];
  let exactClauses = 0;
  let isMatch = true;
  for (const clause of query.clauses) {
    if (clause.isNegated && !isMatch) continue; // nothing left to learn from it
    let isMatched = false;
    let isExact = false;
    for (const term of clause.alternatives) {
      const counts = countTerm(term, article, options);
      const exact = total(counts.exact);
      if (exact + total(counts.stemOnly) > 0) isMatched = true;
      if (exact > 0) isExact = true;
      if (!clause.isNegated) occurrences.push(counts);
    }
    if (clause.isNegated ? isMatched : !isMatched) isMatch = false;
    if (!clause.isNegated && isExact) exactClauses++;
  }
  return { occurrences, exactClauses, isMatch };
}

/**
 * The folded text a field must contain for a term to occur in it: a cheap test that spares
 * tokenizing most fields. A token that matches a word by stem contains the word's stem; a phrase
 * contains its first token; a prefix itself.
 */
function fragmentOf(term: QueryTerm, options: MatchOptions): string {
  if (term.kind === "phrase") return term.tokens[0]!;
  if (term.kind === "word") return options.isStemming && !term.isExact ? term.stem : term.token;
  return term.token;
}

/** The fragments of some terms (see fragmentOf), each once. */
export function termFragments(terms: readonly QueryTerm[], options: MatchOptions): string[] {
  return [...new Set(terms.map((term) => fragmentOf(term, options)))];
}

/** Whether a record matches the query: the test a search applies to each article it reads. */
export function makeRecordMatcher(query: ParsedQuery, options: MatchOptions): (record: ArticleRecord) => boolean {
  const fragments = new FoldedFragmentScanner(queryFragments(query, options));
  return (record) => matchArticle(query, new AnalyzedArticle(record, fragments), options).isMatch;
}

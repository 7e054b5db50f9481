// Ranking of matches: BM25 over the fields (BM25F), a headline occurrence weighing more than a
// body one, stem-only occurrences weighing less than exact ones. Field length is counted in
// characters of the original text, which a scan knows without tokenizing articles that cannot
// match and an index can store as it is; the ratio to the average is what BM25 uses of it.

import { SEARCH_FIELDS, type SearchField } from "./query.js";
import type { ArticleMatch } from "./search-match.js";

// Usual BM25 constants (Lucene's and Elasticsearch's defaults).
const K1 = 1.2;
const B = 0.75;
const FIELD_WEIGHTS: Readonly<Record<SearchField, number>> = {
  headline: 3,
  subheadline: 2,
  lead: 1.5,
  body: 1,
  agency: 1,
};
const FIELD_COUNT = SEARCH_FIELDS.length;
const WEIGHTS_IN_ORDER = SEARCH_FIELDS.map((field) => FIELD_WEIGHTS[field]);
/** A stem-only occurrence counts for this much of an exact one. */
const STEM_ONLY_WEIGHT = 0.5;

/** What ranking needs to know of the whole collection searched. */
export interface CollectionStats {
  articleCount: number;
  /** Sum of field lengths over all articles, per field. */
  totalLength: Record<SearchField, number>;
  /** Per positive term: in how many articles it occurs (exactly or by stem). */
  documentFrequency: number[];
}

export function emptyStats(termCount: number): CollectionStats {
  return {
    articleCount: 0,
    totalLength: { headline: 0, subheadline: 0, lead: 0, body: 0, agency: 0 },
    documentFrequency: new Array<number>(termCount).fill(0),
  };
}

/**
 * BM25F over one collection's statistics, with what is the same for every article (each term's
 * idf, each field's average length) worked out once: ranking scores every match of a search.
 *
 * It reads counts and lengths as numbers in arrays: per term, FIELD_COUNT exact counts then
 * FIELD_COUNT stem-only counts, in the order of SEARCH_FIELDS; lengths in that order too.
 */
export class FieldScorer {
  /** Per term, its idf; NaN for a term that occurs nowhere, which adds nothing. */
  private readonly idf: number[];
  private readonly averages: number[];

  constructor(stats: CollectionStats) {
    this.idf = stats.documentFrequency.map((df) => (df === 0 ? Number.NaN : Math.log(1 + (stats.articleCount - df + 0.5) / (df + 0.5))));
    this.averages = SEARCH_FIELDS.map((field) => stats.totalLength[field] / Math.max(1, stats.articleCount));
  }

  /** The score of the counts from `countsAt` (as many terms as the statistics have) with the lengths from `lengthsAt`. */
  score(counts: ArrayLike<number>, countsAt: number, lengths: ArrayLike<number>, lengthsAt: number): number {
    let score = 0;
    for (let term = 0, at = countsAt; term < this.idf.length; term++, at += 2 * FIELD_COUNT) {
      const idf = this.idf[term]!;
      if (Number.isNaN(idf)) continue;
      let weighted = 0;
      for (let field = 0; field < FIELD_COUNT; field++) {
        const count = counts[at + field]! + STEM_ONLY_WEIGHT * counts[at + FIELD_COUNT + field]!;
        if (count === 0) continue;
        const average = this.averages[field]!;
        const norm = average > 0 ? 1 - B + (B * lengths[lengthsAt + field]!) / average : 1;
        weighted += (WEIGHTS_IN_ORDER[field]! * count) / norm;
      }
      score += (idf * weighted * (K1 + 1)) / (weighted + K1);
    }
    return score;
  }
}

/** Whether a positive term occurs in the article at all (for document frequencies). */
export function termOccurs(match: ArticleMatch, term: number): boolean {
  const occurrences = match.occurrences[term];
  if (occurrences === undefined) return false;
  return SEARCH_FIELDS.some((field) => occurrences.exact[field] + occurrences.stemOnly[field] > 0);
}

/** Scores are printed and compared rounded: six decimals keep them stable across platforms' sums. */
export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

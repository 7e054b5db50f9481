// Ranking of matches: BM25 over the fields (BM25F), a headline occurrence weighing more than a
// body one, stem-only occurrences weighing less than exact ones. Field length is counted in
// characters of the original text, which a scan knows without tokenizing articles that cannot
// match and an index can store as it is; the ratio to the average is what BM25 uses of it.

import { SEARCH_FIELDS, type SearchField } from "./query.js";
import type { ArticleMatch } from "./search-match.js";

// Usual BM25 constants (Lucene's and Elasticsearch's defaults).
const K1 = 1.2;
const B = 0.75;
export const FIELD_WEIGHTS: Readonly<Record<SearchField, number>> = {
  headline: 3,
  subheadline: 2,
  lead: 1.5,
  body: 1,
  agency: 1,
};
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

/** BM25F score of one matched article; `lengths` are its field lengths. */
export function scoreMatch(match: ArticleMatch, lengths: Record<SearchField, number>, stats: CollectionStats): number {
  let score = 0;
  match.occurrences.forEach((occurrences, term) => {
    const df = stats.documentFrequency[term] ?? 0;
    if (df === 0) return;
    const idf = Math.log(1 + (stats.articleCount - df + 0.5) / (df + 0.5));
    let weighted = 0;
    for (const field of SEARCH_FIELDS) {
      const count = occurrences.exact[field] + STEM_ONLY_WEIGHT * occurrences.stemOnly[field];
      if (count === 0) continue;
      const average = stats.totalLength[field] / Math.max(1, stats.articleCount);
      const norm = average > 0 ? 1 - B + (B * lengths[field]) / average : 1;
      weighted += (FIELD_WEIGHTS[field] * count) / norm;
    }
    score += (idf * weighted * (K1 + 1)) / (weighted + K1);
  });
  return score;
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

// Searching a stream of records: each is matched as it passes, collection statistics grow with
// every record (or come ready from an index), and once the stream ends the matches are scored
// and put in order (exact before stem-only, then BM25, then newest, then file and line; or
// newest first with --sort date).

import { FoldedFragmentScanner } from "./fold.js";
import { comparePublished } from "./published-order.js";
import type { ParsedQuery } from "./query.js";
import type { ArticleRecord } from "./record.js";
import { emptyStats, roundScore, scoreMatch, termOccurs, type CollectionStats } from "./rank.js";
import { AnalyzedArticle, matchArticle, positiveTerms, queryFragments, type ArticleMatch, type MatchOptions } from "./search-match.js";
import { SEARCH_FIELDS, type SearchField } from "./query.js";

export type SearchOrder = "relevance" | "date";

export interface SearchHit {
  record: ArticleRecord;
  score: number;
  match: ArticleMatch;
}

interface PendingHit {
  record: ArticleRecord;
  match: ArticleMatch;
  lengths: Record<SearchField, number>;
}

export class SearchRanking {
  private readonly stats: CollectionStats;
  private readonly termCount: number;
  private readonly hits: PendingHit[] = [];
  private matches = 0;
  private readonly fragments: FoldedFragmentScanner;
  /** Statistics came from an index: records added are candidates, not the collection. */
  private readonly hasFixedStats: boolean;

  /**
   * Without `stats`, every record of the collection is to be added and the statistics are
   * gathered from them; with `stats` (an index's), only candidates need to be added.
   * `isCounting`: only the number of matches is wanted, so none is kept (memory stays flat).
   */
  constructor(
    private readonly query: ParsedQuery,
    private readonly options: MatchOptions,
    stats?: CollectionStats,
    private readonly isCounting = false,
  ) {
    this.termCount = positiveTerms(query).length;
    this.fragments = new FoldedFragmentScanner(queryFragments(query, options));
    this.hasFixedStats = stats !== undefined;
    this.stats = stats ?? emptyStats(this.termCount);
  }

  /** Looks at one record; returns whether it matches. */
  add(record: ArticleRecord): boolean {
    const article = new AnalyzedArticle(record, this.fragments);
    const match = matchArticle(this.query, article, this.options);
    if (!this.hasFixedStats) {
      this.stats.articleCount++;
      for (const field of SEARCH_FIELDS) this.stats.totalLength[field] += article.lengths[field];
      for (let term = 0; term < this.termCount; term++) {
        if (termOccurs(match, term)) this.stats.documentFrequency[term]!++;
      }
    }
    if (match.isMatch) {
      this.matches++;
      if (!this.isCounting) this.hits.push({ record, match, lengths: article.lengths });
    }
    return match.isMatch;
  }

  get matchCount(): number {
    return this.matches;
  }

  /** The matches, scored and in order (none when counting). */
  ranked(order: SearchOrder): SearchHit[] {
    const scored = this.hits.map((hit) => ({ ...hit, score: roundScore(scoreMatch(hit.match, hit.lengths, this.stats)) }));
    scored.sort((a, b) => {
      if (order === "relevance") {
        if (a.match.exactClauses !== b.match.exactClauses) return b.match.exactClauses - a.match.exactClauses;
        if (a.score !== b.score) return b.score - a.score;
      }
      const byDate = compareNewestFirst(a.record.published, b.record.published);
      if (byDate !== 0) return byDate;
      // Then where they come from, which a scan and an index know alike.
      if (a.record.file !== b.record.file) return a.record.file < b.record.file ? -1 : 1;
      return a.record.line - b.record.line;
    });
    return scored.map(({ record, score, match }) => ({ record, score, match }));
  }
}

/** Newest first; articles without a date last. */
function compareNewestFirst(a: string | null, b: string | null): number {
  return comparePublished(b, a);
}

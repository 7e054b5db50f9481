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

/** Where a match is, and its score: what is left of a hit when records are not kept. */
export interface RankedPlace {
  /** The record, when it was kept after all (one that cannot be read again). */
  record: ArticleRecord | null;
  file: string;
  line: number;
  /** To tell that the article there is still the one that was ranked. */
  id: string | null;
  published: string | null;
  score: number;
  match: ArticleMatch;
}

/**
 * What a ranking keeps of each match: the records (to print them), only their places (the
 * records are read again afterwards, so that memory does not grow with the matches), or
 * nothing (only the number of matches is wanted).
 */
export type KeptOfMatches = "records" | "places" | "nothing";

interface PendingHit {
  /** null when only places are kept. */
  record: ArticleRecord | null;
  file: string;
  line: number;
  id: string | null;
  published: string | null;
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
   */
  constructor(
    private readonly query: ParsedQuery,
    private readonly options: MatchOptions,
    stats?: CollectionStats,
    private readonly kept: KeptOfMatches = "records",
  ) {
    this.termCount = positiveTerms(query).length;
    this.fragments = new FoldedFragmentScanner(queryFragments(query, options));
    this.hasFixedStats = stats !== undefined;
    this.stats = stats ?? emptyStats(this.termCount);
  }

  /**
   * Looks at one record; returns whether it matches. `cannotReadAgain`, asked of a match when
   * only places are kept: true keeps its record all the same (its file cannot be read twice).
   */
  add(record: ArticleRecord, cannotReadAgain?: (record: ArticleRecord) => boolean): boolean {
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
      if (this.kept !== "nothing") {
        const { file, line, id, published } = record;
        const isRecordKept = this.kept === "records" || cannotReadAgain?.(record) === true;
        this.hits.push({ record: isRecordKept ? record : null, file, line, id, published, match, lengths: article.lengths });
      }
    }
    return match.isMatch;
  }

  get matchCount(): number {
    return this.matches;
  }

  /** The matches, scored and in order (none when nothing is kept); needs the records kept. */
  ranked(order: SearchOrder): SearchHit[] {
    if (this.kept !== "records") throw new Error("the ranking kept no records");
    return this.inOrder(order).map(({ record, score, match }) => ({ record: record!, score, match }));
  }

  /** The matches' places and scores, in order. */
  rankedPlaces(order: SearchOrder): RankedPlace[] {
    return this.inOrder(order).map(({ record, file, line, id, published, score, match }) => ({ record, file, line, id, published, score, match }));
  }

  private inOrder(order: SearchOrder): (PendingHit & { score: number })[] {
    const scored = this.hits.map((hit) => ({ ...hit, score: roundScore(scoreMatch(hit.match, hit.lengths, this.stats)) }));
    scored.sort((a, b) => {
      if (order === "relevance") {
        if (a.match.exactClauses !== b.match.exactClauses) return b.match.exactClauses - a.match.exactClauses;
        if (a.score !== b.score) return b.score - a.score;
      }
      const byDate = compareNewestFirst(a.published, b.published);
      if (byDate !== 0) return byDate;
      // Then where they come from, which a scan and an index know alike.
      if (a.file !== b.file) return a.file < b.file ? -1 : 1;
      return a.line - b.line;
    });
    return scored;
  }
}

/** A key for an article's place: its file and first line. */
export function placeKey(file: string, line: number): string {
  return `${line}:${file}`;
}

/**
 * The hits at ranked places, in the places' order: their kept records, or the records read
 * again there; or the first place whose article is gone or is another one (another number or
 * date) by now.
 */
export function hitsAtPlaces(places: readonly RankedPlace[], records: readonly ArticleRecord[]): { hits: SearchHit[] } | { changed: RankedPlace } {
  const byPlace = new Map(records.map((record) => [placeKey(record.file, record.line), record]));
  const hits: SearchHit[] = [];
  for (const place of places) {
    const record = place.record ?? byPlace.get(placeKey(place.file, place.line));
    if (record === undefined || record.id !== place.id || record.published !== place.published) return { changed: place };
    hits.push({ record, score: place.score, match: place.match });
  }
  return { hits };
}

/** Newest first; articles without a date last. */
function compareNewestFirst(a: string | null, b: string | null): number {
  return comparePublished(b, a);
}

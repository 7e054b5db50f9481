// Searching a stream of records: each is matched as it passes, collection statistics grow with
// every record (or come ready from an index), and once the stream ends the matches are scored
// and put in order (exact before stem-only, then BM25, then newest, then file and line; or
// newest first with --sort date).

import { FoldedFragmentScanner } from "./fragment-scanner.js";
import { comparePublished } from "./dates.js";
import type { ParsedQuery } from "./query.js";
import type { ArticleRecord } from "./record.js";
import { comparePlaces, placeKey } from "./record-place.js";
import { emptyStats, FieldScorer, roundScore, termOccurs, type CollectionStats } from "./rank.js";
import { AnalyzedArticle, matchArticle, positiveTerms, queryFragments, type ArticleMatch, type MatchOptions, type TermOccurrences } from "./search-match.js";
import { SEARCH_FIELDS, type SearchField } from "./query.js";

const FIELD_COUNT = SEARCH_FIELDS.length;

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
  /** Its number among the matches, counted from 0 in the order they were added. */
  ordinal: number;
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
type KeptOfMatches = "records" | "places" | "nothing";

export class SearchRanking {
  private readonly stats: CollectionStats;
  private readonly termCount: number;
  private matches = 0;
  private readonly fragments: FoldedFragmentScanner;
  /** Statistics came from an index: records added are candidates, not the collection. */
  private readonly hasFixedStats: boolean;
  // What is kept of each match, by its ordinal, column by column: a match costs a few numbers
  // and references rather than objects, since a search may hold millions of them.
  /** The record, or null when only the place is kept. */
  private readonly records: (ArticleRecord | null)[] = [];
  private readonly files: string[] = [];
  private readonly lines: number[] = [];
  private readonly ids: (string | null)[] = [];
  private readonly published: (string | null)[] = [];
  private readonly exactClauses: number[] = [];
  /** Per match, `stride` numbers: each field's length, then per term each field's exact and stem-only counts. */
  private numbers = new Int32Array(0);
  private readonly stride: number;

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
    this.stride = FIELD_COUNT * (1 + 2 * this.termCount);
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
    if (!match.isMatch) return false;
    if (this.kept !== "nothing") {
      const isRecordKept = this.kept === "records" || cannotReadAgain?.(record) === true;
      this.records.push(isRecordKept ? record : null);
      this.files.push(record.file);
      this.lines.push(record.line);
      this.ids.push(record.id);
      this.published.push(record.published);
      this.exactClauses.push(match.exactClauses);
      this.keepNumbers(this.matches, match, article.lengths);
    }
    this.matches++;
    return true;
  }

  get matchCount(): number {
    return this.matches;
  }

  /** The matches, scored and in order (none when nothing is kept); needs the records kept. */
  ranked(order: SearchOrder): SearchHit[] {
    if (this.kept !== "records") throw new Error("the ranking kept no records");
    const { ordinals, scores } = this.inOrder(order);
    return Array.from(ordinals, (ordinal) => ({ record: this.records[ordinal]!, score: scores[ordinal]!, match: this.matchOf(ordinal) }));
  }

  /** The first `limit` matches' places and scores, in order. */
  rankedPlaces(order: SearchOrder, limit = Infinity): RankedPlace[] {
    const places: RankedPlace[] = [];
    for (const place of this.placesInOrder(order)) {
      if (places.length >= limit) break;
      places.push(place);
    }
    return places;
  }

  /** The matches' places and scores, in order, each made as it is asked for. */
  *placesInOrder(order: SearchOrder): Generator<RankedPlace> {
    const { ordinals, scores } = this.inOrder(order);
    for (const ordinal of ordinals) {
      yield {
        record: this.records[ordinal]!,
        ordinal,
        file: this.files[ordinal]!,
        line: this.lines[ordinal]!,
        id: this.ids[ordinal]!,
        published: this.published[ordinal]!,
        score: scores[ordinal]!,
        match: this.matchOf(ordinal),
      };
    }
  }

  /** The ordinals of the matches in order, and every match's score (by ordinal). */
  private inOrder(order: SearchOrder): { ordinals: Int32Array; scores: Float64Array } {
    const count = this.records.length;
    const scores = new Float64Array(count);
    const scorer = new FieldScorer(this.stats);
    for (let ordinal = 0; ordinal < count; ordinal++) scores[ordinal] = roundScore(scorer.score(this.numbers, ordinal * this.stride + FIELD_COUNT, this.numbers, ordinal * this.stride));
    const { exactClauses, published, files, lines } = this;
    const ordinals = Int32Array.from({ length: count }, (_, ordinal) => ordinal);
    ordinals.sort((a, b) => {
      if (order === "relevance") {
        if (exactClauses[a] !== exactClauses[b]) return exactClauses[b]! - exactClauses[a]!;
        if (scores[a] !== scores[b]) return scores[b]! - scores[a]!;
      }
      const byDate = compareNewestFirst(published[a]!, published[b]!);
      if (byDate !== 0) return byDate;
      // Then where they come from, which a scan and an index know alike.
      return comparePlaces(files[a]!, lines[a]!, files[b]!, lines[b]!);
    });
    return { ordinals, scores };
  }

  private keepNumbers(ordinal: number, match: ArticleMatch, lengths: Record<SearchField, number>): void {
    let at = ordinal * this.stride;
    if (at + this.stride > this.numbers.length) {
      const grown = new Int32Array(Math.max(1024 * this.stride, 2 * this.numbers.length));
      grown.set(this.numbers);
      this.numbers = grown;
    }
    for (const field of SEARCH_FIELDS) this.numbers[at++] = lengths[field];
    for (const { exact, stemOnly } of match.occurrences) {
      for (const field of SEARCH_FIELDS) this.numbers[at++] = exact[field];
      for (const field of SEARCH_FIELDS) this.numbers[at++] = stemOnly[field];
    }
  }

  private matchOf(ordinal: number): ArticleMatch {
    const occurrences: TermOccurrences[] = [];
    for (let term = 0, at = ordinal * this.stride + FIELD_COUNT; term < this.termCount; term++, at += 2 * FIELD_COUNT) {
      occurrences.push({ exact: this.fieldsAt(at), stemOnly: this.fieldsAt(at + FIELD_COUNT) });
    }
    return { isMatch: true, occurrences, exactClauses: this.exactClauses[ordinal]! };
  }

  /** The numbers at `at`, one per field. */
  private fieldsAt(at: number): Record<SearchField, number> {
    const fields = {} as Record<SearchField, number>;
    SEARCH_FIELDS.forEach((field, number) => {
      fields[field] = this.numbers[at + number]!;
    });
    return fields;
  }
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

// The embedded index: records kept in SQLite (through better-sqlite3), with an FTS5 table of the
// core's folded tokens and stems for finding candidates. Written in WAL mode, a batch of files
// per transaction, so a process killed at any moment leaves a consistent database that a rerun
// completes; a database made by another newsctl format is recognised and explained.
//
// ArticleIndex is what commands use; the work is done by the modules beside it:
// index-database.ts (schema, format, opening), index-reading.ts (the connection and the records
// in place order, which is all that commands reading records load), index-writes.ts,
// index-reads.ts, index-search.ts (ranked search) and index-sql.ts (queries and filters as SQL).

import type { RecordFilter } from "../core/filters.js";
import type { IndexTexts } from "../core/fts-terms.js";
import type { ParsedQuery } from "../core/query.js";
import type { CollectionStats } from "../core/rank.js";
import type { ArticleRecord } from "../core/record.js";
import type { MatchOptions } from "../core/search-match.js";
import { openIndex } from "./index-database.js";
import type { FileState } from "./index-reads.js";
import { IndexReading } from "./index-reading.js";
import { type FacetColumns, type Facets, facetsOf, readFacetColumns } from "./index-facets.js";
import type { DayCount } from "./day-totals.js";
import { countsByDay } from "./index-periods.js";
import * as search from "./index-search.js";
import type { FirstMatches, FirstMatchesRequest } from "./index-search.js";
import * as writes from "./index-writes.js";
import * as words from "./index-words.js";
import { foldWordChanges } from "./word-table.js";
import type { KeptWordRow, KeptWordsRequest } from "./index-words.js";
import type { WordVocabulary } from "../core/article-words.js";
import type { DuplicateArticle } from "./index-writes.js";

export { INDEX_FORMAT } from "./index-database.js";
export type { FileState, PlacedArticle } from "./index-reads.js";
export type { FacetColumns, Facets } from "./index-facets.js";
export type { FirstMatches } from "./index-search.js";
export type { DayCount } from "./day-totals.js";
export type { DuplicateArticle } from "./index-writes.js";
export type { KeptStopWords } from "./index-words.js";

/** A file being written in pieces (ArticleIndex.startFileInPieces). */
export type FileInPieces = Pick<writes.FileInPieces, "add" | "finish" | "abandon">;

export class ArticleIndex extends IndexReading {
  /** Opens an index to write it; creates it when `isCreating` and the file is new. */
  static open(path: string, isCreating: boolean): ArticleIndex {
    return new ArticleIndex(openIndex(path, isCreating ? "create" : "write"));
  }

  /**
   * Opens an index that this connection can only read; from a folder that cannot be written,
   * as an immutable file (`readingNote` then says so).
   */
  static override openReadOnly(path: string): ArticleIndex {
    return new ArticleIndex(openIndex(path, "read"));
  }

  /** Runs `work` in one transaction: all of it lands, or none. */
  inTransaction<T>(work: () => T): T {
    return this.guard(() => writes.inTransaction(this.connection, work));
  }

  /** Notes a file's new size and time when its bytes did not change. */
  touchFile(path: string, state: FileState): void {
    this.guard(() => writes.touchFile(this.connection, path, state));
  }

  /**
   * Replaces what the index holds of a file with these records. An article number already held
   * for another article keeps the newer of the two (published later; the one being added when
   * equal), and the pair is returned.
   */
  replaceFile(path: string, state: FileState, records: readonly ArticleRecord[], terms?: readonly IndexTexts[]): DuplicateArticle[] {
    return this.guard(() => writes.replaceFile(this.connection, path, state, records, terms));
  }

  /**
   * Starts writing a file in pieces, in a transaction of its own that stays open until the
   * file is finished or abandoned (see FileInPieces); no other write may come between.
   */
  startFileInPieces(path: string, state: FileState): FileInPieces {
    const file = this.guard(() => writes.FileInPieces.start(this.connection, path, state));
    return {
      add: (records, terms) => this.guard(() => file.add(records, terms)),
      finish: (hash) => this.guard(() => file.finish(hash)),
      abandon: () => this.guard(() => file.abandon()),
    };
  }

  /** Drops a file and its articles. */
  removeFile(path: string): void {
    this.guard(() => writes.removeFile(this.connection, path));
  }

  /** The collection statistics of the articles a filter selects, for ranking (rank.ts). */
  searchStats(query: ParsedQuery, options: MatchOptions, filter: RecordFilter): CollectionStats {
    return this.guard(() => search.searchStats(this.connection, query, options, filter));
  }

  /**
   * Runs `reading` on one snapshot of the index: a search that asks several questions gets
   * answers that agree even while `newsctl index` commits.
   */
  readConsistently<T>(reading: () => T): T {
    return this.guard(() => search.readConsistently(this.connection, reading));
  }

  /**
   * The matches that can be among the best `limit` by relevance, and how many match in all,
   * reading only those articles. Call it within readConsistently.
   */
  bestMatches(...request: FirstMatchesRequest): FirstMatches {
    return this.guard(() => search.bestMatches(this.connection, ...request));
  }

  /**
   * The matches that can be among the `limit` newest, and how many match in all, reading only
   * those articles; null when their publication times are not in one order. Call it within
   * readConsistently.
   */
  newestMatches(...request: FirstMatchesRequest): FirstMatches | null {
    return this.guard(() => search.newestMatches(this.connection, ...request));
  }

  /** Every shown article's agency and month, for counting facets (stale once the index changes). */
  facetColumns(): FacetColumns {
    return this.guard(() => readFacetColumns(this.connection));
  }

  /** Articles per agency and per month among the matches of the query (every shown article when null) and the filter. */
  facets(columns: FacetColumns, query: ParsedQuery | null, options: MatchOptions, filter: RecordFilter): Facets {
    return this.guard(() => facetsOf(this.connection, columns, query, options, filter));
  }

  /** The ids of the shown articles that match the query and the filter, without reading them. */
  matchingIds(query: ParsedQuery, options: MatchOptions, filter: RecordFilter): number[] {
    return this.guard(() => search.matchingIds(this.connection, query, options, filter));
  }

  /** The records of these articles, in this order. */
  recordsOf(ids: readonly number[]): ArticleRecord[] {
    return this.guard(() => search.recordsOf(this.connection, ids));
  }

  /** Shown articles per day (and agency) among the matches of the query (every one when null) and the filter, without reading them. */
  countsByDay(query: ParsedQuery | null, options: MatchOptions, filter: RecordFilter, isByAgency: boolean): DayCount[] {
    return this.guard(() => countsByDay(this.connection, query, options, filter, isByAgency));
  }

  /** How many articles match the query and the filter, without reading them. */
  countMatches(query: ParsedQuery, options: MatchOptions, filter: RecordFilter): number {
    return this.guard(() => search.countMatches(this.connection, query, options, filter));
  }

  /** Adds the word counts' logged changes to the counts (word-table.ts): a write of its own. */
  foldWordChanges(): void {
    this.inTransaction(() => foldWordChanges(this.connection));
  }

  /** The collection's frequency list from the word table; null when it cannot give it (index-words.ts). */
  keptFrequencyList(request: KeptWordsRequest): KeptWordRow[] | null {
    return this.guard(() => words.keptFrequencyList(this.connection, request));
  }

  /** Every spelling, form and stem of the word table, with the collection's counts. */
  wordVocabulary(): WordVocabulary {
    return this.guard(() => words.wordVocabulary(this.connection));
  }

  /** The stored words of these articles (article-words.ts), one at a time. */
  wordsOfArticles(ids: readonly number[]): Generator<Uint8Array> {
    return this.guardEach(() => words.wordsOfArticles(this.connection, ids));
  }

  /** The stored words of the shown articles a filter selects, one at a time. */
  wordsOfSelection(filter: RecordFilter): Generator<Uint8Array> {
    return this.guardEach(() => words.wordsOfSelection(this.connection, filter));
  }
}

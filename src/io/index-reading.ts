// The reading side of the embedded index: an open connection, its errors in words, and the
// records read in the order of files and lines (index-reads.ts). Commands that only read records
// (kwic, show, export --db) open this much; ArticleIndex (article-index.ts) adds ranked search,
// counts, facets, the word table and writing on top of it.

import type { RecordFilter } from "../core/filters.js";
import type { ParsedQuery } from "../core/query.js";
import type { ArticleRecord } from "../core/record.js";
import type { MatchOptions } from "../core/search-match.js";
import { describeIndexError, type IndexConnection, immutableReadingNote, openIndex } from "./index-database.js";
import * as reads from "./index-reads.js";
import type { FileState, PlacedArticle } from "./index-reads.js";

export class IndexReading {
  readonly path: string;

  protected constructor(protected readonly connection: IndexConnection) {
    this.path = connection.path;
  }

  /**
   * Opens an index that this connection can only read; from a folder that cannot be written,
   * as an immutable file (`readingNote` then says so).
   */
  static openReadOnly(path: string): IndexReading {
    return new IndexReading(openIndex(path, "read"));
  }

  /** What to tell the user once about how the index is read, if anything. */
  readingNote(): string | undefined {
    return this.connection.isImmutable ? immutableReadingNote(this.path) : undefined;
  }

  /**
   * A number that changes whenever another connection commits to the index: answers worked
   * out before it changed may be out of date.
   */
  dataVersion(): number {
    return this.guard(() => this.connection.db.pragma("data_version", { simple: true }) as number);
  }

  /** Runs work on the index; its errors in words (a damaged index, SQLite's trouble). */
  protected guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw describeIndexError(this.path, error);
    }
  }

  /** As guard, for records read one at a time. */
  protected *guardEach<T>(reading: () => Generator<T>): Generator<T> {
    try {
      yield* reading();
    } catch (error) {
      throw describeIndexError(this.path, error);
    }
  }

  close(): void {
    this.guard(() => this.connection.db.close());
  }

  fileState(path: string): FileState | undefined {
    return this.guard(() => reads.fileState(this.connection, path));
  }

  /** Every indexed file's path. */
  indexedPaths(): string[] {
    return this.guard(() => reads.indexedPaths(this.connection));
  }

  /** Articles shown (one per article number). */
  articleCount(): number {
    return this.guard(() => reads.articleCount(this.connection));
  }

  /** Records that pass the filter, in the order of their files' paths and lines. */
  records(filter: RecordFilter, limit?: number): Generator<ArticleRecord> {
    return this.guardEach(() => reads.records(this.connection, filter, limit));
  }

  /**
   * Records that match the query's terms and the filter, in no particular order (ranking puts
   * them in one): the matches, as the token and stem tables hold exactly what matching looks at.
   */
  candidates(query: ParsedQuery, options: MatchOptions, filter: RecordFilter): Generator<ArticleRecord> {
    return this.guardEach(() => reads.candidates(this.connection, query, options, filter));
  }

  /** The records that match the query and the filter, in the order of their files' paths and lines. */
  matchesInPlaceOrder(query: ParsedQuery, options: MatchOptions, filter: RecordFilter): Generator<ArticleRecord> {
    return this.guardEach(() => reads.matchesInPlaceOrder(this.connection, query, options, filter));
  }

  /** The article that starts at this line of this file, shown or not. */
  articleAt(path: string, line: number): PlacedArticle | undefined {
    return this.guard(() => reads.articleAt(this.connection, path, line));
  }

  /** Every article with this number, shown or not. */
  articlesNumbered(id: string): PlacedArticle[] {
    return this.guard(() => reads.articlesNumbered(this.connection, id));
  }
}

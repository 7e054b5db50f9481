// Reading the index: what it holds of each file, how many articles it shows, and the records
// that a filter, or a query and a filter, select.

import type { RecordFilter } from "../core/filters.js";
import type { ParsedQuery } from "../core/query.js";
import type { ArticleRecord } from "../core/record.js";
import type { MatchOptions } from "../core/search-match.js";
import type { IndexConnection } from "./index-database.js";
import { filterSql, matchSql } from "./index-sql.js";

/** What is known of an indexed file, to tell whether it changed. */
export interface FileState {
  size: number;
  mtimeMs: number;
  hash: string;
}

export function fileState(connection: IndexConnection, path: string): FileState | undefined {
  const row = connection.sql("SELECT size, mtime_ms, hash FROM files WHERE path = ?").get(path) as { size: number; mtime_ms: number; hash: string } | undefined;
  return row === undefined ? undefined : { size: row.size, mtimeMs: row.mtime_ms, hash: row.hash };
}

/** Every indexed file's path. */
export function indexedPaths(connection: IndexConnection): string[] {
  return (connection.db.prepare("SELECT path FROM files ORDER BY path").all() as { path: string }[]).map((row) => row.path);
}

/** Articles shown (one per article number). */
export function articleCount(connection: IndexConnection): number {
  return (connection.sql("SELECT articles FROM shown_totals").pluck().get() as number);
}

/** Records that pass the filter, in the order of their files' paths and lines. */
export function* records(connection: IndexConnection, filter: RecordFilter, limit?: number): Generator<ArticleRecord> {
  const { db } = connection;
  const where = filterSql(db, filter);
  const statement = db.prepare(`SELECT record FROM articles AS a WHERE ${where.sql} ORDER BY path, line${limit === undefined ? "" : " LIMIT ?"}`);
  const parameters = limit === undefined ? where.parameters : [...where.parameters, limit];
  for (const row of statement.iterate(...parameters) as Iterable<{ record: string }>) yield JSON.parse(row.record) as ArticleRecord;
}

/**
 * Records that match the query's terms and the filter, in no particular order (ranking puts
 * them in one). The token and stem tables hold exactly what matching looks at, so these are
 * the matches (ranking still looks at each to weigh its occurrences).
 */
export function* candidates(connection: IndexConnection, query: ParsedQuery, options: MatchOptions, filter: RecordFilter): Generator<ArticleRecord> {
  const { db } = connection;
  const { from, parameters } = matchSql(db, query, options, filter, "records");
  const statement = db.prepare(`SELECT record FROM ${from}`);
  for (const row of statement.iterate(...parameters) as Iterable<{ record: string }>) yield JSON.parse(row.record) as ArticleRecord;
}

/**
 * Matches up to which their ids are put in place order by a sort; beyond, the index of places is
 * walked in order instead, and gives its first matches at once (for `kwic --limit`) where a sort
 * would look up every match's place first. Walking costs about a sixth of a look-up per article
 * indexed, so it pays when the matches are more than a few thousand, or are mostly not all read.
 */
const SORTED_MATCHES = 2_000;

/**
 * The records that match the query and the filter, in the order of their files' paths and
 * lines, read one at a time: the matches' ids are put in that order first (sorting the records
 * themselves would read every one before the first is given, and hold them all in a sort), or,
 * when there are many, found in that order as the index of places is walked; then each record is
 * read as it is wanted, so that a reader who stops early reads no more.
 */
export function* matchesInPlaceOrder(connection: IndexConnection, query: ParsedQuery, options: MatchOptions, filter: RecordFilter): Generator<ArticleRecord> {
  const { db } = connection;
  const { from, parameters, idColumn } = matchSql(db, query, options, filter);
  const ids = db.prepare(`SELECT ${idColumn} FROM ${from}`).pluck().all(...parameters) as number[];
  const walk = ids.length > SORTED_MATCHES ? "INDEXED BY articles_by_place" : "";
  const inOrder = connection.sql(`SELECT a.article_id FROM articles AS a ${walk} WHERE a.article_id IN (SELECT value FROM json_each(?)) ORDER BY a.path, a.line`).pluck();
  const reading = connection.sql("SELECT record FROM articles WHERE article_id = ?").pluck();
  for (const id of inOrder.iterate(JSON.stringify(ids)) as Iterable<number>) yield JSON.parse(reading.get(id) as string) as ArticleRecord;
}

/** An indexed article, shown or not, and whether another with its number is shown instead. */
export interface PlacedArticle {
  record: ArticleRecord;
  isShadowed: boolean;
}

/** The article that starts at this line of this file, if the index holds it. */
export function articleAt(connection: IndexConnection, path: string, line: number): PlacedArticle | undefined {
  const row = connection.sql("SELECT record, is_shadowed FROM articles WHERE path = ? AND line = ?").get(path, line) as { record: string; is_shadowed: number } | undefined;
  return row === undefined ? undefined : { record: JSON.parse(row.record) as ArticleRecord, isShadowed: row.is_shadowed === 1 };
}

/** Every indexed article with this number, shown or not, in the order of their files and lines. */
export function articlesNumbered(connection: IndexConnection, id: string): PlacedArticle[] {
  const rows = connection.sql("SELECT record, is_shadowed FROM articles WHERE id = ? ORDER BY path, line").all(id) as Array<{ record: string; is_shadowed: number }>;
  return rows.map((row) => ({ record: JSON.parse(row.record) as ArticleRecord, isShadowed: row.is_shadowed === 1 }));
}

// Ranked search in the index: the collection statistics that ranking weighs terms by, how many
// articles match, and the first matches by relevance or by date, found while reading only the
// articles that can be among them.

import { hasFilter, type RecordFilter } from "../core/filters.js";
import { firstByTimeAndPlace, selectNewest } from "../core/first-matches.js";
import { FIELD_CODES, type OccurrenceLists, selectBestMatches, slotsOf, TOKEN_PLACES } from "../core/occurrence-ranking.js";
import type { ParsedQuery } from "../core/query.js";
import { SEARCH_FIELDS, type SearchField } from "../core/query.js";
import { emptyStats, type CollectionStats } from "../core/rank.js";
import type { ArticleRecord } from "../core/record.js";
import { positiveTerms, type MatchOptions } from "../core/search-match.js";
import type { IndexConnection } from "./index-database.js";
import { filterSql, matchSql } from "./index-sql.js";
import { readLengths } from "./length-pages.js";

// Fewer matches than this, or than a quarter of the articles, have their publication times
// looked up one by one; more are found in one pass over all (lookupsBeforeScanOf).
const MOST_LOOKUPS = 5_000;

/** The first few matches of a search, read, and how many match in all. */
export interface FirstMatches {
  records: ArticleRecord[];
  matchCount: number;
}

/**
 * What bestMatches and newestMatches are asked: the search, its collection statistics, how many
 * matches are wanted, and (for newestMatches, which reads every match's time) how many are
 * looked up one by one before one pass over all is quicker (see shownColumns; by default, what
 * suits `stats`).
 */
export type FirstMatchesRequest = [
  query: ParsedQuery,
  options: MatchOptions,
  filter: RecordFilter,
  stats: CollectionStats,
  limit: number,
  lookupsBeforeScan?: number,
];

/** The collection statistics of the articles a filter selects, for ranking (rank.ts). */
export function searchStats(connection: IndexConnection, query: ParsedQuery, options: MatchOptions, filter: RecordFilter): CollectionStats {
  const { db } = connection;
  const where = filterSql(db, filter);
  // The whole collection's totals are kept as the articles change; a filter's are summed here.
  const totals = (
    hasFilter(filter)
      ? db.prepare(`SELECT count(*) AS n, ${SEARCH_FIELDS.map((f) => `coalesce(sum(length_${f}), 0) AS ${f}`).join(", ")} FROM articles AS a WHERE ${where.sql}`).get(...where.parameters)
      : connection.sql(`SELECT articles AS n, ${SEARCH_FIELDS.map((f) => `length_${f} AS ${f}`).join(", ")} FROM shown_totals`).get()
  ) as Record<SearchField, number> & { n: number };
  const terms = positiveTerms(query);
  const stats = emptyStats(terms.length);
  stats.articleCount = totals.n;
  for (const field of SEARCH_FIELDS) stats.totalLength[field] = totals[field];
  terms.forEach((term, index) => {
    const occurs = matchSql(db, { clauses: [{ alternatives: [term], isNegated: false, column: 1 }] }, options, filter);
    stats.documentFrequency[index] = (db.prepare(`SELECT count(*) AS n FROM ${occurs.from}`).get(...occurs.parameters) as { n: number }).n;
  });
  return stats;
}

/**
 * Runs `reading` on one snapshot of the index: a search that asks several questions gets
 * answers that agree even while `newsctl index` commits.
 */
export function readConsistently<T>(connection: IndexConnection, reading: () => T): T {
  return connection.db.transaction(reading).deferred();
}

/**
 * The matches that can be among the best `limit` by relevance, and how many match in all,
 * reading only those articles: the others are scored from the token table's occurrence lists
 * (occurrence-ranking.ts); of many that tie with the limit-th, only the first by time and then
 * place are read.
 * Call it within readConsistently.
 */
export function bestMatches(
  connection: IndexConnection,
  ...[query, options, filter, stats, limit]: FirstMatchesRequest
): FirstMatches {
  const ids = matchingIds(connection, query, options, filter);
  const { better, tied } = selectBestMatches(query, options, ids, (isWanted) => readLengths(connection, ids, isWanted), occurrenceLists(connection), stats, limit);
  let chosen = [...better, ...tied];
  if (tied.length > limit - better.length) {
    // Their times and places are read at once: copies of one story tie on time as well.
    const { published, places } = timesAndPlaces(connection, tied);
    if (selectNewest(published, limit - better.length) !== null) chosen = [...better, ...firstByTimeAndPlace(published, places, limit - better.length).map((slot) => tied[slot]!)];
  }
  return { records: recordsOf(connection, chosen), matchCount: ids.length };
}

/**
 * The matches that can be among the `limit` newest, and how many match in all, reading only
 * those articles. Null when the matches' publication times are not in one order (see
 * selectNewest). Call it within readConsistently.
 */
export function newestMatches(
  connection: IndexConnection,
  ...[query, options, filter, stats, limit, lookupsBeforeScan = lookupsBeforeScanOf(stats)]: FirstMatchesRequest
): FirstMatches | null {
  const ids = matchingIds(connection, query, options, filter);
  const [published] = shownColumns(connection, ids, ["published"], lookupsBeforeScan) as [(string | null)[]];
  const chosen = selectNewest(published, limit);
  if (chosen === null) return null;
  const first = firstOfTied(connection, chosen.map((slot) => ids[slot]!), chosen.map((slot) => published[slot]!), limit);
  return { records: recordsOf(connection, first), matchCount: ids.length };
}

/** How many articles match the query and the filter, without reading them. */
export function countMatches(connection: IndexConnection, query: ParsedQuery, options: MatchOptions, filter: RecordFilter): number {
  const { db } = connection;
  const { from, parameters } = matchSql(db, query, options, filter);
  return (db.prepare(`SELECT count(*) AS n FROM ${from}`).get(...parameters) as { n: number }).n;
}

/** The ids of the shown articles that match the query and the filter. */
export function matchingIds(connection: IndexConnection, query: ParsedQuery, options: MatchOptions, filter: RecordFilter): number[] {
  const { db } = connection;
  const { from, parameters, idColumn } = matchSql(db, query, options, filter);
  return db.prepare(`SELECT ${idColumn} FROM ${from}`).pluck().all(...parameters) as number[];
}

export function recordsOf(connection: IndexConnection, ids: readonly number[]): ArticleRecord[] {
  const reading = connection.sql("SELECT record FROM articles WHERE article_id = ?").pluck();
  return ids.map((id) => JSON.parse(reading.get(id) as string) as ArticleRecord);
}

/**
 * The first `limit` of these articles (ids, with their publication times) by time, newest first,
 * then by place: when more tie than are wanted (copies of one story all published at once),
 * their places are looked up so that only the first are read.
 */
function firstOfTied(connection: IndexConnection, ids: readonly number[], published: readonly (string | null)[], limit: number): number[] {
  if (ids.length <= limit) return [...ids];
  return firstByTimeAndPlace(published, timesAndPlaces(connection, ids).places, limit).map((slot) => ids[slot]!);
}

/** The publication times and places (the articles table's path is the record's file) of these articles, read in one statement. */
function timesAndPlaces(connection: IndexConnection, ids: readonly number[]): { published: (string | null)[]; places: { file: string; line: number }[] } {
  const [foundIds, times, files, lines] = (
    connection
      .sql("SELECT json_group_array(article_id), json_group_array(published), json_group_array(path), json_group_array(line) FROM articles WHERE article_id IN (SELECT value FROM json_each(?))")
      .raw()
      .get(JSON.stringify(ids)) as string[]
  ).map((array) => JSON.parse(array) as unknown[]) as [number[], (string | null)[], string[], number[]];
  const slotOf = slotsOf(ids);
  const published = new Array<string | null>(ids.length);
  const places = new Array<{ file: string; line: number }>(ids.length);
  foundIds.forEach((id, row) => {
    const slot = slotOf(id);
    published[slot] = times[row]!;
    places[slot] = { file: files[row]!, line: lines[row]! };
  });
  return { published, places };
}

/**
 * Columns of the small index `articles_ranking` for the shown articles `ids`: one array per
 * column, in the order of `ids`. Fewer than `lookupsBeforeScan` are looked up in the index, all
 * in one statement (the ids go in as one JSON array); more are found in one pass over every
 * shown article. Either way SQLite gathers each column into one JSON array (a row at a time
 * through JavaScript is much slower).
 */
function shownColumns(connection: IndexConnection, ids: readonly number[], columns: readonly string[], lookupsBeforeScan: number): unknown[][] {
  const gathered = ["article_id", ...columns].map((column) => `json_group_array(${column})`).join(", ");
  const arrays = (
    ids.length < lookupsBeforeScan
      ? connection.sql(`SELECT ${gathered} FROM articles INDEXED BY articles_ranking WHERE article_id IN (SELECT value FROM json_each(?))`).raw().get(JSON.stringify(ids))
      : connection.sql(`SELECT ${gathered} FROM articles INDEXED BY articles_ranking WHERE is_shadowed = 0`).raw().get()
  ) as string[];
  const [foundIds, ...found] = arrays.map((array) => JSON.parse(array) as unknown[]);
  const slotOf = slotsOf(ids);
  const values = columns.map(() => new Array<unknown>(ids.length));
  (foundIds as number[]).forEach((id, row) => {
    const slot = slotOf(id);
    if (slot < 0) return;
    found.forEach((column, number) => {
      values[number]![slot] = column[row];
    });
  });
  return values;
}

/** The token table's terms and occurrences, through FTS5's vocabulary tables. */
function occurrenceLists(connection: IndexConnection): OccurrenceLists {
  connection.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_terms USING fts5vocab(main, 'article_tokens', 'row');
CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_instances USING fts5vocab(main, 'article_tokens', 'instance');`);
  const terms = connection.sql("SELECT term FROM temp.token_terms WHERE term >= ? AND term < ?").pluck();
  const fieldCode = `CASE col ${SEARCH_FIELDS.map((field, number) => `WHEN '${field}' THEN ${number}`).join(" ")} ELSE ${FIELD_CODES - 1} END`;
  const instances = connection.sql(`SELECT json_group_array(doc * ${FIELD_CODES} + ${fieldCode}) FROM temp.token_instances WHERE term = ?`).pluck();
  const placed = connection.sql(`SELECT json_group_array((doc * ${FIELD_CODES} + ${fieldCode}) * ${TOKEN_PLACES} + offset) FROM temp.token_instances WHERE term = ?`).pluck();
  return {
    // Terms are in the order of their UTF-8 bytes, so those that start with `start` lie
    // between it and `start` followed by the last code point. (The vocabulary table reads
    // every posting of each term it passes, so the range must not go a term too far.)
    tokensStartingWith: (start: string) => terms.all(start, `${start}\u{10FFFF}`) as string[],
    occurrences: (token: string) => JSON.parse(instances.get(token) as string) as number[],
    positions: (token: string) => JSON.parse(placed.get(token) as string) as number[],
  };
}

/** How many matches are looked up one by one before one pass over all is quicker. */
function lookupsBeforeScanOf(stats: CollectionStats): number {
  return Math.max(MOST_LOOKUPS, stats.articleCount / 4);
}

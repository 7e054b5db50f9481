// Articles per day (and agency) in the index, all of them or the matches of a query, under a
// filter: all of them from the counts the index keeps (day-totals.ts) where the filter allows;
// the matches of a query without filter or agencies from the days the index keeps in pages
// (length-pages.ts); otherwise counted by SQLite in one grouped statement over the small
// columns, without reading a record (one record per agency is read for the agency's name).

import { hasFilter, type RecordFilter } from "../core/filters.js";
import type { ParsedQuery } from "../core/query.js";
import type { MatchOptions } from "../core/search-match.js";
import { type DayCount, keptDayCounts } from "./day-totals.js";
import type { IndexConnection } from "./index-database.js";
import { filterSql, matchSql } from "./index-sql.js";
import { countDays } from "./length-pages.js";

/**
 * The shown articles per day (and, with `isByAgency`, per agency) that match the query (every
 * one when it is null) and the filter.
 */
export function countsByDay(connection: IndexConnection, query: ParsedQuery | null, options: MatchOptions, filter: RecordFilter, isByAgency: boolean): DayCount[] {
  const { db } = connection;
  let from: string;
  let parameters: unknown[];
  if (query === null) {
    const kept = keptDayCounts(connection, filter, isByAgency);
    if (kept !== null) return kept;
    const where = filterSql(db, filter);
    from = `articles AS a INDEXED BY articles_ranking WHERE ${where.sql}`;
    parameters = where.parameters;
  } else if (!isByAgency && !hasFilter(filter)) {
    return matchesByKeptDay(connection, query, options);
  } else {
    ({ from, parameters } = matchSql(db, query, options, filter, "small columns"));
  }
  const agency = isByAgency ? "a.agency_key" : "NULL";
  const rows = db
    .prepare(`SELECT substr(a.published, 1, 10) AS day, ${agency} AS agency_key, count(*) AS articles, min(a.article_id) AS sample FROM ${from} GROUP BY 1, 2`)
    .all(...parameters) as Array<{ day: string | null; agency_key: string | null; articles: number; sample: number }>;
  const nameOf = connection.sql("SELECT json_extract(record, '$.agency') FROM articles WHERE article_id = ?").pluck();
  const names = new Map<string, string | null>();
  return rows.map((row) => {
    let name: string | null = null;
    if (row.agency_key !== null) {
      if (!names.has(row.agency_key)) names.set(row.agency_key, nameOf.get(row.sample) as string | null);
      name = names.get(row.agency_key)!;
    }
    return { day: row.day, agencyKey: row.agency_key, agency: name, articles: row.articles };
  });
}

/** The matches of a query (no filter) per day, their days read from the index's pages (length-pages.ts). */
function matchesByKeptDay(connection: IndexConnection, query: ParsedQuery, options: MatchOptions): DayCount[] {
  const { from, parameters, idColumn } = matchSql(connection.db, query, options, {});
  const ids = connection.db.prepare(`SELECT ${idColumn} FROM ${from}`).pluck().all(...parameters) as number[];
  return [...countDays(connection, ids)].map(([day, articles]) => ({ day, agencyKey: null, agency: null, articles }));
}

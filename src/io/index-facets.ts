// Facets of a search in the index: how many of the matching articles each agency published,
// and how many appeared in each month, counted by SQLite over the matches without reading a
// record (one record per agency is read for the agency's name as written).

import type { RecordFilter } from "../core/filters.js";
import type { ParsedQuery } from "../core/query.js";
import type { MatchOptions } from "../core/search-match.js";
import type { IndexConnection } from "./index-database.js";
import { filterSql, matchSql } from "./index-sql.js";

export interface Facets {
  /** Most articles first; `agency` as one of its articles writes it (null: no agency). */
  agencies: Array<{ agency: string | null; articles: number }>;
  /** In date order; `month` is YYYY-MM, null for undated articles (last). */
  months: Array<{ month: string | null; articles: number }>;
}

/** The facets of the shown articles that match the query (every one when it is null) and the filter. */
export function facetsOf(connection: IndexConnection, query: ParsedQuery | null, options: MatchOptions, filter: RecordFilter): Facets {
  const { db } = connection;
  let from: string;
  let parameters: unknown[];
  if (query === null) {
    const where = filterSql(db, filter);
    from = `articles AS a WHERE ${where.sql}`;
    parameters = where.parameters;
  } else {
    ({ from, parameters } = matchSql(db, query, options, filter, true));
  }
  const rows = db
    .prepare(`SELECT a.agency_key AS agency, substr(a.published, 1, 7) AS month, count(*) AS n, min(a.article_id) AS sample FROM ${from} GROUP BY 1, 2`)
    .raw()
    .all(...parameters) as Array<[string | null, string | null, number, number]>;
  const agencies = new Map<string | null, { articles: number; sample: number }>();
  const months = new Map<string | null, number>();
  for (const [agency, month, count, sample] of rows) {
    const seen = agencies.get(agency);
    if (seen === undefined) agencies.set(agency, { articles: count, sample });
    else agencies.set(agency, { articles: seen.articles + count, sample: Math.min(seen.sample, sample) });
    months.set(month, (months.get(month) ?? 0) + count);
  }
  const nameOf = connection.sql("SELECT json_extract(record, '$.agency') FROM articles WHERE article_id = ?").pluck();
  return {
    agencies: [...agencies.entries()]
      .map(([key, { articles, sample }]) => ({ agency: key === null ? null : (nameOf.get(sample) as string | null), articles }))
      .sort((a, b) => b.articles - a.articles || compareNullsLast(a.agency, b.agency)),
    months: [...months.entries()].map(([month, articles]) => ({ month, articles })).sort((a, b) => compareNullsLast(a.month, b.month)),
  };
}

function compareNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

// Facets of a search in the index: how many of the matching articles each agency published,
// and how many appeared in each month, counted without reading a record (one record per agency
// is read for the agency's name as written).

import type { RecordFilter } from "../core/filters.js";
import type { ParsedQuery } from "../core/query.js";
import type { MatchOptions } from "../core/search-match.js";
import type { IndexConnection } from "./index-database.js";
import { articleCount } from "./index-reads.js";
import { lookupsBeforeScanOf, matchingIds, shownColumns } from "./index-search.js";
import { filterSql } from "./index-sql.js";

export interface Facets {
  /** Most articles first; `agency` as one of its articles writes it (null: no agency). */
  agencies: Array<{ agency: string | null; articles: number }>;
  /** In date order; `month` is YYYY-MM, null for undated articles (last). */
  months: Array<{ month: string | null; articles: number }>;
}

/**
 * The facets of the shown articles that match the query (every one when it is null) and the
 * filter: the matches' ids, then their agencies and times from the small index that holds them
 * (index-search.ts's shownColumns), counted here.
 */
export function facetsOf(connection: IndexConnection, query: ParsedQuery | null, options: MatchOptions, filter: RecordFilter): Facets {
  const { db } = connection;
  let ids: number[];
  if (query === null) {
    const where = filterSql(db, filter);
    ids = db.prepare(`SELECT a.article_id FROM articles AS a WHERE ${where.sql}`).pluck().all(...where.parameters) as number[];
  } else {
    ids = matchingIds(connection, query, options, filter);
  }
  const [agencyKeys, published] = shownColumns(connection, ids, ["agency_key", "published"], lookupsBeforeScanOf(articleCount(connection))) as [(string | null)[], (string | null)[]];
  const agencies = new Map<string | null, { articles: number; sample: number }>();
  const months = new Map<string | null, number>();
  ids.forEach((id, slot) => {
    const key = agencyKeys[slot] ?? null;
    const seen = agencies.get(key);
    if (seen === undefined) agencies.set(key, { articles: 1, sample: id });
    else seen.articles++;
    const month = published[slot]?.slice(0, "YYYY-MM".length) ?? null;
    months.set(month, (months.get(month) ?? 0) + 1);
  });
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

// Facets of a search in the index: how many of the matching articles each agency published,
// and how many appeared in each month, counted without reading a record (one record per agency
// is read for the agency's name as written).

import type { RecordFilter } from "../core/filters.js";
import type { ParsedQuery } from "../core/query.js";
import type { MatchOptions } from "../core/search-match.js";
import type { IndexConnection } from "./index-database.js";
import { matchingIds } from "./index-search.js";
import { filterSql } from "./index-sql.js";

export interface Facets {
  /** Most articles first; `agency` as one of its articles writes it (null: no agency). */
  agencies: Array<{ agency: string | null; articles: number }>;
  /** In date order; `month` is YYYY-MM, null for undated articles (last). */
  months: Array<{ month: string | null; articles: number }>;
}

/**
 * Every shown article's agency and month, as small numbers in arrays indexed by article id: read
 * once from the small index that holds them (one pass), then any search's facets are counted
 * from its matches' ids alone. Stale once the index changes: read it again then.
 */
export interface FacetColumns {
  /** Per article id: the agency's number in `agencyKeys`, or -1 for an article not shown. */
  agencyOf: Int32Array;
  /** Per article id: the month's number in `months`. */
  monthOf: Int32Array;
  agencyKeys: Array<string | null>;
  /** For each agency, one of its articles, whose record gives the name as written. */
  agencySamples: number[];
  months: Array<string | null>;
}

export function readFacetColumns(connection: IndexConnection): FacetColumns {
  const rows = connection.db
    .prepare("SELECT json_group_array(article_id), json_group_array(agency_key), json_group_array(substr(published, 1, 7)) FROM articles INDEXED BY articles_ranking WHERE is_shadowed = 0")
    .raw()
    .get() as [string, string, string];
  const [ids, agencyKeys, months] = rows.map((array) => JSON.parse(array) as unknown[]) as [number[], Array<string | null>, Array<string | null>];
  const size = ids.reduce((most, id) => Math.max(most, id), 0) + 1;
  const columns: FacetColumns = { agencyOf: new Int32Array(size).fill(-1), monthOf: new Int32Array(size), agencyKeys: [], agencySamples: [], months: [] };
  const agencyNumbers = new Map<string | null, number>();
  const monthNumbers = new Map<string | null, number>();
  ids.forEach((id, row) => {
    const key = agencyKeys[row] ?? null;
    let agency = agencyNumbers.get(key);
    if (agency === undefined) {
      agency = columns.agencyKeys.push(key) - 1;
      columns.agencySamples.push(id);
      agencyNumbers.set(key, agency);
    }
    const monthText = months[row] ?? null;
    let month = monthNumbers.get(monthText);
    if (month === undefined) {
      month = columns.months.push(monthText) - 1;
      monthNumbers.set(monthText, month);
    }
    columns.agencyOf[id] = agency;
    columns.monthOf[id] = month;
  });
  return columns;
}

/**
 * The facets of the shown articles that match the query (every one when it is null) and the
 * filter, counted over their ids with the columns read by readFacetColumns.
 */
export function facetsOf(connection: IndexConnection, columns: FacetColumns, query: ParsedQuery | null, options: MatchOptions, filter: RecordFilter): Facets {
  const { db } = connection;
  let ids: number[];
  if (query === null) {
    const where = filterSql(db, filter);
    ids = db.prepare(`SELECT a.article_id FROM articles AS a WHERE ${where.sql}`).pluck().all(...where.parameters) as number[];
  } else {
    ids = matchingIds(connection, query, options, filter);
  }
  const perAgency = new Float64Array(columns.agencyKeys.length);
  const perMonth = new Float64Array(columns.months.length);
  for (const id of ids) {
    const agency = columns.agencyOf[id] ?? -1;
    if (agency < 0) continue;
    perAgency[agency]!++;
    perMonth[columns.monthOf[id]!]!++;
  }
  const nameOf = connection.sql("SELECT json_extract(record, '$.agency') FROM articles WHERE article_id = ?").pluck();
  const agencies: Facets["agencies"] = [];
  perAgency.forEach((articles, agency) => {
    if (articles > 0) agencies.push({ agency: columns.agencyKeys[agency] === null ? null : (nameOf.get(columns.agencySamples[agency]) as string | null), articles });
  });
  const months: Facets["months"] = [];
  perMonth.forEach((articles, month) => {
    if (articles > 0) months.push({ month: columns.months[month]!, articles });
  });
  return {
    agencies: agencies.sort((a, b) => b.articles - a.articles || compareNullsLast(a.agency, b.agency)),
    months: months.sort((a, b) => compareNullsLast(a.month, b.month)),
  };
}

function compareNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

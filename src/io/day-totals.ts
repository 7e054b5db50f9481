// The shown articles per day (as written) and agency, kept by the index in the same transactions
// as the articles, so that a trend's totals are read from a few rows rather than counted over
// every article at each question.

import { publishedDay } from "../core/dates.js";
import { foldAgency, type RecordFilter } from "../core/filters.js";
import type { ArticleRecord } from "../core/record.js";
import type { IndexConnection } from "./index-database.js";

/** How many articles of one day (YYYY-MM-DD as written; null: undated) and agency there are. */
export interface DayCount {
  day: string | null;
  /** The agency's folded key (null: no agency); null for every row when not counted by agency. */
  agencyKey: string | null;
  /** The agency as one of its articles writes it. */
  agency: string | null;
  articles: number;
}

/** A group's key in the table: its day and agency key, either of which may be null. */
function groupKey(day: string | null, agencyKey: string | null): string {
  return JSON.stringify([day, agencyKey]);
}

/** How a write changes the kept counts, added up as it goes and saved once, in the write's transaction. */
export class DayTotalsChange {
  private readonly groups = new Map<string, DayCount>();

  private addTo(day: string | null, agencyKey: string | null, agency: string | null, articles: number): void {
    const key = groupKey(day, agencyKey);
    const group = this.groups.get(key);
    if (group === undefined) this.groups.set(key, { day, agencyKey, agency, articles });
    else {
      group.articles += articles;
      group.agency ??= agency;
    }
  }

  /** An article shown (sign 1) or no longer shown (sign -1). */
  add(record: ArticleRecord, sign: 1 | -1): void {
    const day = record.published === null ? null : publishedDay(record.published);
    this.addTo(day, record.agency === null ? null : foldAgency(record.agency), record.agency, sign);
  }

  /** The shown articles of a file, about to be removed. */
  subtractFile(connection: IndexConnection, fileId: number): void {
    const rows = connection
      .sql("SELECT substr(published, 1, 10), agency_key, count(*) FROM articles WHERE file_id = ? AND is_shadowed = 0 GROUP BY 1, 2")
      .raw()
      .all(fileId) as [string | null, string | null, number][];
    for (const [day, agencyKey, articles] of rows) this.addTo(day, agencyKey, null, -articles);
  }

  save(connection: IndexConnection): void {
    const upsert = connection.sql(
      `INSERT INTO day_totals (group_key, day, agency_key, agency, articles) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (group_key) DO UPDATE SET articles = articles + excluded.articles, agency = coalesce(excluded.agency, agency)`,
    );
    const dropEmpty = connection.sql("DELETE FROM day_totals WHERE group_key = ? AND articles = 0");
    for (const [key, group] of this.groups) {
      if (group.articles === 0) continue;
      upsert.run(key, group.day, group.agencyKey, group.agency, group.articles);
      if (group.articles < 0) dropEmpty.run(key);
    }
    this.groups.clear();
  }
}

/**
 * The shown articles per day (and, with `isByAgency`, per agency) under a filter, from the kept
 * counts; null when the filter asks what they cannot answer (times, article numbers), and the
 * articles must be counted.
 */
export function keptDayCounts(connection: IndexConnection, filter: RecordFilter, isByAgency: boolean): DayCount[] | null {
  if (filter.since !== undefined || filter.until !== undefined || (filter.ids?.length ?? 0) > 0) return null;
  const agencies = filter.agencies?.length ? filter.agencies.map(foldAgency) : null;
  const rows = connection
    .sql(`SELECT day, agency_key, agency, articles FROM day_totals${agencies === null ? "" : " WHERE agency_key IN (SELECT value FROM json_each(?))"} ORDER BY day, agency_key`)
    .raw()
    .all(...(agencies === null ? [] : [JSON.stringify(agencies)])) as [string | null, string | null, string | null, number][];
  if (isByAgency) return rows.map(([day, agencyKey, agency, articles]) => ({ day, agencyKey, agency, articles }));
  const byDay = new Map<string | null, DayCount>();
  for (const [day, , , articles] of rows) {
    const count = byDay.get(day);
    if (count === undefined) byDay.set(day, { day, agencyKey: null, agency: null, articles });
    else count.articles += articles;
  }
  return [...byDay.values()];
}

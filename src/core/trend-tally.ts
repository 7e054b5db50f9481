// The counts of `newsctl trend`: per day (and agency), how many articles there are and how many
// match each query, gathered from records one by one or from an index's counts per day, then
// laid out as one row per period, query (and agency), empty periods as zeros.

import { defaultPeriodUnit, type PeriodUnit, periodOf, periodsBetween } from "./periods.js";

/** One row of a trend: the figures of one query (and agency) in one period. */
export interface TrendRow {
  period: string;
  query: string;
  /** Only when the series are split by agency: the agency as one of its articles writes it. */
  agency?: string | null;
  /** Articles that match the query. */
  matches: number;
  /** Articles published in the period (under the same filters). */
  total: number;
  /** matches / total, 0 when total is 0. */
  share: number;
}

/** The rows of a trend and what was left out of them. */
export interface TrendSeries {
  unit: PeriodUnit;
  /** The queries, as typed, in the order of the columns below. */
  queries: readonly string[];
  rows: TrendRow[];
  /** Articles without a date: counted here, not in any period. */
  undated: number;
  /** Per query, its matches among the undated articles. */
  undatedMatches: number[];
  /** Per query, all its matches, dated or not. */
  matchCounts: number[];
}

/** Shares are given to six decimals: enough for any chart, short in a sheet. */
const SHARE_DECIMALS = 1e6;

interface AgencyCounts {
  name: string | null;
  /** Per day: [total, matches of query 0, matches of query 1, …]. */
  days: Map<string, number[]>;
  undated: number[];
}

export class TrendTally {
  /** Per agency key ("" for all when not split). */
  private readonly agencies = new Map<string, AgencyCounts>();
  private firstDay: string | undefined;
  private lastDay: string | undefined;

  constructor(
    private readonly queries: readonly string[],
    private readonly isSplitByAgency: boolean,
  ) {}

  /**
   * Adds `articles` articles of one day (null: undated) and agency (its folded key, and its name
   * as written): column 0 counts them all, column 1 + q the matches of query q.
   */
  add(day: string | null, agencyKey: string | null, agencyName: string | null, column: number, articles: number): void {
    const key = this.isSplitByAgency ? (agencyKey === null ? "\u0000" : `\u0001${agencyKey}`) : "";
    let agency = this.agencies.get(key);
    if (agency === undefined) {
      agency = { name: agencyName, days: new Map(), undated: this.emptyCounts() };
      this.agencies.set(key, agency);
    }
    if (day === null) {
      agency.undated[column]! += articles;
      return;
    }
    let counts = agency.days.get(day);
    if (counts === undefined) {
      counts = this.emptyCounts();
      agency.days.set(day, counts);
    }
    counts[column]! += articles;
    if (column === 0) {
      if (this.firstDay === undefined || day < this.firstDay) this.firstDay = day;
      if (this.lastDay === undefined || day > this.lastDay) this.lastDay = day;
    }
  }

  private emptyCounts(): number[] {
    return new Array<number>(this.queries.length + 1).fill(0);
  }

  /** The series by `unit` (by default, the one that gives 20 to 200 periods). */
  series(unit?: PeriodUnit): TrendSeries {
    const chosen = unit ?? (this.firstDay === undefined ? "day" : defaultPeriodUnit(this.firstDay, this.lastDay!));
    const periods = this.firstDay === undefined ? [] : periodsBetween(this.firstDay, this.lastDay!, chosen);
    const slotOf = new Map(periods.map((period, slot) => [period, slot]));
    const agencies = [...this.agencies.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, counts]) => counts);
    const matchCounts = this.queries.map(() => 0);
    const undatedMatches = this.queries.map(() => 0);
    let undated = 0;
    // Per agency, per period: the counts summed over the period's days.
    const sums = agencies.map((agency) => {
      const perPeriod = periods.map(() => this.emptyCounts());
      for (const [day, counts] of agency.days) {
        const slot = slotOf.get(periodOf(day, chosen))!;
        counts.forEach((count, column) => {
          perPeriod[slot]![column]! += count;
        });
      }
      undated += agency.undated[0]!;
      this.queries.forEach((_query, q) => {
        undatedMatches[q]! += agency.undated[q + 1]!;
        matchCounts[q]! += agency.undated[q + 1]!;
        for (const counts of agency.days.values()) matchCounts[q]! += counts[q + 1]!;
      });
      return perPeriod;
    });
    const rows: TrendRow[] = [];
    periods.forEach((period, slot) => {
      this.queries.forEach((query, q) => {
        agencies.forEach((agency, a) => {
          const counts = sums[a]![slot]!;
          const [total, matches] = [counts[0]!, counts[q + 1]!];
          const share = total === 0 ? 0 : Math.round((matches / total) * SHARE_DECIMALS) / SHARE_DECIMALS;
          rows.push(this.isSplitByAgency ? { period, query, agency: agency.name, matches, total, share } : { period, query, matches, total, share });
        });
      });
    });
    return { unit: chosen, queries: this.queries, rows, undated, undatedMatches, matchCounts };
  }
}

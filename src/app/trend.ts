// `newsctl trend` and the trend page of `serve`: how many articles match each query, and how
// many there are, per day, ISO week, month or year (and agency), counted by the same matching
// as `search`, from the index's counts per day or from the dumps' records one by one.

import { foldAgency, type RecordFilter } from "../core/filters.js";
import { publishedDay } from "../core/dates.js";
import type { PeriodUnit } from "../core/periods.js";
import type { ParsedQuery } from "../core/query.js";
import { makeRecordMatcher, type MatchOptions } from "../core/search-match.js";
import { TrendTally, type TrendSeries } from "../core/trend-tally.js";
import { EXIT_SUCCESS } from "../errors.js";
import type { ArticleIndex } from "../io/article-index.js";
import { type AnalysisSource, inIndexSnapshot } from "./analysis-source.js";
import type { ReadingContext } from "./read-dumps.js";

/** A query of a trend: as typed (the rows name it so) and parsed. */
interface TrendQuery {
  text: string;
  query: ParsedQuery;
}

export interface TrendRequest {
  queries: TrendQuery[];
  matchOptions: MatchOptions;
  filter: RecordFilter;
  /** undefined: the unit that gives 20 to 200 periods. */
  unit: PeriodUnit | undefined;
  isSplitByAgency: boolean;
}

/** The series of a trend, and the exit status the reading earned. */
interface TrendAnswer {
  series: TrendSeries;
  readingCode: number;
}

/** The trend from an open index, in one snapshot (call within readConsistently when asking more). */
export function trendInIndex(index: ArticleIndex, request: TrendRequest): TrendSeries {
  const tally = new TrendTally(request.queries.map((query) => query.text), request.isSplitByAgency);
  const columns = [null, ...request.queries.map((query) => query.query)];
  columns.forEach((query, column) => {
    for (const count of index.countsByDay(query, request.matchOptions, request.filter, request.isSplitByAgency)) {
      tally.add(count.day, count.agencyKey, count.agency, column, count.articles);
    }
  });
  return tally.series(request.unit);
}

/** The trend of the dumps, every record read once and matched against each query. */
async function trendInDumps(request: TrendRequest, source: AnalysisSource, context: ReadingContext): Promise<TrendAnswer> {
  const tally = new TrendTally(request.queries.map((query) => query.text), request.isSplitByAgency);
  const matchers = request.queries.map((query) => makeRecordMatcher(query.query, request.matchOptions));
  // The reader of dumps loads only when dumps are read: --db starts without the parser.
  const { RecordReader } = await import("./read-dumps.js");
  const reader = new RecordReader({ ...source.reading, filter: request.filter, limit: undefined }, context);
  for await (const record of reader.records()) {
    const day = record.published === null ? null : publishedDay(record.published);
    const agencyKey = record.agency === null ? null : foldAgency(record.agency);
    tally.add(day, agencyKey, record.agency, 0, 1);
    matchers.forEach((matches, q) => {
      if (matches(record)) tally.add(day, agencyKey, record.agency, q + 1, 1);
    });
  }
  reader.endProgress();
  return { series: tally.series(request.unit), readingCode: reader.exitCode() };
}

/** `newsctl trend`: from the index named by --db, or else from the dumps. */
export async function findTrend(request: TrendRequest, source: AnalysisSource, context: ReadingContext): Promise<TrendAnswer> {
  if (source.db === undefined) return trendInDumps(request, source, context);
  return { series: await inIndexSnapshot(source.db, context, (index) => trendInIndex(index, request)), readingCode: EXIT_SUCCESS };
}

// `newsctl kwic` and the concordance page of `serve`: every occurrence of the query's words in
// the matching articles, with its context, from the index or the dumps. In the order of the
// files the lines stream as they are found (and stop at the limit); any other order sorts them
// all first.

import { type ConcordanceLine, type ConcordanceOrder, concordanceFinder, type SortableLine, sortConcordance } from "../core/concordance.js";
import type { RecordFilter } from "../core/filters.js";
import type { ParsedQuery } from "../core/query.js";
import type { ArticleRecord } from "../core/record.js";
import { makeRecordMatcher, positiveTerms, type MatchOptions } from "../core/search-match.js";
import { EXIT_SUCCESS } from "../errors.js";
import type { IndexReading } from "../io/index-reading.js";
import type { AnalysisSource } from "./analysis-source.js";
import { openRecordsForReading } from "./open-index.js";
import type { ReadingContext } from "./read-dumps.js";

export interface KwicRequest {
  query: ParsedQuery;
  matchOptions: MatchOptions;
  filter: RecordFilter;
  /** Words of context on each side. */
  width: number;
  order: ConcordanceOrder;
  /** At most this many lines (the first in `order`). */
  limit: number | undefined;
}

/** The lines of a concordance, given as they are ready; `readingCode` once they all have been. */
interface KwicAnswer {
  lines: AsyncIterable<ConcordanceLine> | Iterable<ConcordanceLine>;
  readingCode(): number;
  /** Lines given so far. */
  count(): number;
}

/**
 * Lines from records added one at a time: in the order of position each is given at once (up
 * to the limit); in any other order they are held, and given sorted at the end.
 */
class ConcordanceBuilder {
  private readonly concordanceOf: ReturnType<typeof concordanceFinder>;
  private readonly held: SortableLine[] = [];
  private readonly limit: number;
  /** Lines given so far. */
  given = 0;

  constructor(private readonly request: KwicRequest) {
    this.concordanceOf = concordanceFinder(positiveTerms(request.query), request.matchOptions, request.width);
    this.limit = request.limit ?? Infinity;
  }

  /** No more lines are wanted. */
  get isDone(): boolean {
    return this.given >= this.limit;
  }

  *add(record: ArticleRecord): Generator<ConcordanceLine> {
    for (const found of this.concordanceOf(record)) {
      if (this.isDone) return;
      if (this.request.order !== "position") {
        this.held.push({ ...found, position: this.held.length });
        continue;
      }
      this.given++;
      yield found.line;
    }
  }

  *finish(): Generator<ConcordanceLine> {
    for (const { line } of sortConcordance(this.held, this.request.order)) {
      if (this.isDone) return;
      this.given++;
      yield line;
    }
  }
}

function* linesOf(records: Iterable<ArticleRecord>, builder: ConcordanceBuilder): Generator<ConcordanceLine> {
  for (const record of records) {
    if (builder.isDone) return;
    yield* builder.add(record);
  }
  yield* builder.finish();
}

/** The concordance from an open index (its records read in the order of files and lines). */
export function kwicInIndex(index: IndexReading, request: KwicRequest): Generator<ConcordanceLine> {
  return linesOf(index.matchesInPlaceOrder(request.query, request.matchOptions, request.filter), new ConcordanceBuilder(request));
}

/** A page of a concordance: `take` lines after the first `skip`, and whether more follow (call within readConsistently). */
export function kwicPageInIndex(index: IndexReading, request: KwicRequest, skip: number, take: number): { lines: ConcordanceLine[]; hasMore: boolean } {
  const lines = [...kwicInIndex(index, { ...request, limit: skip + take + 1 })].slice(skip);
  return { lines: lines.slice(0, take), hasMore: lines.length > take };
}

/** `newsctl kwic`: from the index named by --db (closed once the lines are read), or else from the dumps. */
export async function findConcordance(request: KwicRequest, source: AnalysisSource, context: ReadingContext): Promise<KwicAnswer> {
  if (source.db !== undefined) {
    const index = await openRecordsForReading(source.db, context.env.stderr);
    let given = 0;
    const lines = (function* () {
      try {
        for (const line of kwicInIndex(index, request)) {
          given++;
          yield line;
        }
      } finally {
        index.close();
      }
    })();
    return { lines, readingCode: () => EXIT_SUCCESS, count: () => given };
  }
  const builder = new ConcordanceBuilder(request);
  // The reader of dumps loads only when dumps are read: --db starts without the parser.
  const { RecordReader } = await import("./read-dumps.js");
  const reader = new RecordReader({ ...source.reading, filter: request.filter, limit: undefined, select: makeRecordMatcher(request.query, request.matchOptions) }, context);
  const lines = (async function* () {
    for await (const record of reader.records()) {
      if (builder.isDone) return;
      yield* builder.add(record);
    }
    yield* builder.finish();
  })();
  return {
    lines,
    readingCode: () => {
      reader.endProgress();
      return reader.exitCode();
    },
    count: () => builder.given,
  };
}

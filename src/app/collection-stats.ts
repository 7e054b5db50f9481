// The statistics of a collection (`newsctl stats`, and the statistics page of `newsctl serve`):
// counts per agency and per day, missing and reused numbers and warnings, from the records of
// the dumps or of the index, by one builder.

import { createHash } from "node:crypto";
import { type CollectionSummary, CollectionSummaryBuilder } from "../core/collection-summary.js";
import type { RecordFilter } from "../core/filters.js";
import type { ArticleRecord } from "../core/record.js";
import { EXIT_SUCCESS } from "../errors.js";
import type { ArticleIndex } from "../io/article-index.js";
import { openIndexForReading } from "./open-index.js";
import type { ReadingContext, ReadingOptions } from "./read-dumps.js";
import { dumpRecords } from "./record-source.js";

function summaryBuilder(): CollectionSummaryBuilder {
  // Bodies are compared by digest: reused numbers count when their articles' bodies differ.
  return new CollectionSummaryBuilder((body) => createHash("sha256").update(body).digest("base64"));
}

/** The summary of records read one by one (from dumps, or an index). */
async function summarizeRecords(records: AsyncIterable<ArticleRecord> | Iterable<ArticleRecord>): Promise<CollectionSummary> {
  const builder = summaryBuilder();
  for await (const record of records) builder.add(record);
  return builder.summary();
}

/** The summary of the articles an index's filter selects, read in one snapshot. */
export function summarizeIndex(index: ArticleIndex, filter: RecordFilter, limit?: number): CollectionSummary {
  const builder = summaryBuilder();
  index.readConsistently(() => {
    for (const record of index.records(filter, limit)) builder.add(record);
  });
  return builder.summary();
}

/** `newsctl stats`: the summary of the index named by `db`, or else of the dumps, and the exit status the reading earned. */
export async function collectionStats(reading: ReadingOptions, db: string | undefined, context: ReadingContext): Promise<{ summary: CollectionSummary; exitCode: number }> {
  if (db !== undefined) {
    const index = await openIndexForReading(db, context.env.stderr);
    try {
      return { summary: summarizeIndex(index, reading.filter, reading.limit), exitCode: EXIT_SUCCESS };
    } finally {
      index.close();
    }
  }
  // Warnings are counted from the records; printing each one as well would bury the figures.
  const source = dumpRecords(reading, context, () => {});
  const summary = await summarizeRecords(source.records);
  return { summary, exitCode: source.exitCode() };
}

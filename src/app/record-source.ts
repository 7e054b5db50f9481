// The records a command reads, from the dumps or from the index (--db) alike: the same filters
// and limit, the exit status the reading earned, and the index closed when done. The index's
// module (and SQLite) loads only when a command reads it.

import type { ArticleRecord } from "../core/record.js";
import { EXIT_SUCCESS } from "../errors.js";
import type { IndexReading } from "../io/index-reading.js";
import { openRecordsForReading } from "./open-index.js";
import { RecordReader, type ReadingContext, type ReadingOptions } from "./read-dumps.js";

export interface RecordSource {
  records: AsyncIterable<ArticleRecord> | Iterable<ArticleRecord>;
  /** The exit status the reading earned; call once the records have been read. */
  exitCode(): number;
  close(): void;
}

/** The records of an index open for reading, selected by the reading's filter and limit. */
export function indexRecords(index: IndexReading, reading: Pick<ReadingOptions, "filter" | "limit">): RecordSource {
  return { records: index.records(reading.filter, reading.limit), exitCode: () => EXIT_SUCCESS, close: () => index.close() };
}

/** The records of the dumps, problems reported as the reader meets them (or to `onProblem`). */
export function dumpRecords(reading: ReadingOptions, context: ReadingContext, onProblem?: ConstructorParameters<typeof RecordReader>[2]): RecordSource {
  const reader = new RecordReader(reading, context, onProblem);
  const exitCode = () => {
    reader.endProgress();
    return reader.exitCode();
  };
  return { records: reader.records(), exitCode, close: () => {} };
}

/** The records of the index named by `db`, or else of the dumps. */
export async function openRecords(reading: ReadingOptions, db: string | undefined, context: ReadingContext): Promise<RecordSource> {
  if (db === undefined) return dumpRecords(reading, context);
  return indexRecords(await openRecordsForReading(db, context.env.stderr), reading);
}

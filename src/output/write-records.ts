// The one place that picks a record writer for a format (a table, a machine format, or Parquet
// into a file), and the loop that streams records into it, waiting whenever the output is full.

import type { Writable } from "node:stream";
import { toTextView, type OutputEnvironment } from "./environment.js";
import { makeMachineWriter, type FileFormat, type MachineFormat, type OutputRecord, type RecordWriter, type WriterOptions } from "./record-writers.js";
import type { ItemWriter } from "./output-record.js";
import type { TextSink } from "./sink.js";

export type OutputFormat = "table" | MachineFormat | FileFormat;
/** What is printed to stdout: Parquet, a file format, is written to a file only. */
export type PrintedFormat = Exclude<OutputFormat, FileFormat>;

/**
 * Where records are written: a sink for text, (for Parquet) the byte stream under it, and (for a
 * table) the environment that says how wide and how coloured the terminal is.
 */
interface RecordTarget {
  sink: TextSink;
  stream?: Writable | undefined;
  env?: OutputEnvironment | undefined;
}

/**
 * The writer for a format; the table code (and its width tables) and the Parquet writer load only
 * when asked for. `hasOffsets`: the records' times carry an offset (Parquet's schema says so).
 */
async function makeRecordWriter(format: OutputFormat, target: RecordTarget, options: WriterOptions & { hasOffsets?: boolean }): Promise<RecordWriter> {
  if (format === "parquet") {
    if (target.stream === undefined) throw new Error("Parquet is written to a file");
    const { makeParquetWriter } = await import("./parquet-file.js");
    return makeParquetWriter(target.stream, { fields: options.fields, hasOffsets: options.hasOffsets === true });
  }
  if (format !== "table") return makeMachineWriter(format, target.sink, options);
  if (target.env === undefined) throw new Error("a table is written for a terminal's environment");
  const { makeTableWriter } = await import("./record-table.js");
  return makeTableWriter(target.sink, toTextView(target.env), options.fields);
}

/** Writes the records in the format into the target, and ends the writer. */
export async function writeRecords(records: AsyncIterable<OutputRecord> | Iterable<OutputRecord>, format: OutputFormat, target: RecordTarget, options: WriterOptions & { hasOffsets?: boolean }): Promise<void> {
  await pipeRecords(records, await makeRecordWriter(format, target, options));
}

/** A search's hits as records with their scores, as they are written out. */
export function* withScores(hits: Iterable<{ record: OutputRecord; score: number }>): Generator<OutputRecord & { score: number }> {
  for (const hit of hits) yield { ...hit.record, score: hit.score };
}

/** Streams records (or batches of them) into the writer, waiting whenever the output is full, and ends it. */
export async function pipeRecords<Item = OutputRecord>(records: AsyncIterable<Item> | Iterable<Item>, writer: ItemWriter<Item>): Promise<void> {
  for await (const record of records) {
    const wait = writer.write(record);
    if (wait) await wait;
  }
  await writer.end();
}

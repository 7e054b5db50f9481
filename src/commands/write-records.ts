// Records from a reader to a writer in the chosen format, waiting whenever the output is full.

import { toTextView, type OutputEnvironment } from "../output/environment.js";
import { makeMachineWriter, type FileFormat, type OutputRecord, type RecordWriter, type WriterOptions } from "../output/record-writers.js";
import type { ItemWriter } from "../output/output-record.js";
import type { TextSink } from "../output/sink.js";
import type { OutputFormat } from "./output-plan.js";

/** The writer for a format; the table code (and its width tables) loads only when a table is asked for. */
export async function makeRecordWriter(format: Exclude<OutputFormat, FileFormat>, sink: TextSink, env: OutputEnvironment, options: WriterOptions): Promise<RecordWriter> {
  if (format !== "table") return makeMachineWriter(format, sink, options);
  const { makeTableWriter } = await import("../output/record-table.js");
  return makeTableWriter(sink, toTextView(env), options.fields);
}

/** Streams records (or batches of them) into the writer, waiting whenever the output is full, and ends it. */
export async function pipeRecords<Item = OutputRecord>(records: AsyncIterable<Item> | Iterable<Item>, writer: ItemWriter<Item>): Promise<void> {
  for await (const record of records) {
    const wait = writer.write(record);
    if (wait) await wait;
  }
  await writer.end();
}

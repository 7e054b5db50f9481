// Records from a reader to a writer in the chosen format, waiting whenever the output is full.

import type { OutputEnvironment } from "../output/environment.js";
import { makeMachineWriter, type RecordWriter } from "../output/record-writers.js";
import type { TextSink } from "../output/sink.js";
import type { OutputFormat } from "./options.js";
import type { RecordReader } from "./read-records.js";

/** The writer for a format; the table code (and its width tables) loads only when a table is asked for. */
export async function makeRecordWriter(format: OutputFormat, sink: TextSink, env: OutputEnvironment): Promise<RecordWriter> {
  if (format !== "table") return makeMachineWriter(format, sink);
  const { makeTableWriter } = await import("../output/record-table.js");
  return makeTableWriter(sink, env);
}

/** Streams every selected record into the writer; returns how many were written. */
export async function pipeRecords(reader: RecordReader, writer: RecordWriter): Promise<number> {
  let count = 0;
  for await (const record of reader.records()) {
    count++;
    const wait = writer.write(record);
    if (wait) await wait;
  }
  await writer.end();
  return count;
}

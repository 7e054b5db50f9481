// Records from a reader to a writer in the chosen format, waiting whenever the output is full.

import type { OutputEnvironment } from "../output/environment.js";
import { makeTableWriter } from "../output/record-table.js";
import { makeMachineWriter, type RecordWriter } from "../output/record-writers.js";
import type { TextSink } from "../output/sink.js";
import type { OutputFormat } from "./options.js";
import type { RecordReader } from "./read-records.js";

export function makeRecordWriter(format: OutputFormat, sink: TextSink, env: OutputEnvironment): RecordWriter {
  return format === "table" ? makeTableWriter(sink, env) : makeMachineWriter(format, sink);
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

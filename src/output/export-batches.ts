// The records of an export written out by the thread that parsed them: each batch of parsed
// items becomes the bytes of its records in the output format, with what the reading still has
// to count and report. A worker thread loads this module by URL (parse-file.ts), so that the
// thread that writes only writes, and the bytes cross between threads without a copy; they are
// the bytes the record writers make (record-writers.ts), for the same records.

import { hasFilter, makeRecordPredicate, type RecordFilter } from "../core/filters.js";
import type { DumpProblem, ParsedItem } from "../core/record.js";
import type { EncodedBatch } from "../io/parse-file.js";
import { ByteBuilder } from "./byte-builder.js";
import type { ItemWriter } from "./output-record.js";
import { makeRecordEncoder, type MachineFormat, type WriterOptions } from "./record-writers.js";
import type { TextSink } from "./sink.js";

/** What an encoder is made from: plain data, sent to each worker as it starts. */
export interface ExportBatchSettings {
  format: MachineFormat;
  writing: WriterOptions;
  filter: RecordFilter;
  /** The records are shown on a terminal: their controls are written as escapes. */
  isTerminal: boolean;
}

/** A batch's bytes to start with: about what a 64 KiB read of a dump comes to. */
const BATCH_BYTES = 96 * 1024;
/**
 * The memory of batches written out, for the next batches made on this thread (those that
 * workers made included): fresh memory costs a page fault per 4 KiB.
 */
const spareMemory: ArrayBuffer[] = [];
const SPARE_MEMORY_KEPT = 8;

function batchMemory(): Uint8Array {
  const spare = spareMemory.pop();
  // A buffer of its own (never one of Node's shared pool), so that it can be handed over.
  return spare === undefined ? Buffer.allocUnsafeSlow(BATCH_BYTES) : new Uint8Array(spare);
}

/**
 * Batches as the record reader would give them one record at a time: an item's problems are
 * reported when nothing is filtered or its record is kept, and records are joined as the
 * format joins them (the writer puts the format's joint between batches).
 */
export function makeBatchEncoder(settings: ExportBatchSettings): (items: ParsedItem[]) => EncodedBatch {
  const encoder = makeRecordEncoder(settings.format, settings.writing, settings.isTerminal);
  const isFiltered = hasFilter(settings.filter);
  const isKept = makeRecordPredicate(settings.filter);
  return (items) => {
    const out = new ByteBuilder(batchMemory());
    const problems: DumpProblem[] = [];
    let records = 0;
    let articles = 0;
    for (const { record, problems: found } of items) {
      if (record !== null) articles++;
      const isRecordKept = record !== null && isKept(record);
      if (!isFiltered || isRecordKept) problems.push(...found);
      if (!isRecordKept) continue;
      if (records++ > 0) out.writeText(encoder.between);
      encoder.encode(record, out);
    }
    return { bytes: out.bytes.subarray(0, out.length), records, articles, problems };
  };
}

/** Writes batches in the format to a sink: what opens and closes the output, and the joints. */
export function makeBatchWriter(format: MachineFormat, sink: TextSink, writing: WriterOptions): ItemWriter<EncodedBatch> {
  const encoder = makeRecordEncoder(format, writing, sink.isTerminal);
  sink.write(encoder.start);
  let count = 0;
  return {
    write(batch) {
      if (batch.records === 0) return undefined;
      sink.write(count === 0 ? encoder.first : encoder.between);
      count += batch.records;
      const wait = sink.writeBytes(batch.bytes);
      // A batch's memory is its own (see batchMemory), and the sink has copied it.
      const memory = batch.bytes.buffer as ArrayBuffer;
      if (spareMemory.length < SPARE_MEMORY_KEPT && memory.byteLength >= BATCH_BYTES) spareMemory.push(memory);
      return wait;
    },
    end() {
      sink.write(encoder.end(count));
      return sink.flush();
    },
  };
}

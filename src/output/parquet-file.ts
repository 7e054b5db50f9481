// Records as an Apache Parquet file (through hyparquet-writer), for DuckDB, pandas, R, Spark and
// Trino: typed columns (strings, `published` as a timestamp, `line` as an integer, `warnings` as a
// list of strings), written a row group at a time as records stream in, so an export can be
// larger than memory. The writer only ever appends (the footer comes last), so the bytes go
// straight to the output stream: an atomic file (atomic-file.ts), or a FIFO's reader.

import type { Writable } from "node:stream";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { publishedMillis } from "../core/dates.js";
import { RECORD_FIELDS } from "../core/record.js";
import type { OutputRecord, RecordWriter } from "./output-record.js";
import { waitForDrain } from "./sink.js";

/** Rows a row group holds: large enough to compress well, small enough to hold in memory. */
const ROWS_PER_GROUP = 10_000;
/** Bytes gathered before they are handed to the stream. */
const BLOCK_BYTES = 1 << 20;

type SchemaElement = Record<string, unknown> & { name: string };

/**
 * The schema of the chosen fields. `published` is a timestamp of the local time as written
 * (isAdjustedToUTC false), or of the instant when the times carry offsets (--tz).
 */
function schemaOf(fields: readonly string[], hasOffsets: boolean): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: "root", num_children: fields.length }];
  for (const field of fields) {
    if (field === "published") {
      schema.push({ name: field, type: "INT64", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: hasOffsets, unit: "MILLIS" }, repetition_type: "OPTIONAL" });
    } else if (field === "line") {
      schema.push({ name: field, type: "INT32", repetition_type: "REQUIRED" });
    } else if (field === "warnings") {
      schema.push(
        { name: field, repetition_type: "REQUIRED", converted_type: "LIST", num_children: 1 },
        { name: "list", repetition_type: "REPEATED", num_children: 1 },
        { name: "element", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
      );
    } else {
      schema.push({ name: field, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: field === "file" || field === "body" ? "REQUIRED" : "OPTIONAL" });
    }
  }
  return schema;
}

/** A record's time as a Date whose UTC fields are the time as written, or the instant itself. */
function publishedValue(published: unknown): Date | null {
  if (typeof published !== "string") return null;
  return new Date(publishedMillis(published));
}

/**
 * The bytes hyparquet-writer appends, handed to a stream a block at a time. The Parquet writer
 * calls flush() after each row group: there the writer waits while the stream is full.
 */
class StreamByteWriter extends ByteWriter {
  constructor(private readonly stream: Writable) {
    super(BLOCK_BYTES);
  }

  override ensure(size: number): void {
    if (this.index > 0 && this.index + size > this.buffer.byteLength) this.handOn();
    super.ensure(size);
  }

  flush(): Promise<void> | undefined {
    this.handOn();
    return this.stream.writableNeedDrain ? waitForDrain(this.stream) : undefined;
  }

  override finish(): void {
    this.handOn();
  }

  /** Gives the block written so far to the stream, and starts a new one. */
  private handOn(): void {
    if (this.index === 0) return;
    this.stream.write(new Uint8Array(this.buffer, 0, this.index));
    this.buffer = new ArrayBuffer(BLOCK_BYTES);
    this.view = new DataView(this.buffer);
    this.index = 0;
  }
}

interface ParquetOptions {
  fields?: readonly string[] | undefined;
  /** The records' times carry offsets (--tz). */
  hasOffsets: boolean;
}

/** A writer of records as Parquet into the stream; the file is whole once `end()` completes. */
export function makeParquetWriter(stream: Writable, options: ParquetOptions): RecordWriter {
  const fields = options.fields ?? RECORD_FIELDS;
  const writer = new ParquetWriter({ writer: new StreamByteWriter(stream), schema: schemaOf(fields, options.hasOffsets) as never, createdBy: "newsctl" });
  let rows: OutputRecord[] = [];

  const writeRowGroup = (): Promise<void> | undefined => {
    if (rows.length === 0) return undefined;
    const columnData = fields.map((field) => ({
      name: field,
      data: rows.map((record) => (field === "published" ? publishedValue(record.published) : (record[field] ?? null))),
    }));
    rows = [];
    return writer.write({ columnData: columnData as never, rowGroupSize: ROWS_PER_GROUP }) ?? undefined;
  };

  return {
    write(record) {
      rows.push(record);
      return rows.length >= ROWS_PER_GROUP ? writeRowGroup() : undefined;
    },
    async end() {
      await writeRowGroup();
      await writer.finish();
    },
  };
}

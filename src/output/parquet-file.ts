// Records as an Apache Parquet file (through hyparquet-writer), for DuckDB, pandas, R, Spark and
// Trino: typed columns (strings, `published` as a timestamp, `line` as an integer, `warnings` as a
// list of strings), written a row group at a time as records stream in, so an export can be
// larger than memory. The file is written beside its target and renamed into place when
// complete, as every newsctl output file is.

import { renameSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { fileWriter, ParquetWriter } from "hyparquet-writer";
import { publishedMillis } from "../core/dates.js";
import { RECORD_FIELDS } from "../core/record.js";
import type { OutputRecord, RecordWriter } from "./record-writers.js";
import { addUnfinishedFile, removeUnfinishedFile } from "./unfinished-files.js";

/** Rows a row group holds: large enough to compress well, small enough to hold in memory. */
const ROWS_PER_GROUP = 10_000;

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

export interface ParquetFileOptions {
  fields?: readonly string[] | undefined;
  /** The records' times carry offsets (--tz). */
  hasOffsets: boolean;
}

/** A writer of records into a Parquet file at `target`, in place only once `end()` completes. */
export function makeParquetFileWriter(target: string, options: ParquetFileOptions): RecordWriter & { abort(): void } {
  const fields = options.fields ?? RECORD_FIELDS;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  const writer = new ParquetWriter({ writer: fileWriter(temporary), schema: schemaOf(fields, options.hasOffsets) as never, createdBy: "newsctl" });
  let rows: OutputRecord[] = [];
  let isSettled = false;
  const unfinished = {
    abortNow() {
      if (isSettled) return;
      isSettled = true;
      removeUnfinishedFile(unfinished);
      rmSync(temporary, { force: true });
    },
  };
  addUnfinishedFile(unfinished);

  const flush = () => {
    if (rows.length === 0) return;
    const columnData = fields.map((field) => ({
      name: field,
      data: rows.map((record) => (field === "published" ? publishedValue(record.published) : (record[field] ?? null))),
    }));
    writer.write({ columnData: columnData as never, rowGroupSize: ROWS_PER_GROUP });
    rows = [];
  };

  return {
    write(record) {
      rows.push(record);
      if (rows.length >= ROWS_PER_GROUP) flush();
      return undefined;
    },
    end() {
      flush();
      writer.finish();
      isSettled = true;
      removeUnfinishedFile(unfinished);
      renameSync(temporary, target);
      return undefined;
    },
    abort: () => unfinished.abortNow(),
  };
}

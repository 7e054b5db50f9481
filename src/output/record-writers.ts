// Records to text in the machine formats: NDJSON (one record a line), JSON (one array), CSV
// (RFC 4180 through csv-stringify) and TSV (one record a line, tab, newline and backslash escaped
// as \t \n \r \\, the convention of PostgreSQL's text format, so cut and awk can read it).

import { stringify } from "csv-stringify/sync";
import { RECORD_FIELDS, type ArticleRecord } from "../core/record.js";
import type { TextSink } from "./sink.js";

export interface RecordWriter {
  /** Writes one record; a promise means "wait before the next" (the stream is full). */
  write(record: ArticleRecord): Promise<void> | undefined;
  /** Writes what closes the output (the end of a JSON array, the last table rows). */
  end(): Promise<void> | undefined;
}

export type MachineFormat = "json" | "ndjson" | "csv" | "tsv";

export function makeMachineWriter(format: MachineFormat, sink: TextSink): RecordWriter {
  switch (format) {
    case "ndjson":
      return { write: (record) => sink.write(JSON.stringify(record) + "\n"), end: () => sink.flush() };
    case "json":
      return makeJsonArrayWriter(sink);
    case "csv":
      return makeCsvWriter(sink);
    case "tsv":
      return makeTsvWriter(sink);
  }
}

function makeJsonArrayWriter(sink: TextSink): RecordWriter {
  let count = 0;
  return {
    write(record) {
      return sink.write((count++ === 0 ? "[\n" : ",\n") + JSON.stringify(record));
    },
    end() {
      sink.write(count === 0 ? "[]\n" : "\n]\n");
      return sink.flush();
    },
  };
}

/** The cells of a record for CSV and TSV: null is empty, warnings are joined with ";". */
export function recordCells(record: ArticleRecord): string[] {
  return RECORD_FIELDS.map((field) => {
    const value = record[field];
    if (value === null) return "";
    if (Array.isArray(value)) return value.join(";");
    return String(value);
  });
}

function makeCsvWriter(sink: TextSink): RecordWriter {
  sink.write(stringify([[...RECORD_FIELDS]]));
  return {
    write: (record) => sink.write(stringify([recordCells(record)])),
    end: () => sink.flush(),
  };
}

const TSV_ESCAPES: Readonly<Record<string, string>> = { "\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\" };

export function escapeTsvCell(cell: string): string {
  return cell.replace(/[\t\n\r\\]/g, (character) => TSV_ESCAPES[character]!);
}

function makeTsvWriter(sink: TextSink): RecordWriter {
  sink.write(RECORD_FIELDS.join("\t") + "\n");
  return {
    write: (record) => sink.write(recordCells(record).map(escapeTsvCell).join("\t") + "\n"),
    end: () => sink.flush(),
  };
}

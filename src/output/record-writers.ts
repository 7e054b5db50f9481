// Records to text in the machine formats: NDJSON (one record a line), JSON (one array), CSV
// (RFC 4180 through csv-stringify) and TSV (one record a line, tab, newline and backslash escaped
// as \t \n \r \\, the convention of PostgreSQL's text format, so cut and awk can read it).
// CSV and TSV open in spreadsheets, which run a cell that starts like a formula: such cells are
// neutralised unless asked otherwise (OWASP's advice on CSV injection). On their way to a
// terminal, control and bidi characters in them are shown as escapes, as a table shows them.

import { stringify } from "csv-stringify/sync";
import { RECORD_FIELDS } from "../core/record.js";
import type { ByteBuilder } from "./byte-builder.js";
import { DEFAULT_ELASTIC_INDEX, makeEsBulkEncoder } from "./elasticsearch.js";
import type { OutputRecord, RecordWriter } from "./output-record.js";
import type { TextSink } from "./sink.js";
import { toTerminalJson, toTerminalText } from "./terminal-text.js";

export type { OutputRecord, RecordWriter } from "./output-record.js";

export type MachineFormat = "json" | "ndjson" | "csv" | "tsv" | "es-bulk";
/** Export formats written to a file only (binary). */
export type FileFormat = "parquet";

/** How CSV and TSV are written for spreadsheets. */
export interface SheetOptions {
  /** A cell a spreadsheet would take for a formula gets a leading ' (--csv-raw: false). */
  isNeutralizingFormulas: boolean;
  /** A UTF-8 byte-order mark first, so that Excel reads Arabic as UTF-8 (--bom). */
  hasBom: boolean;
}

export const SAFE_SHEETS: SheetOptions = { isNeutralizingFormulas: true, hasBom: false };

/**
 * What a spreadsheet reads as the start of a formula (= + - @), or as a way around a check for
 * one (tab, CR), in ASCII and in their full-width forms, which some spreadsheets fold to ASCII.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell as a spreadsheet shows it as text: with a leading ' when it could run as a formula. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export interface WriterOptions {
  sheet?: SheetOptions;
  /** Fields after the record's own that CSV and TSV get columns for (JSON has them anyway): a search's score. */
  extraColumns?: readonly string[];
  /** Only these fields, in this order (--fields), in every format. */
  fields?: readonly string[] | undefined;
  /** The Elasticsearch index named in es-bulk action lines. */
  elasticIndexName?: string | undefined;
}

/**
 * A format as bytes: one record at a time into a ByteBuilder, and the text around them. The
 * writers below use it on this thread; a worker thread uses it to write whole batches of
 * records (export-batches.ts), which this thread then writes out as they are.
 */
interface RecordEncoder {
  /** What opens the output, written when the writer is made: a BOM, a header row. */
  readonly start: string;
  /** Written before the first record (JSON's "[\n"). */
  readonly first: string;
  /** Written between two records (JSON's ",\n"). */
  readonly between: string;
  /** What closes the output, after `count` records. */
  end(count: number): string;
  encode(record: OutputRecord, out: ByteBuilder): void;
}

/**
 * The encoder of a format; `isTerminal`: the bytes are shown on a terminal, so controls and bidi
 * characters in the data become visible escapes (JSON's own in JSON, which stays JSON).
 */
export function makeRecordEncoder(format: MachineFormat, options: WriterOptions = {}, isTerminal = false): RecordEncoder {
  const json = isTerminal ? (value: unknown) => toTerminalJson(JSON.stringify(value)) : (value: unknown) => JSON.stringify(value);
  // CSV keeps newlines in quoted cells, TSV has escaped them: tab and newline are the format's own.
  const sheetLine = isTerminal ? toTerminalText : (line: string) => line;
  const sheet = options.sheet ?? SAFE_SHEETS;
  const columns = options.fields ?? [...RECORD_FIELDS, ...(options.extraColumns ?? [])];
  const project = options.fields === undefined ? (record: OutputRecord) => record : (record: OutputRecord) => pickFields(record, columns);
  const cellsOf = (record: OutputRecord) => {
    const cells = recordCells(record, columns);
    // A number is no formula, however it starts (a negative measure's minus sign).
    return sheet.isNeutralizingFormulas ? cells.map((cell, k) => (typeof record[columns[k]!] === "number" ? cell : neutralizeFormula(cell))) : cells;
  };
  const bom = (format === "csv" || format === "tsv") && sheet.hasBom ? "\uFEFF" : "";
  const records = { first: "", between: "", end: () => "" };
  switch (format) {
    case "ndjson":
      return {
        ...records,
        start: "",
        encode(record, out) {
          out.writeText(json(project(record)));
          out.writeAscii("\n");
        },
      };
    case "json":
      return { start: "", first: "[\n", between: ",\n", end: (count) => (count === 0 ? "[]\n" : "\n]\n"), encode: (record, out) => out.writeText(json(project(record))) };
    case "csv":
      return { ...records, start: bom + stringify([[...columns]]), encode: (record, out) => out.writeText(sheetLine(stringify([cellsOf(record)]))) };
    case "tsv":
      return { ...records, start: `${bom}${columns.join("\t")}\n`, encode: (record, out) => out.writeText(sheetLine(`${cellsOf(record).map(escapeTsvCell).join("\t")}\n`)) };
    case "es-bulk":
      return { ...records, start: "", encode: makeEsBulkEncoder(options.elasticIndexName ?? DEFAULT_ELASTIC_INDEX, project, json) };
  }
}

/** Records written in a format to a sink, on this thread (escaped when the sink is a terminal). */
export function makeMachineWriter(format: MachineFormat, sink: TextSink, options: WriterOptions = {}): RecordWriter {
  const encoder = makeRecordEncoder(format, options, sink.isTerminal);
  sink.write(encoder.start);
  let count = 0;
  return {
    write(record) {
      sink.write(count++ === 0 ? encoder.first : encoder.between);
      encoder.encode(record, sink.bytes);
      return sink.written();
    },
    end() {
      sink.write(encoder.end(count));
      return sink.flush();
    },
  };
}

/** The record with only these fields, in this order. */
export function pickFields(record: OutputRecord, fields: readonly string[]): OutputRecord {
  const picked: Record<string, unknown> = {};
  for (const field of fields) picked[field] = record[field] ?? null;
  return picked as OutputRecord;
}

/** The cells of a record for CSV and TSV: null is empty, warnings are joined with ";". */
function recordCells(record: OutputRecord, columns: readonly string[] = RECORD_FIELDS): string[] {
  return columns.map((column) => {
    const value = record[column];
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.join(";");
    return String(value);
  });
}

const TSV_ESCAPES: Readonly<Record<string, string>> = { "\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\" };

function escapeTsvCell(cell: string): string {
  return cell.replace(/[\t\n\r\\]/g, (character) => TSV_ESCAPES[character]!);
}

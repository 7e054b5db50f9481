// Records to text in the machine formats: NDJSON (one record a line), JSON (one array), CSV
// (RFC 4180 through csv-stringify) and TSV (one record a line, tab, newline and backslash escaped
// as \t \n \r \\, the convention of PostgreSQL's text format, so cut and awk can read it).
// CSV and TSV open in spreadsheets, which run a cell that starts like a formula: such cells are
// neutralised unless asked otherwise (OWASP's advice on CSV injection).

import { stringify } from "csv-stringify/sync";
import { RECORD_FIELDS } from "../core/record.js";
import { DEFAULT_ELASTIC_INDEX, makeEsBulkWriter } from "./elasticsearch.js";
import type { OutputRecord, RecordWriter } from "./output-record.js";
import type { TextSink } from "./sink.js";

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

export function makeMachineWriter(format: MachineFormat, sink: TextSink, options: WriterOptions = {}): RecordWriter {
  const sheet = options.sheet ?? SAFE_SHEETS;
  const columns = options.fields ?? [...RECORD_FIELDS, ...(options.extraColumns ?? [])];
  const project = options.fields === undefined ? (record: OutputRecord) => record : (record: OutputRecord) => pickFields(record, columns);
  const cellsOf = (record: OutputRecord) => {
    const cells = recordCells(record, columns);
    return sheet.isNeutralizingFormulas ? cells.map(neutralizeFormula) : cells;
  };
  if ((format === "csv" || format === "tsv") && sheet.hasBom) sink.write("\uFEFF");
  switch (format) {
    case "ndjson":
      return { write: (record) => sink.write(JSON.stringify(project(record)) + "\n"), end: () => sink.flush() };
    case "json":
      return makeJsonArrayWriter(sink, project);
    case "csv":
      return makeCsvWriter(sink, columns, cellsOf);
    case "tsv":
      return makeTsvWriter(sink, columns, cellsOf);
    case "es-bulk":
      return makeEsBulkWriter(sink, options.elasticIndexName ?? DEFAULT_ELASTIC_INDEX, project);
  }
}

/** The record with only these fields, in this order. */
export function pickFields(record: OutputRecord, fields: readonly string[]): OutputRecord {
  const picked: Record<string, unknown> = {};
  for (const field of fields) picked[field] = record[field] ?? null;
  return picked as OutputRecord;
}

function makeJsonArrayWriter(sink: TextSink, project: (record: OutputRecord) => OutputRecord): RecordWriter {
  let count = 0;
  return {
    write(record) {
      return sink.write((count++ === 0 ? "[\n" : ",\n") + JSON.stringify(project(record)));
    },
    end() {
      sink.write(count === 0 ? "[]\n" : "\n]\n");
      return sink.flush();
    },
  };
}

/** The cells of a record for CSV and TSV: null is empty, warnings are joined with ";". */
export function recordCells(record: OutputRecord, columns: readonly string[] = RECORD_FIELDS): string[] {
  return columns.map((column) => {
    const value = record[column];
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.join(";");
    return String(value);
  });
}

type CellsOf = (record: OutputRecord) => string[];

function makeCsvWriter(sink: TextSink, columns: readonly string[], cellsOf: CellsOf): RecordWriter {
  sink.write(stringify([[...columns]]));
  return {
    write: (record) => sink.write(stringify([cellsOf(record)])),
    end: () => sink.flush(),
  };
}

const TSV_ESCAPES: Readonly<Record<string, string>> = { "\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\" };

export function escapeTsvCell(cell: string): string {
  return cell.replace(/[\t\n\r\\]/g, (character) => TSV_ESCAPES[character]!);
}

function makeTsvWriter(sink: TextSink, columns: readonly string[], cellsOf: CellsOf): RecordWriter {
  sink.write(columns.join("\t") + "\n");
  return {
    write: (record) => sink.write(cellsOf(record).map(escapeTsvCell).join("\t") + "\n"),
    end: () => sink.flush(),
  };
}

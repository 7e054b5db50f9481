// The output half of a command's plan: the format (named, implied by -o's extension, or a table
// on a terminal and NDJSON into a pipe, decided here once), --fields, and how sheets are written.

import { RECORD_FIELDS } from "../core/record.js";
import { UsageError } from "../errors.js";
import type { FileFormat, MachineFormat, SheetOptions } from "../output/record-writers.js";
import type { RawOptions } from "./option-table.js";

export type OutputFormat = "table" | MachineFormat | FileFormat;
export type PrintedFormat = Exclude<OutputFormat, FileFormat>;

/**
 * The format of output printed to stdout (parse, search): the one named, else a table on a
 * terminal and NDJSON into a pipe. Parquet, a file format, is not offered there.
 */
export function printedFormat(raw: RawOptions, isStdoutTerminal: boolean): PrintedFormat {
  const format = chosenFormat(raw) ?? (isStdoutTerminal ? "table" : "ndjson");
  if (format === "parquet") throw new UsageError("Parquet is written by newsctl export -o FILE.parquet");
  return format;
}

/** The format asked for by --format or a shorthand; undefined when none was named. */
export function chosenFormat(raw: RawOptions): OutputFormat | undefined {
  const shorthands: OutputFormat[] = (["json", "ndjson", "csv", "tsv"] as const).filter((format) => raw[format]);
  if (raw.esBulk === true) shorthands.push("es-bulk");
  if (raw.parquet === true) shorthands.push("parquet");
  const named = [...new Set([...(raw.format ? [raw.format as OutputFormat] : []), ...shorthands])];
  if (named.length > 1) throw new UsageError(`choose one output format, not ${named.map((f) => `--${f}`).join(" and ")}`);
  return named[0];
}

/** The fields --fields names, checked against those a record has; undefined without --fields. */
export function readFields(raw: RawOptions, available: readonly string[] = RECORD_FIELDS): string[] | undefined {
  if (raw.fields === undefined) return undefined;
  const fields = raw.fields.split(",").map((field) => field.trim());
  const unknown = fields.filter((field) => !available.includes(field));
  if (fields.some((field) => field === "")) throw new UsageError(`--fields "${raw.fields}": an empty name`, `fields: ${available.join(",")}`);
  if (unknown.length > 0) throw new UsageError(`--fields: no field named ${unknown.map((field) => `"${field}"`).join(", ")}`, `fields: ${available.join(",")}`);
  const repeated = fields.find((field, index) => fields.indexOf(field) !== index);
  if (repeated !== undefined) throw new UsageError(`--fields: "${repeated}" is named twice`);
  return fields;
}

/** How CSV or TSV is written; --csv-raw and --bom name other formats' output a mistake. */
export function readSheetOptions(raw: RawOptions, format: OutputFormat): SheetOptions {
  const isSheet = format === "csv" || format === "tsv";
  for (const [option, isGiven] of [["--csv-raw", raw.csvRaw], ["--bom", raw.bom]] as const) {
    if (isGiven === true && !isSheet) throw new UsageError(`${option} applies to CSV and TSV, not to ${format} output`, "add --csv or --format tsv");
  }
  return { isNeutralizingFormulas: raw.csvRaw !== true, hasBom: raw.bom === true };
}

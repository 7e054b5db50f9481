// The options commands share, declared once for commander and read once into typed values;
// a value that cannot be used is a usage error that says which option and what it takes.

import { availableParallelism } from "node:os";
import { type Command, Option } from "./commander.js";
import { parseTimeBound, type RecordFilter } from "../core/filters.js";
import { resolveTimeZone, type TimeZone } from "../core/time-zone.js";
import { UsageError } from "../errors.js";
import { RECORD_FIELDS } from "../core/record.js";
import type { FileFormat, MachineFormat, SheetOptions } from "../output/record-writers.js";
import type { ReadingOptions } from "./read-records.js";

/** Which files a directory yields when --include is not given. */
const DEFAULT_INCLUDE = "*.txt";

export type OutputFormat = "table" | MachineFormat | FileFormat;
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["table", "json", "ndjson", "csv", "tsv"];

/** Options as commander hands them over (camel-cased, strings unless declared otherwise). */
export interface RawOptions {
  include?: string;
  tz?: string;
  since?: string;
  until?: string;
  agency?: string[];
  id?: string[];
  limit?: string;
  jobs?: string;
  format?: string;
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
  tsv?: boolean;
  csvRaw?: boolean;
  bom?: boolean;
  fields?: string;
  esBulk?: boolean;
  parquet?: boolean;
  quiet?: boolean;
  strict?: boolean;
  output?: string;
  /** An index to read instead of dumps (search, export, show). */
  db?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function addInputOptions(command: Command): Command {
  return command
    .option("--include <glob>", `which files a directory yields (a glob; without "/" it matches names at any depth)`, DEFAULT_INCLUDE)
    .option("-j, --jobs <n>", `threads at work: N - 1 parse files side by side, one takes their records (default: the number of cores, ${availableParallelism()})`)
    .option("--tz <zone>", "time zone of the dumps' clocks (IANA name); adds the offset to published")
    .option("-q, --quiet", "do not print warnings about the dumps")
    .option("--strict", "exit with 2 when any article has a warning");
}

export function addFilterOptions(command: Command): Command {
  return command
    .option("--since <date>", "articles published on or after DATE (YYYY-MM-DD or ISO time)")
    .option("--until <date>", "articles published on or before DATE (YYYY-MM-DD or ISO time)")
    .option("--agency <name>", "articles of this agency (repeatable)", collect)
    .option("--id <number>", "the article with this number (repeatable)", collect)
    .option("--limit <n>", "stop after N articles");
}

export function addFormatOptions(command: Command, formats: readonly OutputFormat[]): Command {
  command.addOption(new Option("--format <format>", "output format").choices(formats));
  for (const format of formats) {
    if (format !== "table") command.option(`--${format}`, `shorthand for --format ${format}`);
  }
  command.option("--fields <list>", "only these fields, in this order (comma-separated, e.g. id,published,headline)");
  if (formats.includes("csv")) {
    command
      .option("--csv-raw", "CSV/TSV: leave cells that start with = + - @ as they are (by default they get a leading ' so a spreadsheet shows them as text)")
      .option("--bom", "CSV/TSV: start with a UTF-8 byte-order mark, so Excel reads Arabic as UTF-8");
  }
  return command;
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

/**
 * The format of output printed to stdout (parse, search): the one named, else a table on a
 * terminal and NDJSON into a pipe. Parquet, a file format, is not offered there.
 */
export function printedFormat(raw: RawOptions, isTerminal: boolean): Exclude<OutputFormat, FileFormat> {
  const format = chosenFormat(raw) ?? (isTerminal ? "table" : "ndjson");
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

export function readReadingOptions(paths: readonly string[], raw: RawOptions): ReadingOptions {
  return {
    paths,
    include: raw.include ?? DEFAULT_INCLUDE,
    timeZone: raw.tz === undefined ? undefined : readTimeZone(raw.tz),
    filter: readFilter(raw),
    limit: raw.limit === undefined ? undefined : readCount("--limit", raw.limit),
    isQuiet: raw.quiet === true,
    isStrict: raw.strict === true,
    jobs: raw.jobs === undefined ? availableParallelism() : Math.max(1, readCount("--jobs", raw.jobs)),
  };
}

function readTimeZone(name: string): TimeZone {
  try {
    return resolveTimeZone(name);
  } catch {
    throw new UsageError(`--tz: unknown time zone "${name}"`, "use an IANA name such as Asia/Riyadh, Africa/Cairo or UTC");
  }
}

function readFilter(raw: RawOptions): RecordFilter {
  const bound = (option: "since" | "until") => {
    const value = raw[option];
    if (value === undefined) return undefined;
    const parsed = parseTimeBound(value, option);
    if (parsed === null) throw new UsageError(`--${option}: "${value}" is not a date`, "write YYYY-MM-DD or an ISO time such as 2021-01-25T11:27");
    return parsed;
  };
  const since = bound("since");
  const until = bound("until");
  if (since !== undefined && until !== undefined && since.instant === undefined && until.instant === undefined && since.local > until.local) {
    throw new UsageError(`--since ${raw.since} is after --until ${raw.until}: no article can match`);
  }
  for (const id of raw.id ?? []) {
    if (!/^[0-9\u0660-\u0669\u06F0-\u06F9]+$/.test(id.trim())) throw new UsageError(`--id: "${id}" is not an article number`, "article numbers are digits, as on the رقم: line");
  }
  return { since, until, agencies: raw.agency, ids: raw.id };
}

export function readCount(option: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${option}: "${value}" is not a whole number`);
  return Number(value);
}

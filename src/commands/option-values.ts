// What a command's options mean together, once each value has been read where its option is
// declared (option-table.ts): how the dumps are read (PATH arguments, the filters with --since
// and --until read as a pair, defaults, what --db rules out), the output format (named, or a
// table on a terminal and NDJSON into a pipe), --fields against the command's fields, and how
// sheets are written, and what the analyses share (their source, printing and queries); a
// combination that cannot be used is a usage error before anything is read.

import { availableParallelism } from "node:os";
import type { AnalysisSource } from "../app/analysis-source.js";
import { readAgencies, readDateBounds, readQuery } from "../app/request-readers.js";
import type { RecordFilter } from "../core/filters.js";
import { RECORD_FIELDS } from "../core/record.js";
import { includeMatcher } from "../core/glob.js";
import { UsageError } from "../errors.js";
import type { ParsedQuery } from "../core/query.js";
import type { AnalysisPrinting } from "../output/analysis-output.js";
import type { SheetOptions } from "../output/record-writers.js";
import type { OutputFormat, PrintedFormat } from "../output/write-records.js";
import { DEFAULT_INCLUDE, type GivenOptions } from "./option-table.js";
import type { ReadingOptions } from "../app/read-dumps.js";

/** What a plan may know of the process: which of its streams are terminals. */
export interface PlanEnvironment {
  isStdinTerminal: boolean;
  isStdoutTerminal: boolean;
  isStderrTerminal: boolean;
}

interface ReadingPlanChoices {
  /** The command draws a progress line on a terminal's stderr while it reads (unless --quiet). */
  isShowingProgress: boolean;
  /** --db names an index to read instead of dumps (search, export, show, stats). */
  isDbASource?: boolean;
}

/** How a command reads dumps, from its PATH arguments and options. */
export function planReading(paths: readonly string[], options: GivenOptions, env: PlanEnvironment, choices: ReadingPlanChoices): ReadingOptions {
  const isQuiet = options.quiet === true;
  if (choices.isDbASource === true && options.db !== undefined) refuseDumpOptionsWithIndex(paths, options);
  else if (paths.length === 0 && env.isStdinTerminal) {
    throw new UsageError("no input: name files or directories, or pipe a dump into standard input", "e.g. newsctl parse seeds");
  }
  return {
    paths,
    include: options.include ?? { pattern: DEFAULT_INCLUDE, matches: includeMatcher(DEFAULT_INCLUDE) },
    timeZone: options.tz,
    filter: readFilter(options),
    limit: options.limit,
    isQuiet,
    isStrict: options.strict === true,
    jobs: options.jobs === undefined ? availableParallelism() : Math.max(1, options.jobs),
    isShowingProgress: choices.isShowingProgress && env.isStderrTerminal && !isQuiet,
  };
}

/**
 * Options that only reading dumps uses, refused with --db (the index was read from its dumps
 * with its own); --strict and --quiet still apply to the warnings the index's records carry.
 */
function refuseDumpOptionsWithIndex(paths: readonly string[], options: GivenOptions): void {
  if (paths.length > 0) throw new UsageError(`--db reads the index ${options.db}; PATH arguments are for reading dumps`, "give one or the other");
  if (options.tz !== undefined) throw new UsageError("--tz applies when dumps are read; the index holds the times as they were indexed", "index with --tz, or search the dumps with it");
  for (const [flag, value] of [["--include", options.include], ["--jobs", options.jobs]] as const) {
    if (value !== undefined) throw new UsageError(`${flag} applies when dumps are read, not with --db`, "give it to newsctl index instead");
  }
}



function readFilter(options: GivenOptions): RecordFilter {
  const { since, until } = readDateBounds(options.since, options.until, { since: "--since", until: "--until" });
  return { since, until, agencies: options.agency === undefined ? undefined : readAgencies(options.agency, "--agency"), ids: options.id };
}

/**
 * The format of output printed to stdout (parse, search): the one named, else a table on a
 * terminal and NDJSON into a pipe. Parquet, a file format, is not offered there.
 */
export function printedFormat(options: GivenOptions, isStdoutTerminal: boolean): PrintedFormat {
  const format = chosenFormat(options) ?? (isStdoutTerminal ? "table" : "ndjson");
  if (format === "parquet") throw new UsageError("Parquet is written by newsctl export -o FILE.parquet");
  return format;
}

/** The format asked for by --format or a shorthand; undefined when none was named. */
export function chosenFormat(options: GivenOptions): OutputFormat | undefined {
  const shorthands: OutputFormat[] = (["json", "ndjson", "csv", "tsv"] as const).filter((format) => options[format]);
  if (options.esBulk === true) shorthands.push("es-bulk");
  if (options.parquet === true) shorthands.push("parquet");
  const named = [...new Set([...(options.format ? [options.format] : []), ...shorthands])];
  if (named.length > 1) throw new UsageError(`choose one output format, not ${named.map((f) => `--${f}`).join(" and ")}`);
  return named[0];
}

/** The fields --fields names, checked against those a record has; undefined without --fields. */
export function readFields(options: GivenOptions, available: readonly string[] = RECORD_FIELDS): string[] | undefined {
  if (options.fields === undefined) return undefined;
  const fields = options.fields.split(",").map((field) => field.trim());
  const unknown = fields.filter((field) => !available.includes(field));
  if (fields.some((field) => field === "")) throw new UsageError(`--fields "${options.fields}": an empty name`, `fields: ${available.join(",")}`);
  if (unknown.length > 0) throw new UsageError(`--fields: no field named ${unknown.map((field) => `"${field}"`).join(", ")}`, `fields: ${available.join(",")}`);
  const repeated = fields.find((field, index) => fields.indexOf(field) !== index);
  if (repeated !== undefined) throw new UsageError(`--fields: "${repeated}" is named twice`);
  return fields;
}

/** How CSV or TSV is written; --csv-raw and --bom name other formats' output a mistake. */
export function readSheetOptions(options: GivenOptions, format: OutputFormat): SheetOptions {
  const isSheet = format === "csv" || format === "tsv";
  for (const [option, isGiven] of [["--csv-raw", options.csvRaw], ["--bom", options.bom]] as const) {
    if (isGiven === true && !isSheet) throw new UsageError(`${option} applies to CSV and TSV, not to ${format} output`, "add --csv or --format tsv");
  }
  return { isNeutralizingFormulas: options.csvRaw !== true, hasBom: options.bom === true };
}

/** What an analysis command runs: its request, where it reads, and how its rows are printed. */
export interface AnalysisPlan<Request> {
  request: Request;
  source: AnalysisSource;
  printing: AnalysisPrinting;
}

const QUERY_HINT = 'see "newsctl search --help" for the query language';

/** Where an analysis reads, from its paths and options. */
export function planSource(paths: readonly string[], options: GivenOptions, env: PlanEnvironment): AnalysisSource {
  return { db: options.db, reading: planReading(paths, options, env, { isShowingProgress: true, isDbASource: true }) };
}

export function planPrinting(options: GivenOptions, env: PlanEnvironment): AnalysisPrinting {
  const format = printedFormat(options, env.isStdoutTerminal);
  return { format, sheet: readSheetOptions(options, format) };
}

/** A query typed as an argument or with -e, parsed (a syntax error shows where). */
export function planQuery(text: string): { text: string; query: ParsedQuery } {
  return { text, query: readQuery(text, QUERY_HINT, true) };
}

/** The queries and paths of a command whose query may come first or with -e (trend). */
export function splitQueriesAndPaths(input: { args: readonly string[]; paths: readonly string[]; options: GivenOptions }): { queries: string[]; paths: string[] } {
  const given = [...input.args, ...input.paths];
  const flagged = input.options.query;
  if (flagged !== undefined && flagged.length > 0) return { queries: [...flagged], paths: given };
  if (given.length === 0) throw new UsageError("no query: give one first, or with -e QUERY", 'e.g. newsctl trend داعش --db news.db');
  return { queries: [given[0]!], paths: given.slice(1) };
}

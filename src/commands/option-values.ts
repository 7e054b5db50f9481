// The options of a command read once into typed values: PATH arguments, --include, --jobs, --tz,
// the filters, --limit, --quiet and --strict (patterns compiled), the output format (named,
// implied by -o's extension, or a table on a terminal and NDJSON into a pipe), --fields, how
// sheets are written, --threshold and --index; a value that cannot be used is a usage error
// before anything is read, never a failure half-way.

import { availableParallelism } from "node:os";
import { readAgencies, readArticleNumber, readDateBounds, readWholeNumber } from "../app/request-readers.js";
import type { RecordFilter } from "../core/filters.js";
import { RECORD_FIELDS } from "../core/record.js";
import { GlobSyntaxError, includeMatcher } from "../core/glob.js";
import { resolveTimeZone, type TimeZone } from "../core/time-zone.js";
import { UsageError } from "../errors.js";
import type { InputInclude } from "../io/inputs.js";
import { elasticIndexNameProblem, DEFAULT_ELASTIC_INDEX } from "../output/elasticsearch.js";
import type { SheetOptions } from "../output/record-writers.js";
import type { OutputFormat, PrintedFormat } from "../output/write-records.js";
import { DEFAULT_INCLUDE, DEFAULT_THRESHOLD, type RawOptions } from "./option-table.js";
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
export function planReading(paths: readonly string[], raw: RawOptions, env: PlanEnvironment, choices: ReadingPlanChoices): ReadingOptions {
  const isQuiet = raw.quiet === true;
  if (choices.isDbASource === true && raw.db !== undefined) refuseDumpOptionsWithIndex(paths, raw);
  else if (paths.length === 0 && env.isStdinTerminal) {
    throw new UsageError("no input: name files or directories, or pipe a dump into standard input", "e.g. newsctl parse seeds");
  }
  return {
    paths,
    include: readInclude(raw.include ?? DEFAULT_INCLUDE),
    timeZone: raw.tz === undefined ? undefined : readTimeZone(raw.tz),
    filter: readFilter(raw),
    limit: raw.limit === undefined ? undefined : readWholeNumber("--limit", raw.limit),
    isQuiet,
    isStrict: raw.strict === true,
    jobs: raw.jobs === undefined ? availableParallelism() : Math.max(1, readWholeNumber("--jobs", raw.jobs)),
    isShowingProgress: choices.isShowingProgress && env.isStderrTerminal && !isQuiet,
  };
}

/**
 * Options that only reading dumps uses, refused with --db (the index was read from its dumps
 * with its own); --strict and --quiet still apply to the warnings the index's records carry.
 */
function refuseDumpOptionsWithIndex(paths: readonly string[], raw: RawOptions): void {
  if (paths.length > 0) throw new UsageError(`--db reads the index ${raw.db}; PATH arguments are for reading dumps`, "give one or the other");
  if (raw.tz !== undefined) throw new UsageError("--tz applies when dumps are read; the index holds the times as they were indexed", "index with --tz, or search the dumps with it");
  for (const [flag, value] of [["--include", raw.include], ["--jobs", raw.jobs]] as const) {
    if (value !== undefined) throw new UsageError(`${flag} applies when dumps are read, not with --db`, "give it to newsctl index instead");
  }
}

function readInclude(pattern: string): InputInclude {
  try {
    return { pattern, matches: includeMatcher(pattern) };
  } catch (error) {
    if (!(error instanceof GlobSyntaxError)) throw error;
    throw new UsageError(`--include ${JSON.stringify(pattern)}: ${error.message}`);
  }
}

function readTimeZone(name: string): TimeZone {
  try {
    return resolveTimeZone(name);
  } catch {
    throw new UsageError(`--tz: unknown time zone "${name}"`, "use an IANA name such as Asia/Riyadh, Africa/Cairo or UTC");
  }
}

function readFilter(raw: RawOptions): RecordFilter {
  const { since, until } = readDateBounds(raw.since, raw.until, { since: "--since", until: "--until" });
  const ids = raw.id?.map((id) => readArticleNumber("--id", id));
  return { since, until, agencies: raw.agency === undefined ? undefined : readAgencies(raw.agency, "--agency"), ids };
}

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

/** --threshold, checked; the default when it is not given. */
export function readThreshold(raw: RawOptions): number {
  const threshold = raw.threshold === undefined ? DEFAULT_THRESHOLD : Number(raw.threshold);
  if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`--threshold: "${raw.threshold}" is not a share above 0 and at most 1`, "e.g. --threshold 0.8");
  return threshold;
}

/** --index, the name of an Elasticsearch index, checked; the default when not given. */
export function readElasticIndexName(raw: RawOptions): string {
  const name = raw.index ?? DEFAULT_ELASTIC_INDEX;
  const problem = elasticIndexNameProblem(name);
  if (problem !== undefined) throw new UsageError(`--index "${name}": ${problem}`);
  return name;
}

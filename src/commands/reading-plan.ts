// The reading half of a command's plan: PATH arguments, --include, --jobs, --tz, the filters,
// --limit, --quiet and --strict read once into typed values, patterns compiled, so that a value
// that cannot be used is a usage error before anything is read, never a failure half-way.

import { availableParallelism } from "node:os";
import { readAgencies, readArticleNumber, readDateBounds, readWholeNumber } from "../app/request-readers.js";
import type { RecordFilter } from "../core/filters.js";
import { GlobSyntaxError, includeMatcher } from "../core/glob.js";
import { resolveTimeZone, type TimeZone } from "../core/time-zone.js";
import { UsageError } from "../errors.js";
import type { InputInclude } from "../io/inputs.js";
import { DEFAULT_INCLUDE, type RawOptions } from "./option-table.js";
import type { ReadingOptions } from "./read-records.js";

/** What a plan may know of the process: which of its streams are terminals. */
export interface PlanEnvironment {
  isStdinTerminal: boolean;
  isStdoutTerminal: boolean;
  isStderrTerminal: boolean;
}

export interface ReadingPlanChoices {
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

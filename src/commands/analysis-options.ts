// The options the four analyses (trend, kwic, words, collocates) read alike: the reading (dumps
// or --db), the output format (a table on a terminal, NDJSON into a pipe, or the one named) and
// how sheets are written, the queries given as arguments or with -e, and whole numbers.

import { readQuery } from "../app/request-readers.js";
import type { AnalysisSource } from "../app/analysis-source.js";
import type { ParsedQuery } from "../core/query.js";
import { UsageError } from "../errors.js";
import type { AnalysisPrinting } from "../output/analysis-output.js";
import type { CommandInput } from "./command-definition.js";
import { type PlanEnvironment, planReading, printedFormat, readSheetOptions } from "./option-values.js";
import type { RawOptions } from "./option-table.js";

const QUERY_HINT = 'see "newsctl search --help" for the query language';

/** Where an analysis reads, from its paths and options. */
export function planSource(paths: readonly string[], raw: RawOptions, env: PlanEnvironment): AnalysisSource {
  return { db: raw.db, reading: planReading(paths, raw, env, { isShowingProgress: true, isDbASource: true }) };
}

export function planPrinting(raw: RawOptions, env: PlanEnvironment): AnalysisPrinting {
  const format = printedFormat(raw, env.isStdoutTerminal);
  return { format, sheet: readSheetOptions(raw, format) };
}

/** A query typed as an argument or with -e, parsed (a syntax error shows where). */
export function planQuery(text: string): { text: string; query: ParsedQuery } {
  return { text, query: readQuery(text, QUERY_HINT, true) };
}

/** The queries and paths of a command whose query may come first or with -e (trend). */
export function splitQueriesAndPaths(input: CommandInput): { queries: string[]; paths: string[] } {
  const given = [...input.args, ...input.paths];
  const flagged = input.raw.query;
  if (flagged !== undefined && flagged.length > 0) return { queries: [...flagged], paths: given };
  if (given.length === 0) throw new UsageError("no query: give one first, or with -e QUERY", 'e.g. newsctl trend داعش --db news.db');
  return { queries: [given[0]!], paths: given.slice(1) };
}

// The plan of a search: the query parsed (a syntax error is a usage error with a caret under
// the problem), how words match, the order, the reading, and what is printed, decided once.

import { readQuery } from "../app/request-readers.js";
import { RECORD_FIELDS } from "../core/record.js";
import type { SearchOrder } from "../core/search-ranking.js";
import type { QueriedSearch } from "../core/search-request.js";
import { UsageError } from "../errors.js";
import type { WriterOptions } from "../output/record-writers.js";
import type { CommandInput } from "./command-definition.js";
import { type PrintedFormat, printedFormat, readFields, readSheetOptions } from "./output-plan.js";
import { type PlanEnvironment, planReading } from "./reading-plan.js";
import type { ReadingOptions } from "./read-records.js";

export interface SearchPlan {
  /** The search itself, its filters and limit those of the reading. */
  request: QueriedSearch;
  reading: ReadingOptions;
  /** The index to search instead of the dumps. */
  db: string | undefined;
  /** --count: only the number of matching articles is printed. */
  isCounting: boolean;
  format: PrintedFormat;
  writing: WriterOptions;
}

export function planSearch({ args, paths, raw }: CommandInput, env: PlanEnvironment): SearchPlan {
  const query = readQuery(args[0]!, 'see "newsctl search --help" for the query language', true);
  const reading = planReading(paths, raw, env, { isShowingProgress: true, isDbASource: true });
  const format = printedFormat(raw, env.isStdoutTerminal);
  const isCounting = raw.count === true;
  if (isCounting) {
    for (const [flag, value] of [["--fields", raw.fields], ["--sort", raw.sort], ["--csv-raw", raw.csvRaw], ["--bom", raw.bom]] as const) {
      if (value !== undefined) throw new UsageError(`${flag} shapes printed results; --count prints only their number`, `leave out ${flag} or --count`);
    }
  }
  return {
    request: { query, matchOptions: { isStemming: raw.exact !== true }, filter: reading.filter, order: (raw.sort ?? "relevance") as SearchOrder, limit: reading.limit },
    reading,
    db: raw.db,
    isCounting,
    format,
    writing: { sheet: readSheetOptions(raw, format), fields: readFields(raw, [...RECORD_FIELDS, "score"]), extraColumns: ["score"] },
  };
}

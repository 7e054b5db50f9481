// `newsctl search QUERY [PATH...]`: the articles that match an Arabic-aware query, best first,
// from the index (--db) or the dumps; or, with --count, how many there are.

import type { ReadingOptions } from "../app/read-dumps.js";
import { readQuery } from "../app/request-readers.js";
import { countInIndex, findMatches } from "../app/search.js";
import { RECORD_FIELDS } from "../core/record.js";
import type { SearchOrder } from "../core/search-ranking.js";
import type { QueriedSearch } from "../core/search-request.js";
import { EXIT_NOTHING_FOUND, EXIT_SUCCESS, UsageError } from "../errors.js";
import type { WriterOptions } from "../output/record-writers.js";
import type { PrintedFormat } from "../output/write-records.js";
import type { CommandDefinition, CommandInput } from "./command-definition.js";
import { type PlanEnvironment, planReading, printedFormat, readFields, readSheetOptions } from "./option-values.js";

interface SearchPlan {
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

function planSearch({ args, paths, options }: CommandInput, env: PlanEnvironment): SearchPlan {
  const query = readQuery(args[0]!, 'see "newsctl search --help" for the query language', true);
  const reading = planReading(paths, options, env, { isShowingProgress: true, isDbASource: true });
  const format = printedFormat(options, env.isStdoutTerminal);
  const isCounting = options.count === true;
  if (isCounting) {
    for (const [flag, value] of [["--fields", options.fields], ["--sort", options.sort], ["--csv-raw", options.csvRaw], ["--bom", options.bom]] as const) {
      if (value !== undefined) throw new UsageError(`${flag} shapes printed results; --count prints only their number`, `leave out ${flag} or --count`);
    }
  }
  return {
    request: { query, matchOptions: { isStemming: options.exact !== true }, filter: reading.filter, order: (options.sort as SearchOrder | undefined) ?? "relevance", limit: reading.limit },
    reading,
    db: options.db,
    isCounting,
    format,
    writing: { sheet: readSheetOptions(options, format), fields: readFields(options, [...RECORD_FIELDS, "score"]), extraColumns: ["score"] },
  };
}

export const searchCommand: CommandDefinition<SearchPlan> = {
  name: "search",
  helpAfter: `
Words match whatever their harakat, hamza seat, alef or teh marbuta form, digit set or
tatweel, and (unless --exact) their light stem: الجيش finds والجيش and للجيش. Fields:
headline: subheadline: lead: body: agency:. Exit status 1 when nothing matches.

Examples:
  newsctl search احياء seeds
  newsctl search '"دير الزور" -دمشق' dumps --since 2021-01-01
  newsctl search 'headline:داعش OR headline:تنظيم' dumps --json | jq -r .headline
  newsctl search 'اقتصاد*' dumps --count`,

  plan: planSearch,

  async run(plan, context) {
    if (plan.isCounting && plan.db !== undefined) {
      const count = await countInIndex(plan.request, plan.db, context.env);
      context.env.stdout.write(`${count}\n`);
      return count > 0 ? EXIT_SUCCESS : EXIT_NOTHING_FOUND;
    }
    const found = await findMatches(plan.request, plan, plan.isCounting, context);
    try {
      const [{ makeStdoutSink }, { printSearch }] = await Promise.all([import("../output/sink.js"), import("../output/search-output.js")]);
      await printSearch(found, plan, makeStdoutSink(context.env), context.env);
    } finally {
      found.store?.close();
    }
    if (found.readingCode !== EXIT_SUCCESS) return found.readingCode;
    return found.matchCount > 0 ? EXIT_SUCCESS : EXIT_NOTHING_FOUND;
  },
};

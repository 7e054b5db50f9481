// `newsctl trend QUERY [PATH...]` (or -e QUERY, repeatable): matches, all articles and their
// share per period (and agency), from the index or the dumps; bars on a terminal.

import { findTrend, type TrendRequest } from "../app/trend.js";
import { EXIT_NOTHING_FOUND, EXIT_SUCCESS } from "../errors.js";
import type { CommandDefinition } from "./command-definition.js";
import { type AnalysisPlan, planPrinting, planQuery, planSource, splitQueriesAndPaths } from "./option-values.js";

type TrendPlan = AnalysisPlan<TrendRequest>;

export const trendCommand: CommandDefinition<TrendPlan> = {
  name: "trend",
  helpAfter: `
One row per period and query (and agency, with --split agency): period, query, [agency,]
matches, total, share. matches counts the articles the query matches, as search does; total
counts every article of the period under the same --agency, --since and --until; share is
matches / total (0 when total is 0). Periods are YYYY-MM-DD, ISO weeks YYYY-Www, YYYY-MM or
YYYY, from the day as written in the dump; every period from the first article's to the last
is listed. Articles without a date are counted on stderr. Exit status 1 when nothing matches.

Examples:
  newsctl trend داعش --db news.db --by week
  newsctl trend -e داعش -e الحوثي --db news.db --by month --csv
  newsctl trend 'headline:داعش' dumps --by day --split agency`,

  plan(input, env) {
    const { queries, paths } = splitQueriesAndPaths(input);
    const { options } = input;
    const source = planSource(paths, options, env);
    return {
      request: {
        queries: queries.map(planQuery),
        matchOptions: { isStemming: options.exact !== true },
        filter: source.reading.filter,
        unit: options.by,
        isSplitByAgency: options.split === "agency",
      },
      source,
      printing: planPrinting(options, env),
    };
  },

  async run(plan, context) {
    const { series, readingCode } = await findTrend(plan.request, plan.source, context);
    const { printTrend } = await import("../output/trend-output.js");
    await printTrend(series, plan.printing, plan.request.isSplitByAgency, context.env);
    if (readingCode !== EXIT_SUCCESS) return readingCode;
    return series.matchCounts.some((count) => count > 0) ? EXIT_SUCCESS : EXIT_NOTHING_FOUND;
  },
};

// `newsctl words [QUERY] [PATH...]`: the collection's frequency list, or the words distinctive
// of the articles a query matches, from the index or the dumps.

import { findWords, type WordsRequest } from "../app/words.js";
import { EXIT_NOTHING_FOUND, EXIT_SUCCESS, UsageError } from "../errors.js";
import { defaultStopWords } from "../core/stop-words.js";
import { ANALYSIS_DEFAULTS } from "../app/analysis-requests.js";
import type { CommandDefinition, CommandInput } from "./command-definition.js";
import { type AnalysisPlan, planPrinting, planQuery, planSource } from "./option-values.js";


type WordsPlan = AnalysisPlan<WordsRequest>;

/** The query and the paths: -e QUERY; with --db, the argument; reading dumps, the first of two or more. */
function queryAndPaths({ args, paths, options }: CommandInput): { query: string | undefined; paths: string[] } {
  const given = [...args, ...paths];
  if (options.query !== undefined && options.query.length > 0) {
    if (options.query.length > 1) throw new UsageError("words takes one query", "join words in one query: -e 'داعش التنظيم'");
    return { query: options.query[0], paths: given };
  }
  if (options.db !== undefined || given.length >= 2) return { query: given[0], paths: given.slice(1) };
  return { query: undefined, paths: given };
}

export const wordsCommand: CommandDefinition<WordsPlan> = {
  name: "words",
  helpAfter: `
Counts the words of headline, subheadline, lead and body, grouped by light stem (--exact: by
folded form): word (the group's most frequent spelling as written), key, count (occurrences),
articles. Without a query: the collection's frequency list, most frequent first. With a query:
the words of the matching articles, with g2 (Dunning's log-likelihood) and log_ratio (Hardie's
log ratio) against the rest of the collection, ranked by g2 among the words with log_ratio > 0.
is_query marks the query's own words. Stop words (docs/analysis.md) are left out of the list
but counted in the totals. The query is the argument with --db; reading dumps, the first of two
or more arguments, or -e QUERY. Exit status 1 when the query matches nothing.

Examples:
  newsctl words --db news.db --top 100
  newsctl words داعش --db news.db --top 50
  newsctl words -e داعش dumps --csv`,

  plan(input, env) {
    const { options } = input;
    const { query, paths } = queryAndPaths(input);
    const source = planSource(paths, options, env);
    return {
      request: {
        query: query === undefined ? null : planQuery(query).query,
        matchOptions: { isStemming: options.exact !== true },
        filter: source.reading.filter,
        isExact: options.exact === true,
        stopWords: options.stopWords ?? [...defaultStopWords()],
        top: options.top ?? ANALYSIS_DEFAULTS.top,
        minCount: options.minCount ?? ANALYSIS_DEFAULTS.minCount,
      },
      source,
      printing: planPrinting(options, env),
    };
  },

  async run(plan, context) {
    const answer = await findWords(plan.request, plan.source, context);
    const { printWords } = await import("../output/word-output.js");
    await printWords(answer.rows, plan.request.query !== null, plan.printing, context.env);
    if (answer.readingCode !== EXIT_SUCCESS) return answer.readingCode;
    return plan.request.query !== null && answer.matchCount === 0 ? EXIT_NOTHING_FOUND : EXIT_SUCCESS;
  },
};

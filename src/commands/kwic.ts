// `newsctl kwic QUERY [PATH...]`: every occurrence of the query's words in the matching
// articles, with the words around it, from the index or the dumps.

import { findConcordance, type KwicRequest } from "../app/kwic.js";
import type { ConcordanceOrder } from "../core/concordance.js";
import { EXIT_NOTHING_FOUND, EXIT_SUCCESS } from "../errors.js";
import { toTextView } from "../output/environment.js";
import { makeStdoutSink } from "../output/sink.js";
import { ANALYSIS_DEFAULTS } from "../app/analysis-requests.js";
import type { CommandDefinition } from "./command-definition.js";
import { type AnalysisPlan, planPrinting, planQuery, planSource } from "./option-values.js";


type KwicPlan = AnalysisPlan<KwicRequest>;

export const kwicCommand: CommandDefinition<KwicPlan> = {
  name: "kwic",
  helpAfter: `
One line per occurrence of a matched word in headline, subheadline, lead and body (not one per
article): id, file, line, field, published, agency, left, match, right. match is the word as
written, harakat and all; left and right are up to --width words, cut at the field's ends.
--sort left orders by the words before the match read outward from it, --sort right by the
words after it, both folded; --sort date puts the newest first. In the order of the files
(the default) lines are printed as they are found. Exit status 1 when nothing matches.

Examples:
  newsctl kwic 'خادم الحرمين' --db news.db --sort right --limit 50
  newsctl kwic داعش dumps --csv > داعش.csv`,

  plan({ args, paths, options }, env) {
    const source = planSource(paths, options, env);
    const { query } = planQuery(args[0]!);
    return {
      request: {
        query,
        matchOptions: { isStemming: options.exact !== true },
        filter: source.reading.filter,
        width: options.width ?? ANALYSIS_DEFAULTS.width,
        order: (options.sort as ConcordanceOrder | undefined) ?? "position",
        limit: source.reading.limit,
      },
      source: { ...source, reading: { ...source.reading, limit: undefined } },
      printing: planPrinting(options, env),
    };
  },

  async run(plan, context) {
    const answer = await findConcordance(plan.request, plan.source, context);
    const { printConcordance } = await import("../output/kwic-output.js");
    await printConcordance(answer.lines, plan.printing, makeStdoutSink(context.env), toTextView(context.env));
    const readingCode = answer.readingCode();
    if (readingCode !== EXIT_SUCCESS) return readingCode;
    return answer.count() > 0 ? EXIT_SUCCESS : EXIT_NOTHING_FOUND;
  },
};

// `newsctl collocates WORD [PATH...]`: the words found within a window of a word, ranked by
// logDice, MI or how often they are near it, from the index or the dumps.

import { readSingleWord } from "../app/analysis-requests.js";
import { type CollocatesRequest, findCollocates } from "../app/collocates.js";
import { EXIT_NOTHING_FOUND, EXIT_SUCCESS } from "../errors.js";
import { defaultStopWords } from "../core/stop-words.js";
import { ANALYSIS_DEFAULTS } from "../app/analysis-requests.js";
import type { CommandDefinition } from "./command-definition.js";
import { type AnalysisPlan, planPrinting, planSource } from "./option-values.js";


type CollocatesPlan = AnalysisPlan<CollocatesRequest>;

export const collocatesCommand: CommandDefinition<CollocatesPlan> = {
  name: "collocates",
  helpAfter: `
Words within --window tokens on either side of each occurrence of WORD (light stem unless
--exact), never across a field's end; stop words take their places but are not listed.
together counts (WORD, word) pairs within the window; count is the word's occurrences in all
the articles; logdice = 14 + log2(2·together / (count(WORD) + count)); mi = log2(together·N /
(count(WORD)·count·2·window)), N every token. Exit status 1 when WORD does not occur.

Examples:
  newsctl collocates خادم --db news.db --window 5 --top 30
  newsctl collocates داعش dumps --measure mi --min-together 5 --csv`,

  plan({ args, paths, options }, env) {
    const source = planSource(paths, options, env);
    return {
      request: {
        word: readSingleWord("WORD", args[0]!),
        isExact: options.exact === true,
        filter: source.reading.filter,
        window: options.window ?? ANALYSIS_DEFAULTS.window,
        measure: options.measure ?? "logdice",
        minTogether: options.minTogether ?? ANALYSIS_DEFAULTS.minTogether,
        top: options.top ?? ANALYSIS_DEFAULTS.top,
        stopWords: options.stopWords ?? [...defaultStopWords()],
      },
      source,
      printing: planPrinting(options, env),
    };
  },

  async run(plan, context) {
    const answer = await findCollocates(plan.request, plan.source, context);
    const { printCollocates } = await import("../output/word-output.js");
    await printCollocates(answer.rows, plan.request.measure, plan.printing, context.env);
    if (answer.readingCode !== EXIT_SUCCESS) return answer.readingCode;
    return answer.occurrences > 0 ? EXIT_SUCCESS : EXIT_NOTHING_FOUND;
  },
};

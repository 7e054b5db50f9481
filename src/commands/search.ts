// `newsctl search QUERY [PATH...]`: the articles that match an Arabic-aware query, best first.
// The index or the dumps find the hits (search-index.ts, search-dumps.ts), loaded only when the
// run uses them, so that `search --db --count` starts nearly as fast as Node itself.

import { EXIT_NOTHING_FOUND, EXIT_SUCCESS } from "../errors.js";
import { writeError } from "../output/messages.js";
import type { CommandDefinition } from "./command-definition.js";
import { StoreTrouble, type SearchFound } from "./search-found.js";
import { planSearch, type SearchPlan } from "./search-plan.js";

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
      // The index's tables hold exactly what matching looks at: count without reading.
      const { countInIndex } = await import("./search-index.js");
      const count = await countInIndex(plan, plan.db, context.env.stderr);
      context.env.stdout.write(`${count}\n`);
      return count > 0 ? EXIT_SUCCESS : EXIT_NOTHING_FOUND;
    }
    // The matches of a search that prints them all wait in a store to be ranked (in memory up
    // to a budget, then in a temporary file).
    const trouble = new StoreTrouble();
    let found: SearchFound | undefined;
    try {
      if (plan.db !== undefined) {
        const { findInIndex } = await import("./search-index.js");
        found = await findInIndex(plan, plan.db, trouble, context.env.stderr);
      } else {
        const { findInDumps } = await import("./search-dumps.js");
        found = await findInDumps(plan, context, trouble);
      }
      found.store?.finishWriting();
      if (trouble.error !== undefined && !plan.reading.isQuiet) writeError(context.env, `${trouble.error.message}; the matches are held in memory instead`, trouble.error.hint);
      const [{ makeStdoutSink }, { printSearch }] = await Promise.all([import("../output/sink.js"), import("./search-output.js")]);
      await printSearch(plan, found, makeStdoutSink(context.env), context);
    } finally {
      found?.store?.close();
    }
    if (found.readingCode !== EXIT_SUCCESS) return found.readingCode;
    return found.matchCount > 0 ? EXIT_SUCCESS : EXIT_NOTHING_FOUND;
  },
};

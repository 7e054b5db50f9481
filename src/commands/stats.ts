// `newsctl stats [PATH...|--db FILE]`: how many articles, from whom, when, which numbers are
// missing or used twice, and which warnings the articles carry; for people, or --json.

import { collectionStats } from "../app/collection-stats.js";
import type { ReadingOptions } from "../app/read-dumps.js";
import { toTextView } from "../output/environment.js";
import { formatSummary } from "../output/summary-view.js";
import { writeDocument } from "../output/write-document.js";
import type { CommandDefinition } from "./command-definition.js";
import { chosenFormat, planReading } from "./option-values.js";

interface StatsPlan {
  reading: ReadingOptions;
  db: string | undefined;
  isJson: boolean;
  /** The counts per agency and per day drawn as bars (for people at a terminal). */
  hasBars: boolean;
}

export const statsCommand: CommandDefinition<StatsPlan> = {
  name: "stats",
  helpAfter: `
Missing numbers are those between an agency's lowest and highest number that no article has;
a number used twice counts when the articles' bodies differ. Warnings count the articles that
carry each code (they are counted, not printed).

Examples:
  newsctl stats dumps
  newsctl stats --db news.db --since 2021-01-01
  newsctl stats dumps --json | jq '.byAgency[] | {agency, articles}'`,

  plan({ paths, options }, env) {
    const reading = planReading(paths, options, env, { isShowingProgress: true, isDbASource: true });
    const isJson = chosenFormat(options) === "json";
    return { reading, db: options.db, isJson, hasBars: env.isStdoutTerminal && !isJson };
  },

  async run({ reading, db, isJson, hasBars }, context) {
    const { summary, exitCode } = await collectionStats(reading, db, context);
    await writeDocument(context.env, summary, { isJson, indent: 2 }, (shown) => [formatSummary(shown, { ...toTextView(context.env), hasBars })]);
    return exitCode;
  },
};

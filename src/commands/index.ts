// `newsctl index [PATH...] --db FILE`: builds or updates the embedded index. A rerun reads only
// files whose size or time changed (and replaces their articles only when their bytes did),
// and drops the articles of files that are gone.

import { indexDumps } from "../app/index-dumps.js";
import type { ReadingOptions } from "../app/read-dumps.js";
import { UsageError } from "../errors.js";
import type { CommandDefinition } from "./command-definition.js";
import { planReading } from "./option-values.js";

interface IndexPlan {
  reading: ReadingOptions;
  db: string;
}

export const indexCommand: CommandDefinition<IndexPlan> = {
  name: "index",
  helpAfter: `
A rerun reads only the files that changed and drops the articles of files that are gone. An
article number met twice keeps the newer article (published later) and says so.

Examples:
  newsctl index dumps --db news.db
  newsctl search 'الجيش' --db news.db`,

  plan({ paths, options }, env) {
    if (paths.length === 0 || paths.includes("-")) throw new UsageError("index reads files: name files, directories or glob patterns", "e.g. newsctl index dumps --db news.db");
    // commander has made sure --db is given.
    return { reading: planReading(paths, options, env, { isShowingProgress: true }), db: options.db! };
  },

  async run({ reading, db }, context) {
    return indexDumps(reading, db, context);
  },
};

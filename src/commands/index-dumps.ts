// `newsctl index [PATH...] --db FILE`: builds or updates the embedded index. A rerun reads only
// files whose size or time changed (and replaces their articles only when their bytes did),
// and drops the articles of files that are gone.

import type { IndexTexts } from "../core/fts-terms.js";
import type { ArticleRecord } from "../core/record.js";
import { UsageError } from "../errors.js";
import { parseSources } from "../io/parse-sources.js";
import { formatIndexSummary, PROGRAM } from "../output/messages.js";
import type { CommandDefinition } from "./command-definition.js";
import { IndexBatcher, removeVanishedFiles } from "./index-batches.js";
import { planReading } from "./reading-plan.js";
import type { ReadingOptions } from "./read-records.js";
import { ReadingTally } from "./reading-tally.js";

export interface IndexPlan {
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

  plan({ paths, raw }, env) {
    if (paths.length === 0 || paths.includes("-")) throw new UsageError("index reads files: name files, directories or glob patterns", "e.g. newsctl index dumps --db news.db");
    // commander has made sure --db is given.
    return { reading: planReading(paths, raw, env, { isShowingProgress: true }), db: raw.db! };
  },

  async run({ reading, db }, context) {
    const { ArticleIndex } = await import("../io/article-index.js");
    const index = ArticleIndex.open(db, true);
    const tally = new ReadingTally(reading, context.env);
    const batcher = new IndexBatcher(index, (problem) => tally.report(problem));
    try {
      const parsing = parseSources(batcher.changedSources(reading.paths, reading.include), { jobs: reading.jobs, timeZone: reading.timeZone, stdin: context.stdin, isForIndex: true });
      for await (const event of parsing) {
        if (event.kind === "unreadable") {
          tally.reportUnreadable(event.error);
          batcher.dropFile();
        } else if (event.kind === "items") {
          const records: ArticleRecord[] = [];
          const terms: IndexTexts[] = [];
          event.items.forEach((item, position) => {
            for (const problem of item.problems) tally.report(problem);
            if (item.record === null) return;
            records.push(item.record);
            terms.push(event.terms![position]!);
          });
          batcher.addRecords(event.source, records, terms);
        } else {
          batcher.endFile(event.source, event.hash!);
          tally.showProgress({ files: batcher.changedFiles + batcher.unchangedFiles, articles: batcher.articlesRead, bytes: batcher.bytesSeen });
        }
      }
      batcher.flush();
      tally.endProgress();
      const removed = await removeVanishedFiles(index);
      if (!reading.isQuiet) context.env.stderr.write(`${PROGRAM}: ${formatIndexSummary(index.path, batcher, removed, index.articleCount())}\n`);
    } finally {
      batcher.dropFile();
      index.close();
    }
    return tally.exitCode();
  },
};

// `newsctl index`'s work: the dumps that changed since they were indexed parsed and written into
// the index in batches (index-batches.ts), the articles of files that are gone dropped, problems
// reported as they are met; a summary line at the end unless --quiet.

import type { IndexTexts } from "../core/fts-terms.js";
import type { ArticleRecord } from "../core/record.js";
import { parseSources } from "../io/parse-sources.js";
import { formatIndexSummary, PROGRAM } from "../output/messages.js";
import { IndexBatcher, removeVanishedFiles } from "./index-batches.js";
import type { ReadingContext, ReadingOptions } from "./read-dumps.js";
import { ReadingTally } from "./reading-tally.js";

/** Builds or updates the index in the file `db` from the dumps; resolves to the exit status the reading earned. */
export async function indexDumps(reading: ReadingOptions, db: string, context: ReadingContext): Promise<number> {
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
    index.foldWordChanges();
    if (!reading.isQuiet) context.env.stderr.write(`${PROGRAM}: ${formatIndexSummary(index.path, batcher, removed, index.articleCount())}\n`);
  } finally {
    batcher.dropFile();
    index.close();
  }
  return tally.exitCode();
}

// Where an analysis (trend, kwic, words, collocates) reads its articles: the index named by
// --db, opened for reading and closed when done, or the dumps the reading names. Each analysis
// answers from an open index in one snapshot (what a page of `serve` calls, with the index it
// holds open) or from the dumps, by the same counting.

import type { ArticleIndex } from "../io/article-index.js";
import { openIndexForReading } from "./open-index.js";
import type { ReadingContext, ReadingOptions } from "./read-dumps.js";

export interface AnalysisSource {
  /** The index to read instead of the dumps. */
  db: string | undefined;
  reading: ReadingOptions;
}

/** Runs `work` on the index named by `db` in one snapshot of it, and closes it. */
export async function inIndexSnapshot<T>(db: string, context: ReadingContext, work: (index: ArticleIndex) => T): Promise<T> {
  const index = await openIndexForReading(db, context.env.stderr);
  try {
    return index.readConsistently(() => work(index));
  } finally {
    index.close();
  }
}

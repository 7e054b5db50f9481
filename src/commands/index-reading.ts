// Reading from the index instead of files (`--db FILE` on search, export and show): the same
// records, filters and warnings on the way out, without reading a dump.

import { UsageError } from "../errors.js";
import type { ArticleIndex } from "../io/article-index.js";

/**
 * Opens the index named by --db for reading. PATH arguments, and --tz (the index holds the times
 * as they were indexed), go with reading dumps, not with --db.
 */
export async function openIndexForReading(db: string, paths: readonly string[], options: { tz?: string | undefined }): Promise<ArticleIndex> {
  if (paths.length > 0) throw new UsageError(`--db reads the index ${db}; PATH arguments are for reading dumps`, "give one or the other");
  if (options.tz !== undefined) throw new UsageError("--tz applies when dumps are read; the index holds the times as they were indexed", "index with --tz, or search the dumps with it");
  const { ArticleIndex } = await import("../io/article-index.js");
  return ArticleIndex.open(db, false);
}

// Reading from the index instead of files (`--db FILE` on search, export, show and stats): the
// same records, filters and warnings on the way out, without reading a dump. The index's module
// (and SQLite) loads only when a command reads it.

import type { ArticleIndex } from "../io/article-index.js";

/** Opens the index named by --db for reading (the plan has refused options that read dumps). */
export async function openIndexForReading(db: string): Promise<ArticleIndex> {
  const { ArticleIndex } = await import("../io/article-index.js");
  return ArticleIndex.open(db, false);
}

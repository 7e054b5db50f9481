// Reading from the index instead of files (`--db FILE` on search, export, show and stats): the
// same records, filters and warnings on the way out, without reading a dump. The index's module
// (and SQLite) loads only when a command reads it; a command that only reads records in the
// order of files and lines (kwic, show, export) loads only the index's reading side.

import type { ArticleIndex } from "../io/article-index.js";
import type { IndexReading } from "../io/index-reading.js";
import { PROGRAM } from "../output/messages.js";
import { toTerminalLine } from "../output/terminal-text.js";

/**
 * Opens the index named by --db for reading only (the plan has refused options that read
 * dumps); says once on `stderr` when it is read as an immutable file.
 */
export async function openIndexForReading(db: string, stderr: NodeJS.WritableStream): Promise<ArticleIndex> {
  const { ArticleIndex } = await import("../io/article-index.js");
  return withReadingNote(ArticleIndex.openReadOnly(db), stderr);
}

/** As openIndexForReading, for reading records in place order only: without search, counts, words or writing. */
export async function openRecordsForReading(db: string, stderr: NodeJS.WritableStream): Promise<IndexReading> {
  const { IndexReading } = await import("../io/index-reading.js");
  return withReadingNote(IndexReading.openReadOnly(db), stderr);
}

function withReadingNote<Index extends IndexReading>(index: Index, stderr: NodeJS.WritableStream): Index {
  const note = index.readingNote();
  if (note !== undefined) stderr.write(`${PROGRAM}: ${toTerminalLine(note)}\n`);
  return index;
}

// A search, answered by the index (--db) or by reading the dumps (search-dumps.ts): the matches
// in the order to print, or only how many there are. The index counts from its tables without
// reading an article, and ranks through io/index-ranked-search.ts, which reads only the articles
// that can be among the first when there is a --limit. The index's and the dumps' modules load
// only when a search uses them, so that `search --db --count` starts nearly as fast as Node.

import type { QueriedSearch } from "../core/search-request.js";
import { EXIT_SUCCESS } from "../errors.js";
import type { OutputEnvironment } from "../output/environment.js";
import { writeError } from "../output/messages.js";
import { openIndexForReading } from "./open-index.js";
import type { ReadingContext, ReadingOptions } from "./read-dumps.js";
import { type SearchFound, StoreTrouble } from "./search-found.js";

/** Where a search looks: the index named by `db`, or else the dumps the reading names. */
interface SearchSource {
  db: string | undefined;
  reading: ReadingOptions;
}

/** How many articles match, from the index's tables alone (they hold exactly what matching looks at). */
export async function countInIndex(request: QueriedSearch, db: string, env: OutputEnvironment): Promise<number> {
  const index = await openIndexForReading(db, env.stderr);
  try {
    return index.countMatches(request.query, request.matchOptions, request.filter);
  } finally {
    index.close();
  }
}

/**
 * The matches of a search. The matches of a search that prints them all wait in a store to be
 * ranked (in memory up to a budget, then in a temporary file); close the answer's store once its
 * hits have been read. Trouble with the temporary file is said once, unless --quiet.
 */
export async function findMatches(request: QueriedSearch, source: SearchSource, isCounting: boolean, context: ReadingContext): Promise<SearchFound> {
  const trouble = new StoreTrouble();
  let found: SearchFound | undefined;
  try {
    if (source.db !== undefined) {
      found = await findInIndex(request, source.db, trouble, context.env.stderr);
    } else {
      const { findInDumps } = await import("./search-dumps.js");
      found = await findInDumps(request, source.reading, isCounting, context, trouble);
    }
    found.store?.finishWriting();
  } catch (error) {
    found?.store?.close();
    throw error;
  }
  if (trouble.error !== undefined && !source.reading.isQuiet) writeError(context.env, `${trouble.error.message}; the matches are held in memory instead`, trouble.error.hint);
  return found;
}

async function findInIndex(request: QueriedSearch, db: string, trouble: StoreTrouble, stderr: NodeJS.WritableStream): Promise<SearchFound> {
  const index = await openIndexForReading(db, stderr);
  try {
    const { searchOpenIndex } = await import("../io/index-ranked-search.js");
    return { ...searchOpenIndex(index, request, trouble.options), readingCode: EXIT_SUCCESS };
  } finally {
    index.close();
  }
}

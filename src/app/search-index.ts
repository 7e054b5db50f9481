// A search answered by the index (--db): counted from its tables without reading an article;
// otherwise ranked by io/index-ranked-search.ts, which reads only the articles that can be
// among the first when there is a --limit.

import type { QueriedSearch } from "../core/search-request.js";
import type { SearchFound, StoreTrouble } from "./search-found.js";
import { openIndexForReading } from "./open-index.js";
import { EXIT_SUCCESS } from "../errors.js";

/** How many articles match, from the index's tables alone. */
export async function countInIndex(request: QueriedSearch, db: string, stderr: NodeJS.WritableStream): Promise<number> {
  const index = await openIndexForReading(db, stderr);
  try {
    return index.countMatches(request.query, request.matchOptions, request.filter);
  } finally {
    index.close();
  }
}

export async function findInIndex(request: QueriedSearch, db: string, trouble: StoreTrouble, stderr: NodeJS.WritableStream): Promise<SearchFound> {
  const index = await openIndexForReading(db, stderr);
  try {
    const { searchOpenIndex } = await import("../io/index-ranked-search.js");
    return { ...searchOpenIndex(index, request, trouble.options), readingCode: EXIT_SUCCESS };
  } finally {
    index.close();
  }
}

// A ranked search answered by an open index: the first N matches by relevance or by date, read
// alone when the index can tell which they are, or else every match ranked as it is read and
// kept in a match store. `newsctl search --db` and `newsctl serve` both search through here, so
// the page and the command line give the same results in the same order.

import { type SearchHit, SearchRanking } from "../core/search-ranking.js";
import type { QueriedSearch } from "../core/search-request.js";
import type { ArticleIndex } from "./article-index.js";
import { hitsFromStore, MatchStore, type MatchStoreOptions } from "./match-store.js";

/** The hits in order, how many articles match in all, and the store holding the hits' records, if one was needed. */
export interface IndexSearchAnswer {
  hits: Iterable<SearchHit>;
  matchCount: number;
  store?: MatchStore | undefined;
}

/** Searches the index; close the answer's store once its hits have been read. */
export function searchOpenIndex(index: ArticleIndex, request: QueriedSearch, storeOptions: MatchStoreOptions = {}): IndexSearchAnswer {
  const { query, matchOptions, filter, order, limit } = request;
  // One snapshot for all of the search's questions.
  const { stats, best } = index.readConsistently(() => {
    const stats = index.searchStats(query, matchOptions, filter);
    if (limit === undefined) return { stats, best: null };
    const best = order === "date" ? index.newestMatches(query, matchOptions, filter, stats, limit) : index.bestMatches(query, matchOptions, filter, stats, limit);
    return { stats, best };
  });
  if (best !== null) {
    const ranking = new SearchRanking(query, matchOptions, stats);
    for (const record of best.records) ranking.add(record);
    return { hits: ranking.ranked(order).slice(0, limit), matchCount: best.matchCount };
  }
  const ranking = new SearchRanking(query, matchOptions, stats, "places");
  const store = new MatchStore(storeOptions);
  try {
    for (const record of index.candidates(query, matchOptions, filter)) {
      if (ranking.add(record)) store.put(record);
    }
  } catch (error) {
    store.close(); // a damaged index found half-way: its temporary file's descriptor goes too
    throw error;
  }
  return { hits: hitsFromStore(ranking.placesInOrder(order), store, limit), matchCount: ranking.matchCount, store };
}

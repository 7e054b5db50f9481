// A search answered by the index (--db): counted from its tables without reading an article;
// with --limit, only the articles that can be among the first are read; otherwise every match
// is ranked as it is read and waits in the store.

import type { SearchPlan } from "./search-plan.js";
import { hitsFromStore, type SearchFound, type StoreTrouble } from "./search-found.js";
import { openIndexForReading } from "./index-reading.js";
import { EXIT_SUCCESS } from "../errors.js";

/** How many articles match, from the index's tables alone. */
export async function countInIndex(plan: SearchPlan, db: string): Promise<number> {
  const index = await openIndexForReading(db);
  try {
    return index.countMatches(plan.query, plan.matchOptions, plan.reading.filter);
  } finally {
    index.close();
  }
}

export async function findInIndex(plan: SearchPlan, db: string, trouble: StoreTrouble): Promise<SearchFound> {
  const { query, matchOptions, reading, order } = plan;
  const limit = reading.limit;
  const index = await openIndexForReading(db);
  try {
    const [{ SearchRanking }, { MatchStore }] = await Promise.all([import("../core/search-ranking.js"), import("../io/match-store.js")]);
    // One snapshot for all of the search's questions.
    const { stats, best } = index.readConsistently(() => {
      const stats = index.searchStats(query, matchOptions, reading.filter);
      if (limit === undefined) return { stats, best: null };
      const best = order === "date" ? index.newestMatches(query, matchOptions, reading.filter, stats, limit) : index.bestMatches(query, matchOptions, reading.filter, stats, limit);
      return { stats, best };
    });
    if (best !== null) {
      const ranking = new SearchRanking(query, matchOptions, stats);
      for (const record of best.records) ranking.add(record);
      return { hits: ranking.ranked(order).slice(0, limit), matchCount: best.matchCount, readingCode: EXIT_SUCCESS };
    }
    const ranking = new SearchRanking(query, matchOptions, stats, "places");
    const store = new MatchStore(trouble.options);
    for (const record of index.candidates(query, matchOptions, reading.filter)) {
      if (ranking.add(record)) store.put(record);
    }
    return { hits: hitsFromStore(ranking.placesInOrder(order), store, limit), matchCount: ranking.matchCount, readingCode: EXIT_SUCCESS, store };
  } finally {
    index.close();
  }
}

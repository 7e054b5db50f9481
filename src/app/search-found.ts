// What a search found, however it searched (the index or the dumps): the hits in the order to
// print, how many articles matched, the exit status the reading earned, and the store that
// holds the matches' records while they wait to be printed.

import type { SearchHit } from "../core/search-ranking.js";
import type { NewsctlError } from "../errors.js";
import type { MatchStore, MatchStoreOptions } from "../io/match-store.js";

export interface SearchFound {
  hits: Iterable<SearchHit>;
  matchCount: number;
  readingCode: number;
  store?: MatchStore | undefined;
}

/** The store's options, and the trouble it met with its temporary file, said once at the end. */
export class StoreTrouble {
  error: NewsctlError | undefined;
  readonly options: MatchStoreOptions = { onFileTrouble: (error: NewsctlError) => (this.error = error) };
}

// One search, however it is asked (`newsctl search`, with or without --db, or a page of
// `newsctl serve`) and whatever answers it (the dumps or the index): the parsed query, how
// words match, the filters, the order and how many hits are wanted.

import type { RecordFilter } from "./filters.js";
import type { ParsedQuery } from "./query.js";
import type { MatchOptions } from "./search-match.js";
import type { SearchOrder } from "./search-ranking.js";

export interface SearchRequest {
  /** null: no query, the collection narrowed by the filters alone (a page of `serve`). */
  query: ParsedQuery | null;
  matchOptions: MatchOptions;
  filter: RecordFilter;
  order: SearchOrder;
  /** Only the first this many hits are wanted. */
  limit?: number | undefined;
}

/** A search with a query: what the dumps and the index can rank. */
export type QueriedSearch = SearchRequest & { query: ParsedQuery };

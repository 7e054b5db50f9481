// The collection as the server's thread sees it: answers are asked of the index workers and
// remembered, as promises, until another newsctl commits to the index (its data version, read
// on this thread's own read-only connection, tells): a page asked for again, by the next
// visitor or the back button, costs no search, and visitors who ask for the same page at once
// share one search.

import type { CollectionSummary } from "../core/collection-summary.js";
import type { RecordFilter } from "../core/filters.js";
import type { ArticleIndex } from "../io/article-index.js";
import { AnswerCache } from "./answer-cache.js";
import type { ArticleAnswer, CopyLink, SearchAnswer } from "./collection-reader.js";
import type { IndexPool } from "./index-pool.js";
import type { SearchRequest } from "./page-requests.js";

/** How long a page's answer may take before its search is stopped. */
export const PAGE_TIME_LIMIT_MS = 15_000;
/** The statistics read every article the filters select: they may take longer. */
export const STATS_TIME_LIMIT_MS = 120_000;

export class ServedCollection {
  private readonly cache = new AnswerCache();

  constructor(
    private readonly index: ArticleIndex,
    private readonly pool: IndexPool,
    private readonly pageTimeLimitMs = PAGE_TIME_LIMIT_MS,
  ) {}

  /** How many articles the index shows. */
  articleCount(): number {
    return this.remembered("count", () => this.index.articleCount());
  }

  search(request: SearchRequest): Promise<SearchAnswer> {
    const key = JSON.stringify(["search", request.text, request.matchOptions.isStemming, filterKey(request.filter), request.order, request.page, request.pageSize]);
    return this.remembered(key, () => this.pool.ask({ kind: "search", request }, this.pageTimeLimitMs));
  }

  article(file: string, line: number): Promise<ArticleAnswer | undefined> {
    return this.remembered(JSON.stringify(["article", file, line]), () => this.pool.ask({ kind: "article", file, line }, this.pageTimeLimitMs));
  }

  copies(file: string, line: number): Promise<CopyLink[] | undefined> {
    return this.remembered(JSON.stringify(["copies", file, line]), () => this.pool.ask({ kind: "copies", file, line }, this.pageTimeLimitMs));
  }

  stats(filter: RecordFilter): Promise<CollectionSummary> {
    return this.remembered(JSON.stringify(["stats", filterKey(filter)]), () => this.pool.ask({ kind: "stats", filter }, STATS_TIME_LIMIT_MS));
  }

  /** A page made from answers, remembered as they are (a page asked for again is not made again). */
  page(key: string, make: () => Promise<string>): Promise<string> {
    return this.remembered(JSON.stringify(["page", key]), make);
  }

  /** Every result of a search, a chunk at a time (see IndexPool.download). */
  download(request: SearchRequest, format: "csv" | "ndjson", write: (chunk: Uint8Array) => Promise<void>, isGone: () => boolean): Promise<void> {
    return this.pool.download({ kind: "download", request, format }, write, isGone);
  }

  /** An answer remembered until the index changes; a failed one is forgotten at once. */
  private remembered<T>(key: string, work: () => T): T {
    this.cache.keepIfUnchanged(this.index.dataVersion());
    const answer = this.cache.get(key, work);
    if (answer instanceof Promise) answer.catch(() => this.cache.forget(key, answer));
    return answer;
  }
}

function filterKey(filter: RecordFilter): unknown {
  return [filter.agencies ?? [], filter.since ?? null, filter.until ?? null, filter.ids ?? []];
}

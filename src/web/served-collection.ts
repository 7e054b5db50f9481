// The collection as the server's thread sees it: answers are asked of the index workers and
// remembered, as promises, until another newsctl commits to the index (its data version, read
// on this thread's own read-only connection, tells): a page asked for again, by the next
// visitor or the back button, costs no search, and visitors who ask for the same page at once
// share one search. A search is asked for by visitors: when every visitor waiting on it has
// gone (closed the connection) before it is answered, it is dropped from the queue or stopped.

import type { CollectionSummary } from "../core/collection-summary.js";
import type { RecordFilter } from "../core/filters.js";
import type { ArticleIndex } from "../io/article-index.js";
import { AnswerCache } from "./answer-cache.js";
import type { ArticleAnswer, CopyLink, SearchAnswer } from "../app/collection-reader.js";
import type { IndexPool, TimeLimit } from "./index-pool.js";
import type { AnalysisQuestion, ArticlePageQuestion, IndexAnswers } from "./index-questions.js";
import type { PageRequest } from "./page-requests.js";

/** Who asks: when the request arrived (time limits count from then) and whether they have gone. */
export interface Visitor {
  /** performance.now() when the request arrived. */
  arrivedAt: number;
  /** Aborted when the visitor's connection closes before the answer is sent. */
  hasLeft: AbortSignal;
}

/** An answer that visitors wait on: stopped when the last of them leaves before it comes. */
interface SharedAnswer<T> {
  answer: Promise<T>;
  isSettled: boolean;
  visitors: number;
  stop: AbortController;
}

/** How long a page's answer may take before its search is stopped. */
const PAGE_TIME_LIMIT_MS = 15_000;
/** The statistics read every article the filters select: they may take longer. */
const STATS_TIME_LIMIT_MS = 120_000;

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

  search(request: PageRequest, visitor: Visitor): Promise<SearchAnswer> {
    const key = JSON.stringify(["search", request.text, request.matchOptions.isStemming, filterKey(request.filter), request.order, request.page, request.pageSize]);
    return this.asked(key, visitor, (stop) => this.pool.ask({ kind: "search", request }, this.limitFor(visitor), stop));
  }

  article(file: string, line: number, visitor: Visitor): Promise<ArticleAnswer | undefined> {
    return this.asked(JSON.stringify(["article", file, line]), visitor, (stop) => this.pool.ask({ kind: "article", file, line }, this.limitFor(visitor), stop));
  }

  /** The article's page (HTML) or its JSON twin's text, made on an index worker; undefined when the index holds none there. */
  articlePage(question: ArticlePageQuestion, visitor: Visitor): Promise<string | undefined> {
    const { file, line, format, search, indexName, language } = question;
    // The JSON twin is the same in every language: one answer serves them all.
    const key = JSON.stringify(["article-page", file, line, format, search === null ? null : [search.text, search.matchOptions.isStemming, filterKey(search.filter), search.order, search.page, search.pageSize, search.agencies, search.since, search.until], indexName, format === "json" ? null : language]);
    return this.asked(key, visitor, (stop) => this.pool.ask(question, this.limitFor(visitor), stop));
  }

  copies(file: string, line: number, visitor: Visitor): Promise<CopyLink[] | undefined> {
    return this.asked(JSON.stringify(["copies", file, line]), visitor, (stop) => this.pool.ask({ kind: "copies", file, line }, this.limitFor(visitor), stop));
  }

  stats(filter: RecordFilter, visitor: Visitor): Promise<CollectionSummary> {
    return this.asked(JSON.stringify(["stats", filterKey(filter)]), visitor, (stop) => this.pool.ask({ kind: "stats", filter }, { startedAt: visitor.arrivedAt, ms: STATS_TIME_LIMIT_MS }, stop));
  }

  /** An analysis's answer (a trend, a page of a concordance, words, collocates), remembered as searches are. */
  analysis<Kind extends AnalysisQuestion["kind"]>(question: Extract<AnalysisQuestion, { kind: Kind }>, visitor: Visitor): Promise<IndexAnswers[Kind]> {
    // Word lists and collocates read every article the filters select: they may take as long as the statistics.
    const limit = question.kind === "words" || question.kind === "collocates" ? { startedAt: visitor.arrivedAt, ms: STATS_TIME_LIMIT_MS } : this.limitFor(visitor);
    return this.asked(JSON.stringify(["analysis", question]), visitor, (stop) => this.pool.ask<Kind>(question, limit, stop));
  }

  /** Every row of an analysis in CSV or NDJSON, a chunk at a time (see IndexPool.download). */
  analysisDownload(question: AnalysisQuestion, format: "csv" | "ndjson", write: (chunk: Uint8Array) => Promise<void>, isGone: () => boolean): Promise<void> {
    return this.pool.download({ kind: "analysis-download", question, format }, write, isGone);
  }

  /** A page made from answers, remembered as they are (a page asked for again is not made again). */
  page(key: string, make: () => Promise<string>): Promise<string> {
    return this.remembered(JSON.stringify(["page", key]), make);
  }

  /** Every result of a search, a chunk at a time (see IndexPool.download). */
  download(request: PageRequest, format: "csv" | "ndjson", write: (chunk: Uint8Array) => Promise<void>, isGone: () => boolean): Promise<void> {
    return this.pool.download({ kind: "download", request, format }, write, isGone);
  }

  private limitFor(visitor: Visitor): TimeLimit {
    return { startedAt: visitor.arrivedAt, ms: this.pageTimeLimitMs };
  }

  /**
   * The index workers' answer, shared by the visitors who ask for it while it is awaited and
   * remembered once it comes. When every visitor waiting on it has left, it is stopped (and
   * forgotten): nobody would read it.
   */
  private asked<T>(key: string, visitor: Visitor, work: (stop: AbortSignal) => Promise<T>): Promise<T> {
    const shared = this.remembered(key, (): SharedAnswer<T> => {
      const stop = new AbortController();
      const entry: SharedAnswer<T> = { answer: work(stop.signal), isSettled: false, visitors: 0, stop };
      entry.answer.then(
        () => {
          entry.isSettled = true;
        },
        () => {
          entry.isSettled = true;
          this.cache.forget(key, entry);
        },
      );
      return entry;
    });
    if (!shared.isSettled) {
      shared.visitors++;
      const leave = () => {
        shared.visitors--;
        if (shared.visitors > 0 || shared.isSettled) return;
        this.cache.forget(key, shared);
        shared.stop.abort();
      };
      if (visitor.hasLeft.aborted) leave();
      else visitor.hasLeft.addEventListener("abort", leave, { once: true });
    }
    return shared.answer;
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

// What a reader of an open index asks of it, answered through the same code as the command line
// (a ranked search is io/index-ranked-search.ts, as for `newsctl search --db`; the statistics are
// `newsctl stats`'s): a page of results with the facets of the whole result set, one article with
// its copies, and the collection's statistics, each read in one snapshot of the index. The
// server's index workers hold one each; answers are plain data, to be posted between threads.

import { summarizeIndex } from "../app/collection-stats.js";
import type { CollectionSummary } from "../core/collection-summary.js";
import { copyProbePhrases } from "../core/copy-probe.js";
import type { RecordFilter } from "../core/filters.js";
import { DEFAULT_COPY_THRESHOLD } from "../core/copy-threshold.js";
import { DuplicateFinder } from "../core/near-duplicates.js";
import type { ArticleRecord } from "../core/record.js";
import { placeKey } from "../core/record-place.js";
import { positiveTerms } from "../core/search-match.js";
import type { ArticleIndex, FacetColumns, Facets } from "../io/article-index.js";
import { type IndexSearchAnswer, searchOpenIndex } from "../io/index-ranked-search.js";
import { type Snippet, snippetOf } from "../output/search-snippet.js";
import type { SearchRequest } from "../core/search-request.js";

/** A search, or (query null) the collection narrowed by the filters alone, and the page of hits wanted. */
export interface PagedSearch extends SearchRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** Articles a copy probe reads at most: a body made of common phrases must not read the collection. */
const MOST_COPY_CANDIDATES = 50;

export interface SearchAnswer {
  /** Articles that match (with no query: that pass the filters). */
  matchCount: number;
  /** The hits on the page asked for (none without a query), with their scores and snippets. */
  hits: Array<{ record: ArticleRecord; score: number; snippet: Snippet | null }>;
  facets: Facets;
}

/** Another article that is a copy of this one, or of which this one is a copy. */
export interface CopyLink {
  file: string;
  line: number;
  id: string | null;
  headline: string | null;
  published: string | null;
  /** `number`: the same article number; `body`: nearly the same body. */
  reason: "number" | "body";
  /** The copy kept by `newsctl dedup` (the earliest). */
  isKept: boolean;
}

export interface ArticleAnswer {
  record: ArticleRecord;
  /** Another article with its number is shown in its place (the newer one). */
  isShadowed: boolean;
}

export class CollectionReader {
  private facetColumns: { version: number; columns: FacetColumns } | undefined;

  constructor(private readonly index: ArticleIndex) {}

  search(request: PagedSearch): SearchAnswer {
    const { query, matchOptions, filter, order, page, pageSize } = request;
    return this.index.readConsistently(() => {
      const facets = this.index.facets(this.currentFacetColumns(), query, matchOptions, filter);
      if (query === null) return { matchCount: facets.agencies.reduce((sum, agency) => sum + agency.articles, 0), hits: [], facets };
      const answer = searchOpenIndex(this.index, { query, matchOptions, filter, order, limit: page * pageSize });
      try {
        // Snippets are made here, on the worker's thread, where finding the matched words costs no visitor a wait.
        const terms = positiveTerms(query);
        const hits = [...answer.hits].slice((page - 1) * pageSize).map(({ record, score }) => ({ record, score, snippet: snippetOf(record, terms, matchOptions) }));
        return { matchCount: answer.matchCount, hits, facets };
      } finally {
        answer.store?.close();
      }
    });
  }

  /** Every hit of a search, in order, for a download; close the answer's store when done. */
  everyHit(request: SearchRequest): IndexSearchAnswer {
    if (request.query === null) throw new Error("a download needs a query");
    return searchOpenIndex(this.index, { query: request.query, matchOptions: request.matchOptions, filter: request.filter, order: request.order });
  }

  /** The article at this place; undefined when the index holds none there. */
  article(file: string, line: number): ArticleAnswer | undefined {
    return this.index.articleAt(file, line);
  }

  /**
   * The copies of the article at this place (undefined when the index holds none there): its
   * cluster as `newsctl dedup` would find it among the articles that share its number or two
   * of a few of its body's phrases (core/copy-probe.ts). A page of its own: looking costs tens
   * of milliseconds, which the article page does not wait for.
   */
  copies(file: string, line: number): CopyLink[] | undefined {
    return this.index.readConsistently(() => {
      const placed = this.index.articleAt(file, line);
      return placed === undefined ? undefined : this.copiesOf(placed.record);
    });
  }

  /** `newsctl stats --db` of the articles the filter selects. */
  stats(filter: RecordFilter): CollectionSummary {
    return summarizeIndex(this.index, filter);
  }

  /** Every shown article's agency and month, read again once the index has changed. */
  private currentFacetColumns(): FacetColumns {
    const version = this.index.dataVersion();
    if (this.facetColumns?.version !== version) this.facetColumns = { version, columns: this.index.facetColumns() };
    return this.facetColumns.columns;
  }

  private copiesOf(record: ArticleRecord): CopyLink[] {
    const neighbours = new Map<string, ArticleRecord>([[placeKey(record.file, record.line), record]]);
    if (record.id !== null) for (const other of this.index.articlesNumbered(record.id)) neighbours.set(placeKey(other.record.file, other.record.line), other.record);
    // The articles that hold at least two of the probe's phrases (a copy holds most), the ones
    // that hold the most first; only those are read.
    const phrases = copyProbePhrases(record.body);
    const held = new Map<number, number>();
    for (const phrase of phrases) {
      for (const id of this.index.matchingIds({ clauses: [{ alternatives: [phrase], isNegated: false, column: 1 }] }, { isStemming: false }, {})) held.set(id, (held.get(id) ?? 0) + 1);
    }
    const enough = Math.min(2, phrases.length);
    const candidates = [...held]
      .filter(([, count]) => count >= enough)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MOST_COPY_CANDIDATES)
      .map(([id]) => id);
    for (const candidate of this.index.recordsOf(candidates)) neighbours.set(placeKey(candidate.file, candidate.line), candidate);
    if (neighbours.size === 1) return [];
    const finder = new DuplicateFinder(DEFAULT_COPY_THRESHOLD);
    for (const neighbour of neighbours.values()) finder.add(neighbour);
    const self = placeKey(record.file, record.line);
    for (const cluster of finder.clusters()) {
      const members = [{ ...cluster.kept, isKept: true, reason: "body" as const }, ...cluster.dropped.map((copy) => ({ ...copy, isKept: false }))];
      if (!members.some((member) => placeKey(member.file, member.line) === self)) continue;
      return members
        .filter((member) => placeKey(member.file, member.line) !== self)
        .map((member) => {
          const other = neighbours.get(placeKey(member.file, member.line))!;
          const isSameNumber = record.id !== null && other.id === record.id;
          return { file: other.file, line: other.line, id: other.id, headline: other.headline, published: other.published, reason: isSameNumber ? "number" : "body", isKept: member.isKept };
        });
    }
    return [];
  }
}


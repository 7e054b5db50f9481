// What the server's thread asks an index worker, and what comes back: questions and answers as
// plain data that threads can post to each other. A download comes back in chunks, each sent
// when the server has taken the one before (so a slow visitor holds the worker, not memory).
// The analyses' questions carry their app requests as they are (plain data).

import type { LanguageChoice } from "../core/language-choice.js";
import type { CollectionSummary } from "../core/collection-summary.js";
import type { RecordFilter } from "../core/filters.js";
import type { ArticleAnswer, CopyLink, SearchAnswer } from "../app/collection-reader.js";
import type { PageRequest } from "./page-requests.js";
import type { CollocatesRequest, collocatesInIndex } from "../app/collocates.js";
import type { KwicRequest } from "../app/kwic.js";
import type { TrendRequest } from "../app/trend.js";
import type { WordsRequest, wordsInIndex } from "../app/words.js";
import type { ConcordanceLine } from "../core/concordance.js";
import type { TrendSeries } from "../core/trend-tally.js";

export type IndexQuestion =
  | { kind: "search"; request: PageRequest }
  | { kind: "article"; file: string; line: number }
  | ArticlePageQuestion
  | { kind: "copies"; file: string; line: number }
  | { kind: "stats"; filter: RecordFilter }
  | AnalysisQuestion
  | { kind: "download"; request: PageRequest; format: "csv" | "ndjson" }
  | { kind: "analysis-download"; question: AnalysisQuestion; format: "csv" | "ndjson" };

/** An analysis of the index (app/trend.ts, kwic.ts, words.ts, collocates.ts), answered in one snapshot. */
export type AnalysisQuestion =
  | { kind: "trend"; request: TrendRequest }
  /** A page of a concordance: `take` lines after the first `skip` (a download: every line). */
  | { kind: "kwic"; request: KwicRequest; skip: number; take: number }
  | { kind: "words"; request: WordsRequest }
  | { kind: "collocates"; request: CollocatesRequest };

/** The questions a download worker answers, a chunk at a time. */
export type DownloadQuestion = Extract<IndexQuestion, { kind: "download" | "analysis-download" }>;

/**
 * The article page, or its JSON twin's text, made where the article is read: marking a long
 * article's matches is work no visitor should wait on the server's thread for.
 */
export interface ArticlePageQuestion {
  kind: "article-page";
  file: string;
  line: number;
  format: "html" | "json";
  /** The search that led to the article, whose matches the page marks. */
  search: PageRequest | null;
  /** The index's file name, for the page's footer. */
  indexName: string;
  /** The page's language, and whether its address named it. */
  language: LanguageChoice;
}

/** The answer to each kind of question (a download's is its chunks, then nothing). */
export interface IndexAnswers {
  search: SearchAnswer;
  article: ArticleAnswer | undefined;
  "article-page": string | undefined;
  copies: CopyLink[] | undefined;
  stats: CollectionSummary;
  download: undefined;
  "analysis-download": undefined;
  trend: TrendSeries;
  kwic: { lines: ConcordanceLine[]; hasMore: boolean };
  words: ReturnType<typeof wordsInIndex>;
  collocates: ReturnType<typeof collocatesInIndex>;
}

/**
 * From the server's thread: a question, leave to send the next chunk of a download, or word to
 * close the index and end (the worker is idle).
 */
export type ToWorker = { id: number; question: IndexQuestion } | { id: number; isReadyForMore: true } | { isClosing: true };

/** From a worker: the answer, a failure, or a chunk of a download. */
export type FromWorker =
  | { id: number; answer: unknown }
  | { id: number; failure: { message: string; hint: string | undefined; isNewsctlError: boolean } }
  | { id: number; chunk: Uint8Array };

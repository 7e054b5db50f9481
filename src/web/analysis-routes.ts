// The analysis pages' rows of the route table: /trend, /kwic, /words and /collocates, each read
// (analysis-page-requests.ts), answered on an index worker and remembered (served-collection.ts),
// and given as its page, its JSON twin (the command's `--json` rows, with what the page says
// around them) or every row as CSV or NDJSON, as the command writes them.

import { RequestError } from "../errors.js";
import {
  collocatesParameters,
  KWIC_PAGE_SIZE,
  kwicParameters,
  readCollocatesPageRequest,
  readKwicPageRequest,
  readTrendPageRequest,
  readWordsPageRequest,
  trendParameters,
  wordsParameters,
} from "./analysis-page-requests.js";
import { collocatesContent } from "./collocates-page.js";
import type { AnalysisQuestion } from "./index-questions.js";
import { kwicContent } from "./kwic-page.js";
import { page } from "./page-layout.js";
import type { Reply } from "./replies.js";
import type { Visitor } from "./served-collection.js";
import { type Answer, asJson, type Route, sendDownload, type Site } from "./site.js";
import { trendContent } from "./trend-page.js";
import type { Words } from "./words.js";
import { wordsContent } from "./words-page.js";

/** Rows of a trend a page or its twin shows at most: beyond, a longer period reads better. */
const MOST_TREND_ROWS = 20_000;

export const ANALYSIS_ROUTES: readonly Route[] = [
  { paths: ["/trend"], noun: "a trend is", answer: trendAnswer, download: (site, parameters, ...rest) => analysisDownload(site, { kind: "trend", request: readTrendPageRequest(parameters).trend }, "trend", ...rest) },
  { paths: ["/kwic"], noun: "a concordance is", answer: kwicAnswer, download: (site, parameters, ...rest) => analysisDownload(site, { kind: "kwic", request: readKwicPageRequest(parameters).kwic, skip: 0, take: 0 }, "kwic", ...rest) },
  { paths: ["/words"], noun: "a word list is", answer: wordsAnswer, download: (site, parameters, ...rest) => analysisDownload(site, { kind: "words", request: readWordsPageRequest(parameters).words }, "words", ...rest) },
  { paths: ["/collocates"], noun: "a list of collocates is", answer: collocatesAnswer, download: (site, parameters, ...rest) => analysisDownload(site, { kind: "collocates", request: readCollocatesPageRequest(parameters).collocates }, "collocates", ...rest) },
];

/** The page framed, made once per address and language (and remembered with the answer it shows). */
function framed(site: Site, words: Words, path: string, parameters: URLSearchParams, title: string, content: () => ReturnType<typeof trendContent>): () => Promise<string> {
  const jsonHref = words.href(`${path}.json`, parameters);
  return () => site.collection.page(JSON.stringify([path, parameters.toString(), words.choice]), async () => page(words, { title, section: "analysis", indexName: site.indexName, jsonHref, here: { path, parameters } }, content()));
}

async function trendAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor, _format: unknown, words: Words): Promise<Answer> {
  const request = readTrendPageRequest(parameters);
  const series = await site.collection.analysis({ kind: "trend", request: request.trend }, visitor);
  if (series.rows.length > MOST_TREND_ROWS) {
    throw new RequestError(`by: more than ${MOST_TREND_ROWS} rows`, "count by a longer period (by=week, month or year), or narrow the dates", undefined, { name: "too-many-periods", values: { most: MOST_TREND_ROWS } });
  }
  const { unit, queries, undated, undatedMatches, matchCounts, rows } = series;
  const title = words.text("trend.title", { query: request.trend.queries.map((query) => query.text).join(" · ") });
  return {
    json: () => asJson({ queries, unit, split: request.trend.isSplitByAgency ? "agency" : null, undated, undatedMatches, matchCounts, rows }),
    page: framed(site, words, "/trend", trendParameters(request), title, () => trendContent(words, request, series)),
  };
}

async function kwicAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor, _format: unknown, words: Words): Promise<Answer> {
  const request = readKwicPageRequest(parameters);
  const answer = await site.collection.analysis({ kind: "kwic", request: request.kwic, skip: (request.page - 1) * KWIC_PAGE_SIZE, take: KWIC_PAGE_SIZE }, visitor);
  const { order, width } = request.kwic;
  return {
    json: () => asJson({ query: request.text, sort: order, width, page: request.page, pageSize: KWIC_PAGE_SIZE, hasMore: answer.hasMore, lines: answer.lines }),
    page: framed(site, words, "/kwic", kwicParameters(request), words.text("kwic.title", { query: request.text }), () => kwicContent(words, request, answer)),
  };
}

async function wordsAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor, _format: unknown, words: Words): Promise<Answer> {
  const request = readWordsPageRequest(parameters);
  const answer = await site.collection.analysis({ kind: "words", request: request.words }, visitor);
  const title = request.text === "" ? words.text("words.title") : words.text("words.title-query", { query: request.text });
  return {
    json: () => asJson({ query: request.text === "" ? null : request.text, matchCount: answer.matchCount, top: request.words.top, rows: answer.rows }),
    page: framed(site, words, "/words", wordsParameters(request), title, () => wordsContent(words, request, answer)),
  };
}

async function collocatesAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor, _format: unknown, words: Words): Promise<Answer> {
  const request = readCollocatesPageRequest(parameters);
  const answer = await site.collection.analysis({ kind: "collocates", request: request.collocates }, visitor);
  const { word, window, measure, minTogether, top } = request.collocates;
  return {
    json: () => asJson({ word: request.text, key: word, window, measure, minTogether, top, occurrences: answer.occurrences, rows: answer.rows }),
    page: framed(site, words, "/collocates", collocatesParameters(request), words.text("collocates.title", { word: request.text }), () => collocatesContent(words, request, answer)),
  };
}

/** Every row of the analysis, streamed as its command writes them in the format asked for. */
function analysisDownload(site: Site, question: AnalysisQuestion, name: string, format: "csv" | "ndjson", reply: Reply, visitor: Visitor): Promise<void> {
  return sendDownload(reply, visitor, format, `newsctl-${name}`, (write, isGone) => site.collection.analysisDownload(question, format, write, isGone));
}

// What a visitor asked an analysis page for (/trend, /kwic, /words, /collocates), read from the
// URL's parameters with the readers the command line uses and checked before the index is
// touched: the queries, the filters as the search page reads them, and every size bounded (how
// many queries, rows, words of context, the window, how deep the concordance pages).
// Anything wrong is a RequestError naming its problem, which the page says in its language.

import { ANALYSIS_DEFAULTS, readChoice, readCountWithin, readSingleWord } from "../app/analysis-requests.js";
import type { CollocatesRequest } from "../app/collocates.js";
import type { KwicRequest } from "../app/kwic.js";
import { readQuery } from "../app/request-readers.js";
import type { TrendRequest } from "../app/trend.js";
import type { WordsRequest } from "../app/words.js";
import { COLLOCATE_MEASURES } from "../core/collocations.js";
import { CONCORDANCE_ORDERS } from "../core/concordance.js";
import { PERIOD_UNITS } from "../core/periods.js";
import type { ParsedQuery } from "../core/query.js";
import { defaultStopWords } from "../core/stop-words.js";
import { RequestError } from "../errors.js";
import { MAX_QUERY_CHARACTERS, type Narrowing, narrowingParameters, readNarrowing } from "./page-requests.js";

/** Queries a trend draws side by side, at most. */
const MOST_TREND_QUERIES = 8;
/** Lines on a page of a concordance, and how deep its pages go. */
export const KWIC_PAGE_SIZE = 50;
const MOST_KWIC_DEPTH = 10_000;
const MOST_KWIC_WIDTH = 20;
const MOST_TOP = 500;
const MOST_WINDOW = 10;
const QUERY_HINT = "see the query language under the search box";

export interface TrendPageRequest extends Narrowing {
  trend: TrendRequest;
  /** The page draws the share rather than the count (the JSON twin and download hold both). */
  isShowingShare: boolean;
}

export interface KwicPageRequest extends Narrowing {
  text: string;
  kwic: KwicRequest;
  page: number;
}

export interface WordsPageRequest extends Narrowing {
  /** The query as typed; "" for the collection's frequency list. */
  text: string;
  words: WordsRequest;
}

export interface CollocatesPageRequest extends Narrowing {
  /** The word as typed. */
  text: string;
  collocates: CollocatesRequest;
}

export function readTrendPageRequest(parameters: URLSearchParams): TrendPageRequest {
  const texts = parameters
    .getAll("q")
    .map((text) => text.trim())
    .filter((text) => text !== "");
  if (texts.length === 0) throw queryMissing("q");
  if (texts.length > MOST_TREND_QUERIES) throw new RequestError(`q: at most ${MOST_TREND_QUERIES} queries`, undefined, undefined, { name: "too-many-queries", values: { most: MOST_TREND_QUERIES } });
  const queries = texts.map((text) => ({ text, query: readBoundedQuery(text) }));
  const narrowing = readNarrowing(parameters);
  const by = parameters.get("by");
  const unit = by === null || by === "" ? undefined : readChoice("by", by, PERIOD_UNITS, "day");
  const split = optional(parameters, "split");
  if (split !== undefined) readChoice("split", split, ["agency"], "agency");
  const show = readChoice("show", optional(parameters, "show"), ["count", "share"], "count");
  return { ...narrowing, trend: { queries, matchOptions: narrowing.matchOptions, filter: narrowing.filter, unit, isSplitByAgency: split !== undefined }, isShowingShare: show === "share" };
}

export function readKwicPageRequest(parameters: URLSearchParams): KwicPageRequest {
  const text = (parameters.get("q") ?? "").trim();
  if (text === "") throw queryMissing("q");
  const narrowing = readNarrowing(parameters);
  const order = readChoice("sort", optional(parameters, "sort"), CONCORDANCE_ORDERS, "position");
  const width = readCountWithin("width", optional(parameters, "width"), ANALYSIS_DEFAULTS.width, 1, MOST_KWIC_WIDTH);
  const page = readCountWithin("page", optional(parameters, "page"), 1, 1, MOST_KWIC_DEPTH / KWIC_PAGE_SIZE);
  return { ...narrowing, text, page, kwic: { query: readBoundedQuery(text), matchOptions: narrowing.matchOptions, filter: narrowing.filter, width, order, limit: undefined } };
}

export function readWordsPageRequest(parameters: URLSearchParams): WordsPageRequest {
  const text = (parameters.get("q") ?? "").trim();
  const narrowing = readNarrowing(parameters);
  const top = readCountWithin("top", optional(parameters, "top"), ANALYSIS_DEFAULTS.top, 1, MOST_TOP);
  const words: WordsRequest = {
    query: text === "" ? null : readBoundedQuery(text),
    matchOptions: narrowing.matchOptions,
    filter: narrowing.filter,
    isExact: !narrowing.matchOptions.isStemming,
    stopWords: [...defaultStopWords()],
    top,
    minCount: ANALYSIS_DEFAULTS.minCount,
  };
  return { ...narrowing, text, words };
}

export function readCollocatesPageRequest(parameters: URLSearchParams): CollocatesPageRequest {
  const text = (parameters.get("w") ?? "").trim();
  if (text === "") throw queryMissing("w");
  if (text.length > MAX_QUERY_CHARACTERS) throw tooLong();
  const narrowing = readNarrowing(parameters);
  const collocates: CollocatesRequest = {
    word: readSingleWord("w", text),
    isExact: !narrowing.matchOptions.isStemming,
    filter: narrowing.filter,
    window: readCountWithin("window", optional(parameters, "window"), ANALYSIS_DEFAULTS.window, 1, MOST_WINDOW),
    measure: readChoice("measure", optional(parameters, "measure"), COLLOCATE_MEASURES, "logdice"),
    minTogether: ANALYSIS_DEFAULTS.minTogether,
    top: readCountWithin("top", optional(parameters, "top"), ANALYSIS_DEFAULTS.top, 1, MOST_TOP),
    stopWords: [...defaultStopWords()],
  };
  return { ...narrowing, text, collocates };
}

/** The parameters that ask for this trend (drawn as counts or shares), for links. */
export function trendParameters(request: TrendPageRequest, isShowingShare = request.isShowingShare): URLSearchParams {
  const parameters = new URLSearchParams();
  for (const query of request.trend.queries) parameters.append("q", query.text);
  if (request.trend.unit !== undefined) parameters.set("by", request.trend.unit);
  if (request.trend.isSplitByAgency) parameters.set("split", "agency");
  narrowingParameters(request, parameters);
  if (isShowingShare) parameters.set("show", "share");
  return parameters;
}

/** The parameters that ask for this concordance, at another page or in another order. */
export function kwicParameters(request: KwicPageRequest, changes: { page?: number; order?: KwicRequest["order"] } = {}): URLSearchParams {
  const parameters = new URLSearchParams({ q: request.text });
  narrowingParameters(request, parameters);
  const order = changes.order ?? request.kwic.order;
  if (order !== "position") parameters.set("sort", order);
  if (request.kwic.width !== ANALYSIS_DEFAULTS.width) parameters.set("width", String(request.kwic.width));
  const page = changes.page ?? request.page;
  if (page !== 1) parameters.set("page", String(page));
  return parameters;
}

export function wordsParameters(request: WordsPageRequest): URLSearchParams {
  const parameters = new URLSearchParams();
  if (request.text !== "") parameters.set("q", request.text);
  narrowingParameters(request, parameters);
  if (request.words.top !== ANALYSIS_DEFAULTS.top) parameters.set("top", String(request.words.top));
  return parameters;
}

export function collocatesParameters(request: CollocatesPageRequest, measure = request.collocates.measure): URLSearchParams {
  const parameters = new URLSearchParams({ w: request.text });
  narrowingParameters(request, parameters);
  if (request.collocates.window !== ANALYSIS_DEFAULTS.window) parameters.set("window", String(request.collocates.window));
  if (measure !== "logdice") parameters.set("measure", measure);
  if (request.collocates.top !== ANALYSIS_DEFAULTS.top) parameters.set("top", String(request.collocates.top));
  return parameters;
}

function readBoundedQuery(text: string): ParsedQuery {
  if (text.length > MAX_QUERY_CHARACTERS) throw tooLong();
  return readQuery(text, QUERY_HINT);
}

/** A parameter's value, or undefined when it is not given or empty. */
function optional(parameters: URLSearchParams, name: string): string | undefined {
  const value = parameters.get(name)?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function queryMissing(parameter: string): RequestError {
  return new RequestError(`${parameter}: the page needs a query`, `add ?${parameter}=`, undefined, { name: "query-missing", values: { parameter: `?${parameter}=` } });
}

function tooLong(): RequestError {
  return new RequestError(`query: longer than ${MAX_QUERY_CHARACTERS} characters`, undefined, undefined, { name: "query-too-long", values: { most: MAX_QUERY_CHARACTERS } });
}

// What a visitor asked for, read from the URL's parameters and checked before the index is
// touched: the query (parsed by the same parser as `newsctl search`), the filters, the order and
// the page. Everything is bounded (query length, filters, page size and depth), and anything
// wrong is a RequestError (read by the command line's readers) or a BadRequest whose message
// says what, as the command line would.

import { readAgencies, readDateBounds, readQuery, readWholeNumber } from "../app/request-readers.js";
import type { RecordFilter } from "../core/filters.js";
import type { PagedSearch } from "../app/collection-reader.js";
import type { MatchOptions } from "../core/search-match.js";
import { type Problem, RequestError } from "../errors.js";

/** The longest query read, in characters. */
export const MAX_QUERY_CHARACTERS = 500;
/** Results on a page unless asked otherwise, and at most. */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
/** How deep paging goes: past this many results, a narrower search is quicker to read. */
export const MAX_RESULT_DEPTH = 10_000;
const MAX_AGENCIES = 20;
const MAX_AGENCY_CHARACTERS = 200;

/** A request the server refuses, with what is wrong (and, where it helps, what to do). */
export class BadRequest extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly hint: string | undefined,
    /** The problem by name, which a page says in the visitor's language. */
    readonly problem: Problem,
  ) {
    super(message);
  }
}

/** A search, or (query null) the collection narrowed by the filters alone, with the page asked for. */
export interface PageRequest extends PagedSearch, Narrowing {
  /** The query as typed, trimmed; "" when there is none. */
  text: string;
}

export function readPageRequest(parameters: URLSearchParams): PageRequest {
  const text = (parameters.get("q") ?? "").trim();
  if (text.length > MAX_QUERY_CHARACTERS) throw new RequestError(`query: longer than ${MAX_QUERY_CHARACTERS} characters`, undefined, undefined, { name: "query-too-long", values: { most: MAX_QUERY_CHARACTERS } });
  const query = text === "" ? null : readQuery(text, "see the query language under the search box");
  const narrowing = readNarrowing(parameters);
  const order = parameters.get("sort") ?? "relevance";
  if (order !== "relevance" && order !== "date") throw new RequestError(`sort: "${order}" is not relevance or date`, undefined, undefined, { name: "unknown-sort", values: { value: order } });
  const pageSize = readWhole(parameters, "size", DEFAULT_PAGE_SIZE);
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new RequestError(`size: from 1 to ${MAX_PAGE_SIZE} results a page`, undefined, undefined, { name: "page-size", values: { most: MAX_PAGE_SIZE } });
  const page = readWhole(parameters, "page", 1);
  if (page < 1) throw new RequestError("page: pages are numbered from 1", undefined, undefined, { name: "page-from-one" });
  if (page * pageSize > MAX_RESULT_DEPTH) throw new RequestError(`page: results beyond the first ${MAX_RESULT_DEPTH} are not shown`, "narrow the search with an agency or dates", undefined, { name: "page-too-deep", values: { most: MAX_RESULT_DEPTH } });
  return { text, query, ...narrowing, order, page, pageSize };
}

/** What narrows a search or an analysis: agencies, dates, and whether words match exactly. */
export interface Narrowing {
  matchOptions: MatchOptions;
  filter: RecordFilter;
  /** The filters as given, to show them again and build links. */
  agencies: string[];
  since: string;
  until: string;
}

/** The parameters agency (repeatable), since, until and exact, checked and bounded. */
export function readNarrowing(parameters: URLSearchParams): Narrowing {
  const agencies = readAgencies(parameters.getAll("agency"), "agency", { most: MAX_AGENCIES, longest: MAX_AGENCY_CHARACTERS });
  const since = (parameters.get("since") ?? "").trim();
  const until = (parameters.get("until") ?? "").trim();
  const bounds = readDateBounds(since === "" ? undefined : since, until === "" ? undefined : until, { since: "since", until: "until" });
  const filter: RecordFilter = { ...bounds };
  if (agencies.length > 0) filter.agencies = agencies;
  return { matchOptions: { isStemming: !isOn(parameters.get("exact")) }, filter, agencies, since, until };
}

/** The parameters that ask for this narrowing, for links. */
export function narrowingParameters(narrowing: Narrowing, parameters = new URLSearchParams()): URLSearchParams {
  for (const agency of narrowing.agencies) parameters.append("agency", agency);
  if (narrowing.since !== "") parameters.set("since", narrowing.since);
  if (narrowing.until !== "") parameters.set("until", narrowing.until);
  if (!narrowing.matchOptions.isStemming) parameters.set("exact", "1");
  return parameters;
}

/**
 * The search form as the visitor filled it, read without judging it (nothing is searched): to
 * show a refused search again, with what is wrong beside it.
 */
export function formRequest(parameters: URLSearchParams): PageRequest {
  const text = (parameters.get("q") ?? "").trim().slice(0, MAX_QUERY_CHARACTERS);
  const order = parameters.get("sort") === "date" ? "date" : "relevance";
  const agencies = parameters
    .getAll("agency")
    .map((agency) => agency.trim().slice(0, MAX_AGENCY_CHARACTERS))
    .filter((agency) => agency !== "")
    .slice(0, MAX_AGENCIES);
  const field = (name: string) => (parameters.get(name) ?? "").trim().slice(0, 40);
  return { text, query: null, matchOptions: { isStemming: !isOn(parameters.get("exact")) }, filter: {}, agencies, since: field("since"), until: field("until"), order, page: 1, pageSize: DEFAULT_PAGE_SIZE };
}

/** The parameters that ask for this search (at another page, or with other filters), for links. */
export function searchParameters(request: PageRequest, changes: Partial<Pick<PageRequest, "page" | "agencies" | "since" | "until">> = {}): URLSearchParams {
  const wanted = { ...request, ...changes };
  const parameters = new URLSearchParams();
  if (wanted.text !== "") parameters.set("q", wanted.text);
  for (const agency of wanted.agencies) parameters.append("agency", agency);
  if (wanted.since !== "") parameters.set("since", wanted.since);
  if (wanted.until !== "") parameters.set("until", wanted.until);
  if (!wanted.matchOptions.isStemming) parameters.set("exact", "1");
  if (wanted.order !== "relevance") parameters.set("sort", wanted.order);
  if (wanted.pageSize !== DEFAULT_PAGE_SIZE) parameters.set("size", String(wanted.pageSize));
  if (wanted.page !== 1) parameters.set("page", String(wanted.page));
  return parameters;
}

/** The article a request names by its place: the file and the line it starts on. */
export function readPlace(parameters: URLSearchParams): { file: string; line: number } {
  const file = parameters.get("file");
  if (file === null || file === "") throw new RequestError("file: which file the article is in is missing", undefined, undefined, { name: "file-missing" });
  if (file.length > 4096) throw new RequestError("file: longer than 4096 characters", undefined, undefined, { name: "file-too-long", values: { most: 4096 } });
  const line = readWhole(parameters, "line", 0);
  if (line < 1) throw new RequestError("line: the line the article starts on is missing", undefined, undefined, { name: "line-missing" });
  return { file, line };
}

function readWhole(parameters: URLSearchParams, name: string, otherwise: number): number {
  const value = parameters.get(name);
  if (value === null || value.trim() === "") return otherwise;
  return readWholeNumber(name, value, 9);
}

function isOn(value: string | null): boolean {
  return value !== null && value !== "" && value !== "0" && value !== "false";
}

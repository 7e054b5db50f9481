// Which address gives what, as a table: each path, whether it offers downloads (.csv, .ndjson)
// beside its page and JSON twin, and the handler that reads the request and answers it once;
// that one answer is sent as HTML, or as JSON when the address ends in .json or asks for
// ?format=json. The style sheet and script are served as they are.

import { RequestError } from "../errors.js";
import { withScores } from "../output/write-records.js";
import { copiesContent } from "./article-page.js";
import type { ServedCollection, Visitor } from "./served-collection.js";
import { page } from "./page-layout.js";
import { BadRequest, formRequest, readPlace, readPageRequest, type PageRequest, searchParameters } from "./page-requests.js";
import { SEARCH_SCRIPT, STYLE_SHEET } from "./page-assets.js";
import type { Reply } from "./replies.js";
import { refusedSearchContent, searchContent } from "./search-page.js";
import { statsContent } from "./stats-page.js";

export interface Site {
  collection: ServedCollection;
  /** The index's file name, for the footer. */
  indexName: string;
}

type Format = "html" | "json" | "csv" | "ndjson";
/** What a page is sent as: itself, or its JSON twin. */
type PageFormat = "html" | "json";

/** What the path and ?format= ask for; the path without its extension. */
function formatOf(url: URL): { path: string; format: Format } {
  const match = /^(.*)\.(json|csv|ndjson)$/.exec(url.pathname);
  const asked = url.searchParams.get("format");
  if (asked !== null && asked !== "html" && asked !== "json" && asked !== "csv" && asked !== "ndjson") throw new BadRequest(`format: "${asked}" is not html, json, csv or ndjson`);
  if (match !== null) return { path: match[1]!, format: match[2] as Format };
  return { path: url.pathname, format: (asked ?? "html") as Format };
}

export async function route(site: Site, url: URL, reply: Reply, visitor: Visitor): Promise<void> {
  if (url.pathname === "/static/newsctl.css") return reply.asset("text/css", STYLE_SHEET);
  if (url.pathname === "/static/newsctl.js") return reply.asset("text/javascript", SEARCH_SCRIPT);
  if (url.pathname === "/favicon.ico") return reply.empty();
  const { path, format } = formatOf(url);
  const found = ROUTES.find((candidate) => candidate.paths.includes(path));
  if (found === undefined) throw new BadRequest(`no page at ${url.pathname}`, 404, "the search page is at /");
  if (format === "csv" || format === "ndjson") {
    if (found.download === undefined) throw new BadRequest(`${found.noun} a page or JSON`, 400, `use ${found.paths[0]}.json`);
    return found.download(site, url.searchParams, format, reply, visitor);
  }
  const answer = await found.answer(site, url.searchParams, visitor, format);
  if ("refused" in answer) return reply.html(await answer.refused(), 400);
  if (format === "json") return reply.jsonText(answer.json());
  return reply.html(await answer.page());
}

/** What a page's handler answers: the JSON twin and the page, made from one result. */
type Answer = { json(): string; page(): Promise<string> | string } | { refused(): Promise<string> | string };

interface Route {
  /** The paths (without a format suffix) the route answers. */
  paths: readonly string[];
  /** What the route shows, to say it is no download: "an article is". */
  noun: string;
  answer(site: Site, parameters: URLSearchParams, visitor: Visitor, format: PageFormat): Promise<Answer>;
  /** Every result streamed as CSV or NDJSON, for the routes that offer downloads. */
  download?: (site: Site, parameters: URLSearchParams, format: "csv" | "ndjson", reply: Reply, visitor: Visitor) => Promise<void>;
}

const ROUTES: readonly Route[] = [
  { paths: ["/", "/search"], noun: "a search is", answer: searchAnswer, download: (site, parameters, format, reply, visitor) => download(site, readPageRequest(parameters), format, reply, visitor) },
  { paths: ["/article"], noun: "an article is", answer: articleAnswer },
  { paths: ["/copies"], noun: "copies are", answer: copiesAnswer },
  { paths: ["/stats"], noun: "statistics are", answer: statsAnswer },
];

const asJson = (value: unknown) => `${JSON.stringify(value)}\n`;

async function searchAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor, format: PageFormat): Promise<Answer> {
  let request: PageRequest;
  try {
    request = readPageRequest(parameters);
  } catch (error) {
    // A refused search is shown again as the visitor wrote it, with what is wrong, to be mended there.
    if (!(error instanceof RequestError) || format !== "html") throw error;
    const content = refusedSearchContent(formRequest(parameters), error, site.collection.articleCount());
    return { refused: () => page({ title: "Search", section: "search", indexName: site.indexName }, content) };
  }
  const answer = await site.collection.search(request, visitor);
  const json = () =>
    asJson({
      query: request.text,
      exact: !request.matchOptions.isStemming,
      sort: request.order,
      agencies: request.agencies,
      since: request.since,
      until: request.until,
      page: request.page,
      pageSize: request.pageSize,
      matchCount: answer.matchCount,
      pages: Math.ceil(answer.matchCount / request.pageSize),
      results: [...withScores(answer.hits)],
      facets: answer.facets,
    });
  const title = request.text === "" ? "Search" : `${request.text} (search)`;
  const jsonHref = `/search.json?${searchParameters(request)}`;
  const made = () => site.collection.page(jsonHref, async () => page({ title, section: "search", indexName: site.indexName, jsonHref }, searchContent(request, answer, site.collection.articleCount())));
  return { json, page: made };
}

/** Every result of the search, streamed in the order shown, as `newsctl search --db` writes it. */
async function download(site: Site, request: PageRequest, format: "csv" | "ndjson", reply: Reply, visitor: Visitor): Promise<void> {
  if (request.query === null) throw new BadRequest("a download needs a query", 400, "add ?q=");
  let stream: ReturnType<Reply["download"]> | undefined;
  // A visitor who left, before the first chunk or during the download, stops it.
  const isGone = () => visitor.hasLeft.aborted || stream?.destroyed === true;
  await site.collection.download(
    request,
    format,
    (chunk) => {
      if (isGone()) return Promise.resolve();
      stream ??= reply.download(format === "csv" ? "text/csv" : "application/x-ndjson", `newsctl-search.${format}`);
      return stream.write(chunk) ? Promise.resolve() : new Promise((resolve) => stream!.once("drain", resolve).once("close", resolve));
    },
    isGone,
  );
  (stream ?? reply.download(format === "csv" ? "text/csv" : "application/x-ndjson", `newsctl-search.${format}`)).end();
}

async function articleAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor, format: PageFormat): Promise<Answer> {
  const { file, line } = readPlace(parameters);
  const request = readPageRequest(parameters);
  // The article's page and its JSON are written out by the index worker, in the format asked for.
  const made = await site.collection.articlePage({ kind: "article-page", file, line, format, search: request.query === null ? null : request, indexName: site.indexName }, visitor);
  if (made === undefined) throw new BadRequest(`the index holds no article at ${file}:${line}`, 404, "search for it from /");
  return { json: () => made, page: () => made };
}

async function copiesAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor): Promise<Answer> {
  const { file, line } = readPlace(parameters);
  const [answer, copies] = await Promise.all([site.collection.article(file, line, visitor), site.collection.copies(file, line, visitor)]);
  if (answer === undefined || copies === undefined) throw new BadRequest(`the index holds no article at ${file}:${line}`, 404, "search for it from /");
  const jsonHref = `/copies.json?${new URLSearchParams({ file, line: String(line) })}`;
  return {
    json: () => asJson({ copies }),
    page: () => page({ title: `Copies of ${answer.record.headline ?? `${file}:${line}`}`, section: "article", indexName: site.indexName, jsonHref }, copiesContent(answer, copies)),
  };
}

async function statsAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor): Promise<Answer> {
  const request = readPageRequest(parameters);
  if (request.query !== null) throw new BadRequest("statistics take filters (agency, since, until), not a query");
  const summary = await site.collection.stats(request.filter, visitor);
  const jsonHref = `/stats.json?${searchParameters(request)}`;
  return { json: () => asJson(summary), page: () => page({ title: "Statistics", section: "stats", indexName: site.indexName, jsonHref }, statsContent(summary)) };
}

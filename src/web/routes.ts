// Which address gives what: the search page and its JSON twin and downloads, the article page,
// the statistics page, and the style sheet and script. Each page is read from the URL, answered
// by the collection reader, and sent as HTML, or as JSON when the address ends in .json or asks
// for ?format=json.

import { RequestError } from "../errors.js";
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
  switch (path) {
    case "/":
    case "/search":
      return searchRoute(site, url.searchParams, format, reply, visitor);
    case "/article":
      return articleRoute(site, url.searchParams, format, reply, visitor);
    case "/copies":
      return copiesRoute(site, url.searchParams, format, reply, visitor);
    case "/stats":
      return statsRoute(site, url.searchParams, format, reply, visitor);
    default:
      throw new BadRequest(`no page at ${url.pathname}`, 404, "the search page is at /");
  }
}

async function searchRoute(site: Site, parameters: URLSearchParams, format: Format, reply: Reply, visitor: Visitor): Promise<void> {
  let request: PageRequest;
  try {
    request = readPageRequest(parameters);
  } catch (error) {
    // A refused search is shown again as the visitor wrote it, with what is wrong, to be mended there.
    if (!(error instanceof RequestError) || format !== "html") throw error;
    const content = refusedSearchContent(formRequest(parameters), error, site.collection.articleCount());
    return reply.html(page({ title: "Search", section: "search", indexName: site.indexName }, content), 400);
  }
  if (format === "csv" || format === "ndjson") return download(site, request, format, reply);
  const answer = await site.collection.search(request, visitor);
  if (format === "json") {
    return reply.json({
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
      results: answer.hits.map(({ record, score }) => ({ ...record, score })),
      facets: answer.facets,
    });
  }
  const title = request.text === "" ? "Search" : `${request.text} (search)`;
  const jsonHref = `/search.json?${searchParameters(request)}`;
  const made = await site.collection.page(jsonHref, async () => page({ title, section: "search", indexName: site.indexName, jsonHref }, searchContent(request, answer, site.collection.articleCount())));
  return reply.html(made);
}

/** Every result of the search, streamed in the order shown, as `newsctl search --db` writes it. */
async function download(site: Site, request: PageRequest, format: "csv" | "ndjson", reply: Reply): Promise<void> {
  if (request.query === null) throw new BadRequest("a download needs a query", 400, "add ?q=");
  let stream: ReturnType<Reply["download"]> | undefined;
  await site.collection.download(
    request,
    format,
    (chunk) => {
      stream ??= reply.download(format === "csv" ? "text/csv" : "application/x-ndjson", `newsctl-search.${format}`);
      return stream.write(chunk) ? Promise.resolve() : new Promise((resolve) => stream!.once("drain", resolve).once("close", resolve));
    },
    () => stream?.destroyed === true,
  );
  (stream ?? reply.download(format === "csv" ? "text/csv" : "application/x-ndjson", `newsctl-search.${format}`)).end();
}

async function articleRoute(site: Site, parameters: URLSearchParams, format: Format, reply: Reply, visitor: Visitor): Promise<void> {
  if (format === "csv" || format === "ndjson") throw new BadRequest("an article is a page or JSON", 400, "use /article.json");
  const { file, line } = readPlace(parameters);
  const request = readPageRequest(parameters);
  const made = await site.collection.articlePage({ kind: "article-page", file, line, format, search: request.query === null ? null : request, indexName: site.indexName }, visitor);
  if (made === undefined) throw new BadRequest(`the index holds no article at ${file}:${line}`, 404, "search for it from /");
  return format === "json" ? reply.jsonText(made) : reply.html(made);
}

async function copiesRoute(site: Site, parameters: URLSearchParams, format: Format, reply: Reply, visitor: Visitor): Promise<void> {
  if (format === "csv" || format === "ndjson") throw new BadRequest("copies are a page or JSON", 400, "use /copies.json");
  const { file, line } = readPlace(parameters);
  const [answer, copies] = await Promise.all([site.collection.article(file, line, visitor), site.collection.copies(file, line, visitor)]);
  if (answer === undefined || copies === undefined) throw new BadRequest(`the index holds no article at ${file}:${line}`, 404, "search for it from /");
  if (format === "json") return reply.json({ copies });
  const jsonHref = `/copies.json?${new URLSearchParams({ file, line: String(line) })}`;
  return reply.html(page({ title: `Copies of ${answer.record.headline ?? `${file}:${line}`}`, section: "article", indexName: site.indexName, jsonHref }, copiesContent(answer, copies)));
}

async function statsRoute(site: Site, parameters: URLSearchParams, format: Format, reply: Reply, visitor: Visitor): Promise<void> {
  if (format === "csv" || format === "ndjson") throw new BadRequest("statistics are a page or JSON", 400, "use /stats.json");
  const request = readPageRequest(parameters);
  if (request.query !== null) throw new BadRequest("statistics take filters (agency, since, until), not a query");
  const summary = await site.collection.stats(request.filter, visitor);
  if (format === "json") return reply.json(summary);
  const jsonHref = `/stats.json?${searchParameters(request)}`;
  return reply.html(page({ title: "Statistics", section: "stats", indexName: site.indexName, jsonHref }, statsContent(summary)));
}

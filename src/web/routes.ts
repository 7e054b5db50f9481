// Which address gives what, as a table: each path, whether it offers downloads (.csv, .ndjson)
// beside its page and JSON twin, and the handler that reads the request and answers it once;
// that one answer is sent as HTML, or as JSON when the address ends in .json or asks for
// ?format=json. The style sheet and script are served as they are. The page's language is chosen
// once per request (pageLanguage) and handed to every page made for it; the JSON twins and
// downloads are the same in every language.

import { chooseLanguage } from "../core/language-choice.js";
import { RequestError } from "../errors.js";
import { withScores } from "../output/write-records.js";
import { copiesContent } from "./article-page.js";
import { articleParameters } from "./page-links.js";
import { sayProblem } from "./problem-messages.js";
import type { Visitor } from "./served-collection.js";
import { page } from "./page-layout.js";
import { BadRequest, formRequest, readPlace, readPageRequest, type PageRequest, searchParameters } from "./page-requests.js";
import { SEARCH_SCRIPT, STYLE_SHEET } from "./page-assets.js";
import type { Reply } from "./replies.js";
import { type Answer, asJson, type PageFormat, type Route, sendDownload, type Site } from "./site.js";
import { ANALYSIS_ROUTES } from "./analysis-routes.js";
import { refusedSearchContent, searchContent } from "./search-page.js";
import { statsContent } from "./stats-page.js";
import { Words } from "./words.js";

/** The request's language: ?lang=, then Accept-Language (its q-values), then the server's default. */
export function pageLanguage(site: Site, address: string, acceptLanguage: string | undefined): Words {
  const query = address.indexOf("?");
  const named = query < 0 ? null : new URLSearchParams(address.slice(query + 1)).get("lang");
  return new Words(chooseLanguage(named, acceptLanguage, site.defaultLanguage));
}

type Format = "html" | "json" | "csv" | "ndjson";

/** What the path and ?format= ask for; the path without its extension. */
function formatOf(url: URL): { path: string; format: Format } {
  const match = /^(.*)\.(json|csv|ndjson)$/.exec(url.pathname);
  const asked = url.searchParams.get("format");
  if (asked !== null && asked !== "html" && asked !== "json" && asked !== "csv" && asked !== "ndjson") {
    throw new BadRequest(`format: "${asked}" is not html, json, csv or ndjson`, 400, undefined, { name: "unknown-format", values: { value: asked, formats: "html, json, csv, ndjson" } });
  }
  if (match !== null) return { path: match[1]!, format: match[2] as Format };
  return { path: url.pathname, format: (asked ?? "html") as Format };
}

export async function route(site: Site, url: URL, reply: Reply, visitor: Visitor, words: Words): Promise<void> {
  if (url.pathname === "/static/newsctl.css") return reply.asset("text/css", STYLE_SHEET);
  if (url.pathname === "/static/newsctl.js") return reply.asset("text/javascript", SEARCH_SCRIPT);
  if (url.pathname === "/favicon.ico") return reply.empty();
  const { path, format } = formatOf(url);
  const found = ROUTES.find((candidate) => candidate.paths.includes(path));
  if (found === undefined) throw new BadRequest(`no page at ${url.pathname}`, 404, "the search page is at /", { name: "no-page", values: { path: url.pathname, root: "/" } });
  if (format === "csv" || format === "ndjson") {
    if (found.download === undefined) throw new BadRequest(`${found.noun} a page or JSON`, 400, `use ${found.paths[0]}.json`, { name: "not-a-download", values: { path, address: `${found.paths[0]}.json` } });
    return found.download(site, url.searchParams, format, reply, visitor);
  }
  const answer = await found.answer(site, url.searchParams, visitor, format, words);
  if ("refused" in answer) return reply.html(await answer.refused(), 400);
  if (format === "json") return reply.jsonText(answer.json());
  return reply.html(await answer.page());
}

const ROUTES: readonly Route[] = [
  { paths: ["/", "/search"], noun: "a search is", answer: searchAnswer, download: (site, parameters, format, reply, visitor) => download(site, readPageRequest(parameters), format, reply, visitor) },
  { paths: ["/article"], noun: "an article is", answer: articleAnswer },
  { paths: ["/copies"], noun: "copies are", answer: copiesAnswer },
  { paths: ["/stats"], noun: "statistics are", answer: statsAnswer },
  ...ANALYSIS_ROUTES,
];

async function searchAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor, format: PageFormat, words: Words): Promise<Answer> {
  let request: PageRequest;
  try {
    request = readPageRequest(parameters);
  } catch (error) {
    // A refused search is shown again as the visitor wrote it, with what is wrong, to be mended there.
    if (!(error instanceof RequestError) || format !== "html") throw error;
    const form = formRequest(parameters);
    const said = error.problem === undefined ? { message: words.say("error.other"), hint: undefined } : sayProblem(words, error.problem);
    const content = refusedSearchContent(words, form, said, site.collection.articleCount());
    return { refused: () => page(words, { title: words.text("search.title"), section: "search", indexName: site.indexName, here: { path: "/", parameters: searchParameters(form) } }, content) };
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
  const title = request.text === "" ? words.text("search.title") : words.text("search.title-query", { query: request.text });
  const jsonHref = words.href("/search.json", searchParameters(request));
  const here = { path: "/", parameters: searchParameters(request) };
  const made = () =>
    site.collection.page(JSON.stringify([jsonHref, words.choice]), async () =>
      page(words, { title, section: "search", indexName: site.indexName, jsonHref, here }, searchContent(words, request, answer, site.collection.articleCount())),
    );
  return { json, page: made };
}

/** Every result of the search, streamed in the order shown, as `newsctl search --db` writes it. */
async function download(site: Site, request: PageRequest, format: "csv" | "ndjson", reply: Reply, visitor: Visitor): Promise<void> {
  if (request.query === null) throw new BadRequest("a download needs a query", 400, "add ?q=", { name: "download-needs-query", values: { parameter: "?q=" } });
  await sendDownload(reply, visitor, format, "newsctl-search", (write, isGone) => site.collection.download(request, format, write, isGone));
}

async function articleAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor, format: PageFormat, words: Words): Promise<Answer> {
  const { file, line } = readPlace(parameters);
  const request = readPageRequest(parameters);
  // The article's page and its JSON are written out by the index worker, in the format asked for.
  const made = await site.collection.articlePage({ kind: "article-page", file, line, format, search: request.query === null ? null : request, indexName: site.indexName, language: words.choice }, visitor);
  if (made === undefined) throw noArticle(file, line);
  return { json: () => made, page: () => made };
}

async function copiesAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor, _format: PageFormat, words: Words): Promise<Answer> {
  const { file, line } = readPlace(parameters);
  const [answer, copies] = await Promise.all([site.collection.article(file, line, visitor), site.collection.copies(file, line, visitor)]);
  if (answer === undefined || copies === undefined) throw noArticle(file, line);
  const jsonHref = words.href("/copies.json", new URLSearchParams({ file, line: String(line) }));
  const here = { path: "/copies", parameters: articleParameters(file, line) };
  const title = words.text("copies.title", { headline: answer.record.headline ?? `${file}:${line}` });
  return {
    json: () => asJson({ copies }),
    page: () => page(words, { title, section: "article", indexName: site.indexName, jsonHref, here }, copiesContent(words, answer, copies)),
  };
}

async function statsAnswer(site: Site, parameters: URLSearchParams, visitor: Visitor, _format: PageFormat, words: Words): Promise<Answer> {
  const request = readPageRequest(parameters);
  if (request.query !== null) throw new BadRequest("statistics take filters (agency, since, until), not a query", 400, undefined, { name: "stats-take-no-query" });
  const summary = await site.collection.stats(request.filter, visitor);
  const jsonHref = words.href("/stats.json", searchParameters(request));
  const here = { path: "/stats", parameters: searchParameters(request) };
  return { json: () => asJson(summary), page: () => page(words, { title: words.text("stats.title"), section: "stats", indexName: site.indexName, jsonHref, here }, statsContent(words, summary)) };
}

function noArticle(file: string, line: number): BadRequest {
  return new BadRequest(`the index holds no article at ${file}:${line}`, 404, "search for it from /", { name: "no-article", values: { place: `${file}:${line}`, root: "/" } });
}

// The search page: the query box and filters (a plain form that works without JavaScript, its
// fields in reading order), the query language in brief, the facets of the whole result set as
// links that narrow it (folded under a disclosure on a narrow screen), the results with snippets
// whose matched words are marked on the original text, paging, downloads of every result, and
// links to the query's analyses (over time, in context, its words).
// Every word comes from the page language's catalogue (words.ts).

import type { SearchAnswer } from "../app/collection-reader.js";
import { analysesLinks } from "./analysis-links.js";
import { html, markedText, type SafeHtml, textDirection } from "./html.js";
import { articleHref, monthBounds, placeText, quoted } from "./page-links.js";
import { MAX_QUERY_CHARACTERS, type PageRequest, searchParameters } from "./page-requests.js";
import { literal, type Words } from "./words.js";

export function searchContent(words: Words, request: PageRequest, answer: SearchAnswer | null, articleCount: number): SafeHtml {
  return html`<h1>${words.sayCount("search.heading", articleCount)}</h1>
${searchForm(words, request)}
<div id="results">${answer === null ? "" : resultsSection(words, request, answer)}</div>`;
}

/** The search page with the visitor's form as filled, and what is wrong with it in place of results. */
export function refusedSearchContent(words: Words, request: PageRequest, problem: { message: SafeHtml; hint: SafeHtml | undefined }, articleCount: number): SafeHtml {
  return html`<h1>${words.sayCount("search.heading", articleCount)}</h1>
${searchForm(words, request)}
<div id="results"><div class="error" role="alert"><p class="detail">${problem.message}</p>${problem.hint === undefined ? "" : html`<p>${problem.hint}</p>`}</div></div>`;
}

function searchForm(words: Words, request: PageRequest): SafeHtml {
  const sorted = (order: string) => (request.order === order ? html` selected` : "");
  const example = (text: string) => html`<code lang="ar" dir="rtl">${text}</code>`;
  return html`<form class="search" role="search" action="/" method="get">
<div class="query">
<label for="q" class="visually-hidden">${words.say("form.query")}</label>
<input id="q" name="q" type="search" value="${request.text}" dir="auto" maxlength="${MAX_QUERY_CHARACTERS}" autocomplete="off" placeholder="${words.text("form.query-placeholder")}" aria-describedby="query-help">
<button type="submit">${words.say("form.submit")}</button>
</div>
<div class="narrow">
<label class="agency">${words.say("form.agency")} <input name="agency" value="${request.agencies[0] ?? ""}" dir="auto"></label>
<label class="date">${words.say("form.since")} <input name="since" type="text" value="${request.since}" placeholder="${words.text("form.date-placeholder")}" inputmode="numeric"></label>
<label class="date">${words.say("form.until")} <input name="until" type="text" value="${request.until}" placeholder="${words.text("form.date-placeholder")}" inputmode="numeric"></label>
<label class="order">${words.say("form.order")} <select name="sort"><option value="relevance"${sorted("relevance")}>${words.say("form.best-first")}</option><option value="date"${sorted("date")}>${words.say("form.newest-first")}</option></select></label>
<label class="check"><input type="checkbox" name="exact" value="1"${request.matchOptions.isStemming ? "" : html` checked`}> ${words.say("form.exact")}</label>
</div>
${request.agencies.slice(1).map((agency) => html`<input type="hidden" name="agency" value="${agency}">`)}
${words.choice.isNamed ? html`<input type="hidden" name="lang" value="${words.language}">` : ""}
<details class="help" id="query-help"><summary>${words.say("help.summary")}</summary>
<p>${words.say("help.folding", { word: example("الجيش"), prefixed: example("والجيش"), other: example("للجيش") })}
${words.say("help.operators", {
  or: literal("OR"),
  not: html`<code dir="auto">${words.text("help.not-example")}</code>`,
  phrase: example('"دير الزور"'),
  prefix: example("اقتصاد*"),
  fields: html`${["headline:", "subheadline:", "lead:", "body:", "agency:"].map((field, index) => html`${index === 0 ? "" : " "}${literal(field)}`)}`,
})}</p>
</details>
</form>`;
}

function resultsSection(words: Words, request: PageRequest, answer: SearchAnswer): SafeHtml {
  const pages = Math.max(1, Math.ceil(answer.matchCount / request.pageSize));
  const first = (request.page - 1) * request.pageSize + 1;
  const articles = words.sayCount("count.articles", answer.matchCount);
  const isFiltered = request.agencies.length + request.since.length + request.until.length > 0;
  const summary =
    request.query === null
      ? words.say(isFiltered ? "results.filtered" : "results.all", { articles })
      : answer.matchCount === 0
        ? words.say("results.none", { query: quoted(words, request.text) })
        : html`${words.sayCount("results.matched", answer.matchCount, { query: quoted(words, request.text) })}${pages > 1 ? words.say("results.page-of", { page: request.page, pages }) : ""}`;
  return html`<p class="summary" role="status" data-count="${answer.matchCount}">${summary}</p>
${activeFilters(words, request)}
${request.query !== null && answer.matchCount > 0 ? analysesLinks(words, request.text, request) : ""}
<div class="layout">
${facetsSection(words, request, answer)}
<section aria-labelledby="results-heading">
<h2 id="results-heading" class="visually-hidden">${words.say("results.heading")}</h2>
${answer.hits.length === 0 ? "" : html`<ol class="results" start="${first}">${answer.hits.map((hit) => resultItem(words, request, hit))}</ol>`}
${pages > 1 && request.query !== null ? pageLinks(words, request, pages) : ""}
${request.query !== null && answer.matchCount > 0 ? downloads(words, request) : ""}
</section>
</div>`;
}

function activeFilters(words: Words, request: PageRequest): SafeHtml | "" {
  const chips: SafeHtml[] = [];
  for (const agency of request.agencies) {
    const href = words.href("/", searchParameters(request, { agencies: request.agencies.filter((other) => other !== agency), page: 1 }));
    chips.push(html`<li><a href="${href}" aria-label="${words.text("filters.remove-agency", { agency })}">${words.say("filters.agency", { agency })}</a></li>`);
  }
  if (request.since !== "" || request.until !== "") {
    const href = words.href("/", searchParameters(request, { since: "", until: "", page: 1 }));
    const bound = (value: string) => (value === "" ? words.say("filters.open-end") : value);
    chips.push(html`<li><a href="${href}" aria-label="${words.text("filters.remove-dates")}">${words.say("filters.dates", { since: bound(request.since), until: bound(request.until) })}</a></li>`);
  }
  return chips.length === 0 ? "" : html`<ul class="filters" aria-label="${words.text("filters.label")}">${chips}</ul>`;
}

function facetsSection(words: Words, request: PageRequest, answer: SearchAnswer): SafeHtml {
  const agencies = answer.facets.agencies.slice(0, 25).map(({ agency, articles }) => {
    if (agency === null) return html`<li><span>${words.say("facets.no-agency")}</span> <span class="count">${words.number(articles)}</span></li>`;
    const isChosen = request.agencies.length === 1 && request.agencies[0] === agency;
    const href = words.href("/", searchParameters(request, { agencies: [agency], page: 1 }));
    return html`<li${isChosen ? html` class="chosen"` : ""}><a href="${href}" ${textDirection(agency)}>${agency}</a> <span class="count">${words.number(articles)}</span></li>`;
  });
  const months = answer.facets.months.slice(-36).map(({ month, articles }) => {
    if (month === null) return html`<li><span>${words.say("facets.undated")}</span> <span class="count">${words.number(articles)}</span></li>`;
    const { since, until } = monthBounds(month);
    const href = words.href("/", searchParameters(request, { since, until, page: 1 }));
    return html`<li><a href="${href}">${words.month(month)}</a> <span class="count">${words.number(articles)}</span></li>`;
  });
  // Open on a wide screen (the script opens it, and the style sheet shows it where the browser
  // can), folded above the results on a narrow one.
  return html`<details class="facets-fold">
<summary>${words.say("facets.fold")}</summary>
<aside class="facets" aria-label="${words.text("facets.label")}">
<h2 id="agency-facet">${words.say("facets.agencies")}</h2>
<ul aria-labelledby="agency-facet">${agencies}</ul>
<h2 id="month-facet">${words.say("facets.months")}</h2>
<ul aria-labelledby="month-facet">${months}</ul>
</aside>
</details>`;
}

function resultItem(words: Words, request: PageRequest, { record, score, snippet }: SearchAnswer["hits"][number]): SafeHtml {
  const href = articleHref(words, record.file, record.line, request.text === "" ? undefined : request);
  return html`<li>
<h3 ${textDirection(record.headline)}><a href="${href}">${record.headline ?? words.say("results.no-headline")}</a></h3>
<p class="meta">${record.agency === null ? "" : html`<span ${textDirection(record.agency)}>${record.agency}</span>`}${record.published === null ? "" : html`<span><time datetime="${record.published}">${words.published(record.published, true)}</time></span>`}${record.id === null ? "" : html`<span>${words.say("results.number", { number: record.id })}</span>`}<span class="visually-hidden">${words.say("results.score", { score })}</span></p>
${snippet === null || snippet.text === "" ? "" : html`<p class="snippet" ${textDirection(snippet.text)}>${snippet.isCutBefore ? "…" : ""}${markedText(snippet.text, snippet.highlights)}${snippet.isCutAfter ? "…" : ""}</p>`}
<p class="meta">${placeText(record.file, record.line)}</p>
</li>`;
}

function pageLinks(words: Words, request: PageRequest, pages: number): SafeHtml {
  const at = (page: number) => words.href("/", searchParameters(request, { page }));
  return html`<nav class="pages" aria-label="${words.text("pages.label")}">
${request.page > 1 ? html`<a href="${at(request.page - 1)}" rel="prev">${words.say("pages.previous")}</a>` : ""}
<span>${words.say("pages.page-of", { page: request.page, pages })}</span>
${request.page < pages ? html`<a href="${at(request.page + 1)}" rel="next">${words.say("pages.next")}</a>` : ""}
</nav>`;
}

function downloads(words: Words, request: PageRequest): SafeHtml {
  const every = searchParameters(request, { page: 1 });
  every.delete("size");
  const link = (path: string, parameters: URLSearchParams, name: string, isDownload: boolean) =>
    html`<a href="${words.href(path, parameters)}"${isDownload ? html` download` : html` type="application/json"`} translate="no">${name}</a>`;
  return html`<p class="downloads">${words.say("downloads.every", { csv: link("/search.csv", every, "CSV", true), ndjson: link("/search.ndjson", every, "NDJSON", true), json: link("/search.json", searchParameters(request), "JSON", false) })}</p>`;
}

// The search page: the query box and filters (a plain form that works without JavaScript), the
// query language in brief, the facets of the whole result set as links that narrow it, the
// results with snippets whose matched words are marked on the original text, paging, and
// downloads of every result.

import { readablePublishedToMinute } from "../core/dates.js";
import type { SearchAnswer } from "../app/collection-reader.js";
import { html, markedText, type SafeHtml, textDirection } from "./html.js";
import { articleHref, countOf, monthBounds, placeLabel, quoted } from "./page-links.js";
import { MAX_QUERY_CHARACTERS, type PageRequest, searchParameters } from "./page-requests.js";

export function searchContent(request: PageRequest, answer: SearchAnswer | null, articleCount: number): SafeHtml {
  return html`<h1>Search ${countOf(articleCount, "article")}</h1>
${searchForm(request)}
<div id="results">${answer === null ? "" : resultsSection(request, answer)}</div>`;
}

/** The search page with the visitor's form as filled, and what is wrong with it in place of results. */
export function refusedSearchContent(request: PageRequest, problem: { message: string; hint?: string | undefined }, articleCount: number): SafeHtml {
  return html`<h1>Search ${countOf(articleCount, "article")}</h1>
${searchForm(request)}
<div id="results"><div class="error" role="alert"><p class="detail" dir="auto">${problem.message}</p>${problem.hint === undefined ? "" : html`<p>${problem.hint}</p>`}</div></div>`;
}

function searchForm(request: PageRequest): SafeHtml {
  const sorted = (order: string) => (request.order === order ? html` selected` : "");
  return html`<form class="search" role="search" action="/" method="get">
<div class="query">
<label for="q" class="visually-hidden">Query</label>
<input id="q" name="q" type="search" value="${request.text}" lang="ar" dir="auto" maxlength="${MAX_QUERY_CHARACTERS}" autocomplete="off" placeholder="كلمات البحث" aria-describedby="query-help">
<button type="submit">Search</button>
</div>
<div class="narrow">
<label>Agency <input name="agency" value="${request.agencies[0] ?? ""}" dir="auto" lang="ar" size="16"></label>
<label>Since <input name="since" type="text" value="${request.since}" placeholder="YYYY-MM-DD" inputmode="numeric" size="11"></label>
<label>Until <input name="until" type="text" value="${request.until}" placeholder="YYYY-MM-DD" inputmode="numeric" size="11"></label>
<label>Order <select name="sort"><option value="relevance"${sorted("relevance")}>Best first</option><option value="date"${sorted("date")}>Newest first</option></select></label>
<label class="check"><input type="checkbox" name="exact" value="1"${request.matchOptions.isStemming ? "" : html` checked`}> Exact words (no stemming)</label>
</div>
${request.agencies.slice(1).map((agency) => html`<input type="hidden" name="agency" value="${agency}">`)}
<details class="help" id="query-help"><summary>Query language</summary>
<p>Words all match, whatever their harakat, hamza seat, alef or teh marbuta form, digit set or tatweel, and their light stem: <code lang="ar">الجيش</code> finds <code lang="ar">والجيش</code> and <code lang="ar">للجيش</code>.
<code>OR</code> between words, <code>-word</code> to leave out, <code lang="ar">"دير الزور"</code> for a phrase, <code lang="ar">اقتصاد*</code> for a prefix, and <code>headline:</code> <code>subheadline:</code> <code>lead:</code> <code>body:</code> <code>agency:</code> for one field.</p>
</details>
</form>`;
}

function resultsSection(request: PageRequest, answer: SearchAnswer): SafeHtml {
  const pages = Math.max(1, Math.ceil(answer.matchCount / request.pageSize));
  const first = (request.page - 1) * request.pageSize + 1;
  const summary =
    request.query === null
      ? html`${countOf(answer.matchCount, "article")}${request.agencies.length + request.since.length + request.until.length > 0 ? " pass the filters" : " in all"}`
      : answer.matchCount === 0
        ? html`No article matches ${quoted(request.text)}`
        : html`${countOf(answer.matchCount, "article")} ${answer.matchCount === 1 ? "matches" : "match"} ${quoted(request.text)}${pages > 1 ? html`; page ${request.page} of ${pages}` : ""}`;
  return html`<p class="summary" role="status">${summary}</p>
${activeFilters(request)}
<div class="layout">
${facetsSection(request, answer)}
<section aria-labelledby="results-heading">
<h2 id="results-heading" class="visually-hidden">Results</h2>
${answer.hits.length === 0 ? "" : html`<ol class="results" start="${first}">${answer.hits.map((hit) => resultItem(request, hit))}</ol>`}
${pages > 1 && request.query !== null ? pageLinks(request, pages) : ""}
${request.query !== null && answer.matchCount > 0 ? downloads(request) : ""}
</section>
</div>`;
}

function activeFilters(request: PageRequest): SafeHtml | "" {
  const chips: SafeHtml[] = [];
  for (const agency of request.agencies) {
    const href = `/?${searchParameters(request, { agencies: request.agencies.filter((other) => other !== agency), page: 1 })}`;
    chips.push(html`<li><a href="${href}" aria-label="Remove the filter: agency ${agency}">Agency: <span dir="auto" lang="ar">${agency}</span> ✕</a></li>`);
  }
  if (request.since !== "" || request.until !== "") {
    const href = `/?${searchParameters(request, { since: "", until: "", page: 1 })}`;
    chips.push(html`<li><a href="${href}" aria-label="Remove the filter: dates">Dates: ${request.since || "…"} to ${request.until || "…"} ✕</a></li>`);
  }
  return chips.length === 0 ? "" : html`<ul class="filters" aria-label="Filters">${chips}</ul>`;
}

function facetsSection(request: PageRequest, answer: SearchAnswer): SafeHtml {
  const agencies = answer.facets.agencies.slice(0, 25).map(({ agency, articles }) => {
    if (agency === null) return html`<li><span>(no agency)</span> <span class="count">${articles}</span></li>`;
    const isChosen = request.agencies.length === 1 && request.agencies[0] === agency;
    const href = `/?${searchParameters(request, { agencies: [agency], page: 1 })}`;
    return html`<li${isChosen ? html` class="chosen"` : ""}><a href="${href}" ${textDirection(agency)}>${agency}</a> <span class="count">${articles}</span></li>`;
  });
  const months = answer.facets.months.slice(-36).map(({ month, articles }) => {
    if (month === null) return html`<li><span>undated</span> <span class="count">${articles}</span></li>`;
    const { since, until } = monthBounds(month);
    const href = `/?${searchParameters(request, { since, until, page: 1 })}`;
    return html`<li><a href="${href}">${month}</a> <span class="count">${articles}</span></li>`;
  });
  return html`<aside class="facets" aria-label="Narrow the results">
<h2 id="agency-facet">Agencies</h2>
<ul aria-labelledby="agency-facet">${agencies}</ul>
<h2 id="month-facet">Months</h2>
<ul aria-labelledby="month-facet">${months}</ul>
</aside>`;
}

function resultItem(request: PageRequest, { record, score, snippet }: SearchAnswer["hits"][number]): SafeHtml {
  const href = articleHref(record.file, record.line, request.text === "" ? undefined : request);
  return html`<li>
<h3 ${textDirection(record.headline)}><a href="${href}">${record.headline ?? "(no headline)"}</a></h3>
<p class="meta">${record.agency === null ? "" : html`<span ${textDirection(record.agency)}>${record.agency}</span>`}${record.published === null ? "" : html`<span><time datetime="${record.published}">${readablePublishedToMinute(record.published)}</time></span>`}${record.id === null ? "" : html`<span>No. <bdi>${record.id}</bdi></span>`}<span class="visually-hidden">score ${score}</span></p>
${snippet === null || snippet.text === "" ? "" : html`<p class="snippet" ${textDirection(snippet.text)}>${snippet.isCutBefore ? "…" : ""}${markedText(snippet.text, snippet.highlights)}${snippet.isCutAfter ? "…" : ""}</p>`}
<p class="meta"><span class="file" dir="ltr">${placeLabel(record.file, record.line)}</span></p>
</li>`;
}

function pageLinks(request: PageRequest, pages: number): SafeHtml {
  const at = (page: number) => `/?${searchParameters(request, { page })}`;
  return html`<nav class="pages" aria-label="Pages">
${request.page > 1 ? html`<a href="${at(request.page - 1)}" rel="prev">← Previous</a>` : ""}
<span>Page ${request.page} of ${pages}</span>
${request.page < pages ? html`<a href="${at(request.page + 1)}" rel="next">Next →</a>` : ""}
</nav>`;
}

function downloads(request: PageRequest): SafeHtml {
  const every = searchParameters(request, { page: 1 });
  every.delete("size");
  return html`<p class="downloads">Every result, best first as shown: <a href="/search.csv?${every.toString()}" download>CSV</a> · <a href="/search.ndjson?${every.toString()}" download>NDJSON</a>. This page: <a href="/search.json?${searchParameters(request).toString()}" type="application/json">JSON</a>.</p>`;
}

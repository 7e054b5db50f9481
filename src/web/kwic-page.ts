// The concordance page: each occurrence of the query's words as `newsctl kwic --db` finds it,
// 50 lines a page, the matched word marked and linking to its article, the words before it and
// after it aligned around it. The lines run in the direction of their text: in Arabic the words
// before the match stand at its right, whatever the page's language; each context cell keeps
// the words nearest the match and cuts the far ones. Order and pages are links.

import type { ConcordanceLine } from "../core/concordance.js";
import { analysesLinks, choiceLinks, downloadLinks } from "./analysis-links.js";
import { KWIC_PAGE_SIZE, type KwicPageRequest, kwicParameters } from "./analysis-page-requests.js";
import { html, type SafeHtml, textDirection } from "./html.js";
import { articleHref, quoted } from "./page-links.js";
import type { Words } from "./words.js";

export function kwicContent(words: Words, request: KwicPageRequest, page: { lines: ConcordanceLine[]; hasMore: boolean }): SafeHtml {
  const first = (request.page - 1) * KWIC_PAGE_SIZE + 1;
  const last = first + page.lines.length - 1;
  const orders = (["position", "date", "left", "right"] as const).map((order) => ({ label: words.say(`kwic.${order}`), href: words.href("/kwic", kwicParameters(request, { order, page: 1 })), isCurrent: order === request.kwic.order }));
  const everyLine = kwicParameters(request, { page: 1 });
  return html`<h1>${words.say("kwic.heading", { query: quoted(words, request.text) })}</h1>
${page.lines.length === 0 ? html`<p class="summary">${words.say("analyses.none", { query: quoted(words, request.text) })}</p>` : html`<p class="summary">${words.say("kwic.lines", { first, last })}${page.hasMore ? words.say("kwic.more") : ""}</p>`}
${choiceLinks(words, "kwic.sort", orders)}
${page.lines.length === 0 ? "" : concordance(words, request, page.lines)}
${pageLinks(words, request, page.hasMore)}
${analysesLinks(words, request.text, request)}
${downloadLinks(words, "/kwic", everyLine, kwicParameters(request))}`;
}

function concordance(words: Words, request: KwicPageRequest, lines: readonly ConcordanceLine[]): SafeHtml {
  // The lines' direction is their text's (the first match's): Arabic lines run right to left.
  const direction = textDirection(lines[0]!.match);
  const rows = lines.map((line) => {
    const about = [line.agency, line.published === null ? null : words.published(line.published, true), line.id === null ? null : words.text("results.number", { number: line.id })].filter((part) => part !== null).join(" · ");
    const href = articleHref(words, line.file, line.line, { text: request.text, query: request.kwic.query, matchOptions: request.matchOptions, filter: request.filter, agencies: request.agencies, since: request.since, until: request.until, order: "relevance", page: 1, pageSize: 20 });
    return html`<tr><td class="before"><span>${line.left}</span></td><td class="match"><a href="${href}" title="${about}"><mark>${line.match}</mark></a></td><td class="after"><span>${line.right}</span></td></tr>`;
  });
  return html`<table class="kwic" ${direction}>
<thead class="visually-hidden"><tr><th scope="col">${words.say("kwic.before")}</th><th scope="col">${words.say("kwic.match")}</th><th scope="col">${words.say("kwic.after")}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function pageLinks(words: Words, request: KwicPageRequest, hasMore: boolean): SafeHtml | "" {
  if (request.page === 1 && !hasMore) return "";
  const at = (page: number) => words.href("/kwic", kwicParameters(request, { page }));
  return html`<nav class="pages" aria-label="${words.text("pages.label")}">
${request.page > 1 ? html`<a href="${at(request.page - 1)}" rel="prev">${words.say("pages.previous")}</a>` : ""}
<span>${words.say("kwic.page", { page: request.page })}</span>
${hasMore ? html`<a href="${at(request.page + 1)}" rel="next">${words.say("pages.next")}</a>` : ""}
</nav>`;
}

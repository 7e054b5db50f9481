// The article page: the whole record for reading, right to left where it is Arabic, with the body
// in its paragraphs at a readable width; the words a search matched marked in every field the
// search looked at; the facts (agency, date, desk, number, place, warnings); and the way to its
// copies, with the page that lists them. The page is made on an index worker, where the article
// is read; at most MOST_MARKED_MATCHES matches are marked, and the page says when there are more.

import { readablePublished } from "../core/dates.js";
import { matchRanges } from "../core/match-ranges.js";
import type { ParsedQuery } from "../core/query.js";
import type { ArticleRecord } from "../core/record.js";
import { type MatchOptions, positiveTerms } from "../core/search-match.js";
import type { ArticleAnswer, CopyLink } from "../app/collection-reader.js";
import { html, markedText, type SafeHtml, textDirection } from "./html.js";
import { articleHref, copiesHref, placeLabel, quoted } from "./page-links.js";
import { page } from "./page-layout.js";
import { type PageRequest, searchParameters } from "./page-requests.js";

/**
 * Matches marked in an article, at most: an article with a hundred thousand matches of a word
 * is marked at its first ones, and the page stays quick to make and to show.
 */
const MOST_MARKED_MATCHES = 1000;

/** The search that led to the article, whose matches are marked. */
interface MarkedSearch {
  text: string;
  query: ParsedQuery;
  matchOptions: MatchOptions;
  /** The whole search (filters, order, page), for the way back to its results. */
  request: PageRequest;
}

type MarkedField = "headline" | "subheadline" | "lead" | "body" | "agency";

/** The article page whole, for the article the question found and the search that led to it. */
export function articlePageText(answer: ArticleAnswer, request: PageRequest | null, indexName: string): string {
  const { record } = answer;
  const search: MarkedSearch | null = request === null || request.query === null || positiveTerms(request.query).length === 0 ? null : { text: request.text, query: request.query, matchOptions: request.matchOptions, request };
  const title = record.headline ?? `${record.file}:${record.line}`;
  const jsonHref = `/article.json?${new URLSearchParams({ file: record.file, line: String(record.line) })}`;
  return page({ title, section: "article", indexName, jsonHref }, articleContent(answer, search));
}

function articleContent(answer: ArticleAnswer, search: MarkedSearch | null): SafeHtml {
  const { record } = answer;
  // Marks left to give, shared by the fields in the order the page shows them.
  let marksLeft = MOST_MARKED_MATCHES;
  let isMarkingCut = false;
  // The matched words' ranges in a field's text, as search results mark them: the first ones only.
  const rangesIn = (field: MarkedField, text: string): Array<[number, number]> => {
    if (search === null) return [];
    const terms = positiveTerms(search.query).filter((term) => term.field === null || term.field === field);
    const ranges: Array<[number, number]> = [];
    for (const range of matchRanges(text, terms, search.matchOptions)) {
      if (marksLeft === 0) {
        isMarkingCut = true;
        break;
      }
      ranges.push(range);
      marksLeft--;
    }
    return ranges;
  };
  const marked = (field: MarkedField, text: string) => markedText(text, rangesIn(field, text));
  const back = search === null ? "" : html`<p><a href="/?${searchParameters(search.request).toString()}">← Results for ${quoted(search.text)}</a></p>`;
  const headline = record.headline === null ? "(no headline)" : marked("headline", record.headline);
  const subheadline = record.subheadline === null ? "" : html`<p class="subheadline" ${textDirection(record.subheadline)}>${marked("subheadline", record.subheadline)}</p>`;
  const lead = record.lead === null ? "" : html`<p class="lead" ${textDirection(record.lead)}>${marked("lead", record.lead)}</p>`;
  const body = paragraphs(record.body, rangesIn("body", record.body));
  const facts = factList(record, search === null ? null : marked);
  const cut = isMarkingCut ? html`<p class="notice" role="note">Only the first ${MOST_MARKED_MATCHES.toLocaleString("en")} matches are marked; the article holds more.</p>` : "";
  return html`${back}
${answer.isShadowed ? html`<p class="notice" role="note">A newer article has the same number; searches show that one instead of this.</p>` : ""}
${cut}
<article class="record" ${textDirection(record.headline ?? record.body)}>
<h1 ${textDirection(record.headline)}>${headline}</h1>
${subheadline}
${lead}
<div class="body">${body}</div>
</article>
<h2 id="facts">About this article</h2>
${facts}
<section id="copies-section" aria-labelledby="copies">
<h2 id="copies">Copies</h2>
<p><a href="${copiesHref(record.file, record.line)}" data-copies>Look for copies of this article</a>: the same number, or nearly the same body, as <code>newsctl dedup</code> finds them.</p>
</section>`;
}

/** The copies page: the article's copies, found when asked for (the article page does not wait for them). */
export function copiesContent(answer: ArticleAnswer, copies: readonly CopyLink[]): SafeHtml {
  const { record } = answer;
  return html`<p><a href="${articleHref(record.file, record.line)}">← The article</a></p>
<h1>Copies of <bdi ${textDirection(record.headline)}>${record.headline ?? placeLabel(record.file, record.line)}</bdi></h1>
<section id="copies-section" aria-labelledby="copies">
<h2 id="copies">Copies</h2>
${copies.length === 0 ? html`<p>None: no other article has its number or nearly its body.</p>` : copiesList(copies)}
</section>`;
}

/**
 * The body's lines as paragraphs (blank ones dropped), with the ranges found in the whole body,
 * so that a phrase matched across a line break is marked on both sides of it.
 */
function paragraphs(body: string, ranges: ReadonlyArray<[number, number]>): SafeHtml[] {
  const out: SafeHtml[] = [];
  let start = 0;
  // The ranges are in order: each line takes those that reach into it, in one walk over them.
  let next = 0;
  for (const line of body.split("\n")) {
    const end = start + line.length;
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    const textEnd = start + text.length;
    while (next < ranges.length && ranges[next]![1] <= start) next++;
    const inLine: Array<[number, number]> = [];
    for (let at = next; at < ranges.length && ranges[at]![0] < textEnd; at++) {
      const [from, to] = ranges[at]!;
      if (to > start) inLine.push([Math.max(from, start) - start, Math.min(to, textEnd) - start]);
    }
    if (text.trim() !== "") out.push(html`<p ${textDirection(text)}>${markedText(text, inLine)}</p>`);
    start = end + 1;
  }
  return out;
}

function factList(record: ArticleRecord, marked: ((field: MarkedField, text: string) => SafeHtml) | null): SafeHtml {
  const row = (term: string, value: SafeHtml | string) => html`<dt>${term}</dt><dd>${value}</dd>`;
  const rows = [
    row("Agency", record.agency === null ? "—" : html`<span ${textDirection(record.agency)}>${marked === null ? record.agency : marked("agency", record.agency)}</span>`),
    row("Published", record.published === null ? "—" : html`<time datetime="${record.published}">${readablePublished(record.published)}</time>`),
    row("Desk", record.desk === null ? "—" : html`<span ${textDirection(record.desk)}>${record.desk}</span>`),
    row("Number", record.id === null ? "—" : html`<bdi>${record.id}</bdi>`),
    row("Place", html`<span class="file" dir="ltr">${placeLabel(record.file, record.line)}</span>`),
    row("Warnings", record.warnings.length === 0 ? "none" : html`<span class="warnings">${record.warnings.join(", ")}</span>`),
  ];
  return html`<dl class="facts" aria-labelledby="facts">${rows}</dl>`;
}

function copiesList(copies: readonly CopyLink[]): SafeHtml {
  const items = copies.map(
    (copy) => html`<li><a href="${articleHref(copy.file, copy.line)}" ${textDirection(copy.headline)}>${copy.headline ?? "(no headline)"}</a>
<span class="meta">${copy.reason === "number" ? "the same number" : "nearly the same body"}${copy.isKept ? "; the copy kept by dedup (the earliest)" : ""}${copy.published === null ? "" : html`; <time datetime="${copy.published}">${readablePublished(copy.published)}</time>`}; <span class="file" dir="ltr">${placeLabel(copy.file, copy.line)}</span></span></li>`,
  );
  return html`<ul aria-labelledby="copies">${items}</ul>`;
}

// The article page: the whole record for reading, right to left where it is Arabic, with the body
// in its paragraphs at a readable width; the words a search matched marked in every field the
// search looked at; the facts (agency, date, desk, number, place, warnings); and the way to its
// copies, with the page that lists them. The page is made on an index worker, where the article
// is read; at most MOST_MARKED_MATCHES matches are marked, and the page says when there are more.

import { matchRanges } from "../core/match-ranges.js";
import type { ParsedQuery } from "../core/query.js";
import type { ArticleRecord } from "../core/record.js";
import { type MatchOptions, positiveTerms } from "../core/search-match.js";
import type { ArticleAnswer, CopyLink } from "../app/collection-reader.js";
import { html, markedText, type SafeHtml, textDirection } from "./html.js";
import { articleHref, articleParameters, copiesHref, placeLabel, placeText, quoted } from "./page-links.js";
import { page } from "./page-layout.js";
import { type PageRequest, searchParameters } from "./page-requests.js";
import { literal, type Words } from "./words.js";

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
export function articlePageText(words: Words, answer: ArticleAnswer, request: PageRequest | null, indexName: string): string {
  const { record } = answer;
  const search: MarkedSearch | null = request === null || request.query === null || positiveTerms(request.query).length === 0 ? null : { text: request.text, query: request.query, matchOptions: request.matchOptions, request };
  const title = record.headline ?? `${record.file}:${record.line}`;
  const jsonHref = words.href("/article.json", new URLSearchParams({ file: record.file, line: String(record.line) }));
  const here = { path: "/article", parameters: articleParameters(record.file, record.line, search?.request) };
  return page(words, { title, section: "article", indexName, jsonHref, here }, articleContent(words, answer, search));
}

function articleContent(words: Words, answer: ArticleAnswer, search: MarkedSearch | null): SafeHtml {
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
  const back = search === null ? "" : html`<p class="back"><a href="${words.href("/", searchParameters(search.request))}">${words.say("article.back", { query: quoted(words, search.text) })}</a></p>`;
  const headline = record.headline === null ? words.say("results.no-headline") : marked("headline", record.headline);
  const subheadline = record.subheadline === null ? "" : html`<p class="subheadline" ${textDirection(record.subheadline)}>${marked("subheadline", record.subheadline)}</p>`;
  const lead = record.lead === null ? "" : html`<p class="lead" ${textDirection(record.lead)}>${marked("lead", record.lead)}</p>`;
  const body = paragraphs(record.body, rangesIn("body", record.body));
  const facts = factList(words, record, search === null ? null : marked);
  const cut = isMarkingCut ? html`<p class="notice" role="note">${words.say("article.marks-cut", { most: MOST_MARKED_MATCHES })}</p>` : "";
  return html`${back}
${answer.isShadowed ? html`<p class="notice" role="note">${words.say("article.shadowed")}</p>` : ""}
${cut}
<article class="record" ${textDirection(record.headline ?? record.body)}>
<h1 ${textDirection(record.headline)}>${headline}</h1>
${subheadline}
${lead}
<div class="body">${body}</div>
</article>
<h2 id="facts">${words.say("article.facts")}</h2>
${facts}
<section id="copies-section" aria-labelledby="copies">
<h2 id="copies">${words.say("article.copies")}</h2>
<p>${words.say("article.copies-how", { link: html`<a href="${copiesHref(words, record.file, record.line)}" data-copies>${words.say("article.look-for-copies")}</a>`, dedup: literal("newsctl dedup") })}</p>
</section>`;
}

/** The copies page: the article's copies, found when asked for (the article page does not wait for them). */
export function copiesContent(words: Words, answer: ArticleAnswer, copies: readonly CopyLink[]): SafeHtml {
  const { record } = answer;
  return html`<p class="back"><a href="${articleHref(words, record.file, record.line)}">${words.say("copies.back")}</a></p>
<h1>${words.say("copies.title", { headline: record.headline ?? placeLabel(record.file, record.line) })}</h1>
<section id="copies-section" aria-labelledby="copies">
<h2 id="copies">${words.say("article.copies")}</h2>
${copies.length === 0 ? html`<p>${words.say("copies.none")}</p>` : copiesList(words, copies)}
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

function factList(words: Words, record: ArticleRecord, marked: ((field: MarkedField, text: string) => SafeHtml) | null): SafeHtml {
  const row = (term: SafeHtml, value: SafeHtml | string) => html`<dt>${term}</dt><dd>${value}</dd>`;
  const none = words.say("site.none");
  const rows = [
    row(words.say("article.agency"), record.agency === null ? none : html`<span ${textDirection(record.agency)}>${marked === null ? record.agency : marked("agency", record.agency)}</span>`),
    row(words.say("article.published"), record.published === null ? none : html`<time datetime="${record.published}">${words.published(record.published)}</time>`),
    row(words.say("article.desk"), record.desk === null ? none : html`<span ${textDirection(record.desk)}>${record.desk}</span>`),
    row(words.say("article.number"), record.id === null ? none : html`<bdi>${record.id}</bdi>`),
    row(words.say("article.place"), placeText(record.file, record.line)),
    row(words.say("article.warnings"), record.warnings.length === 0 ? words.say("article.no-warnings") : html`<span class="warnings" dir="ltr" translate="no">${record.warnings.join(", ")}</span>`),
  ];
  return html`<dl class="facts" aria-labelledby="facts">${rows}</dl>`;
}

function copiesList(words: Words, copies: readonly CopyLink[]): SafeHtml {
  const separator = words.say("site.separator");
  const items = copies.map((copy) => {
    const facts = [
      words.say(copy.reason === "number" ? "copies.same-number" : "copies.same-body"),
      copy.isKept ? words.say("copies.kept", { dedup: literal("dedup") }) : null,
      copy.published === null ? null : html`<time datetime="${copy.published}">${words.published(copy.published)}</time>`,
      placeText(copy.file, copy.line),
    ].filter((fact) => fact !== null);
    return html`<li><a href="${articleHref(words, copy.file, copy.line)}" ${textDirection(copy.headline)}>${copy.headline ?? words.say("results.no-headline")}</a>
<span class="meta">${facts.map((fact, index) => html`${index === 0 ? "" : separator}${fact}`)}</span></li>`;
  });
  return html`<ul aria-labelledby="copies">${items}</ul>`;
}

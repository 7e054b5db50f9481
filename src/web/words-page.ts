// The word page: `newsctl words --db` as a page, the collection's frequency list or the words
// distinctive of a query's articles (G² and log ratio against the rest), ranked, each with a
// bar of its count (or G²), a link to its search and one to the words near it.

import type { WordRow } from "../core/word-frequencies.js";
import { analysesLinks, downloadLinks, searchHref } from "./analysis-links.js";
import { type WordsPageRequest, wordsParameters } from "./analysis-page-requests.js";
import { html, type SafeHtml, textDirection } from "./html.js";
import { quoted } from "./page-links.js";
import { narrowingParameters } from "./page-requests.js";
import { literal, type Words } from "./words.js";

export function wordsContent(words: Words, request: WordsPageRequest, answer: { rows: WordRow[]; matchCount: number }): SafeHtml {
  const isAgainstRest = request.words.query !== null;
  const query = quoted(words, request.text);
  const heading = isAgainstRest ? words.say("words.heading-query", { query }) : words.say("words.heading");
  const summary = isAgainstRest ? words.sayCount("words.distinctive", answer.matchCount, { query, g2: literal("G²") }) : words.sayCount("words.collection", answer.matchCount);
  const barOf = (row: WordRow) => (isAgainstRest ? (row.g2 ?? 0) : row.count);
  const most = Math.max(1e-9, ...answer.rows.map(barOf));
  const heads = (names: SafeHtml[]) => names.map((name) => html`<th scope="col">${name}</th>`);
  const number = (value: number, decimals = 0) => html`<td class="number">${words.number(Number(value.toFixed(decimals)))}</td>`;
  const rows = answer.rows.map((row) => {
    const near = words.href("/collocates", narrowingParameters(request, new URLSearchParams({ w: row.word })));
    return html`<tr${row.is_query ? html` class="query-word"` : ""}><td class="word"><a href="${searchHref(words, row.word, request)}" ${textDirection(row.word)}>${row.word}</a>${row.is_query ? html`<span class="visually-hidden"> ${words.say("words.query-word")}</span>` : ""} <a class="near" href="${near}">${words.say("words.near")}</a></td>${number(row.count)}${number(row.articles)}${isAgainstRest ? html`${number(row.g2 ?? 0, 2)}${number(row.log_ratio ?? 0, 2)}` : ""}<td class="bar-cell">${bar(words, barOf(row) / most)}</td></tr>`;
  });
  return html`<h1>${heading}</h1>
<p class="summary">${summary}</p>
${
  answer.rows.length === 0
    ? html`<p>${words.say("words.none")}</p>`
    : html`<table class="figures ranked"><thead><tr>${heads([words.say("words.word"), words.say("words.count"), words.say("words.articles"), ...(isAgainstRest ? [literal("G²"), words.say("words.log-ratio")] : [])])}<td class="bar-cell"></td></tr></thead>
<tbody>${rows}</tbody></table>`
}
${isAgainstRest ? analysesLinks(words, request.text, request) : ""}
${downloadLinks(words, "/words", wordsParameters(request), wordsParameters(request))}`;
}

/** A bar of `fraction` of the cell's width, from the side the page starts at (SVG: no inline style). */
export function bar(words: Words, fraction: number): SafeHtml {
  const width = Math.max(0.5, Math.min(100, fraction * 100));
  const x = words.direction === "rtl" ? 100 - width : 0;
  return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect x="${x.toFixed(1)}" y="0" width="${width.toFixed(1)}" height="10"/></svg>`;
}

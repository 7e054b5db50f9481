// The collocates page: `newsctl collocates --db` as a page, the words within a window of a word
// ranked by logDice, MI or how often they are near it (a link each), with a bar of the measure
// ranked by, each word linking to the search for both words and to the words near it in turn.

import type { CollocateRow } from "../core/collocations.js";
import { choiceLinks, downloadLinks, searchHref } from "./analysis-links.js";
import { type CollocatesPageRequest, collocatesParameters } from "./analysis-page-requests.js";
import { html, type SafeHtml, textDirection } from "./html.js";
import { quoted } from "./page-links.js";
import { narrowingParameters } from "./page-requests.js";
import { literal, type Words } from "./words.js";
import { bar } from "./words-page.js";

export function collocatesContent(words: Words, request: CollocatesPageRequest, answer: { rows: CollocateRow[]; occurrences: number }): SafeHtml {
  const { measure, window, minTogether } = request.collocates;
  const word = quoted(words, request.text);
  const names = { logdice: literal("logDice"), mi: literal("MI"), together: words.say("collocates.together") };
  const measures = (["logdice", "mi", "together"] as const).map((choice) => ({ label: names[choice], href: words.href("/collocates", collocatesParameters(request, choice)), isCurrent: choice === measure }));
  const rankedValue = (row: CollocateRow) => row[measure];
  const most = Math.max(1e-9, ...answer.rows.map(rankedValue));
  const least = Math.min(0, ...answer.rows.map(rankedValue));
  const number = (value: number, decimals = 0) => html`<td class="number">${words.number(Number(value.toFixed(decimals)))}</td>`;
  const rows = answer.rows.map((row) => {
    const near = words.href("/collocates", narrowingParameters(request, new URLSearchParams({ w: row.word })));
    return html`<tr><td class="word"><a href="${searchHref(words, `${request.text} ${row.word}`, request)}" ${textDirection(row.word)}>${row.word}</a> <a class="near" href="${near}">${words.say("words.near")}</a></td>${number(row.together)}${number(row.count)}${number(row.logdice, 2)}${number(row.mi, 2)}<td class="bar-cell">${bar(words, (rankedValue(row) - least) / (most - least))}</td></tr>`;
  });
  const heads = [words.say("collocates.word"), names.together, words.say("collocates.count"), names.logdice, names.mi].map((name) => html`<th scope="col">${name}</th>`);
  return html`<h1>${words.say("collocates.heading", { word })}</h1>
<p class="summary">${words.sayCount("collocates.summary", answer.occurrences, { word, window, least: minTogether })}</p>
${choiceLinks(words, "collocates.measure", measures)}
${
  answer.rows.length === 0
    ? html`<p>${words.say("collocates.none")}</p>`
    : html`<table class="figures ranked"><thead><tr>${heads}<td class="bar-cell"></td></tr></thead>
<tbody>${rows}</tbody></table>`
}
${downloadLinks(words, "/collocates", collocatesParameters(request), collocatesParameters(request))}`;
}

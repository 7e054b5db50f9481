// The statistics page: `newsctl stats --db` as a page, with the articles per day or month drawn
// as a chart and every figure also in tables (which a screen reader reads row by row), in the
// page's language and digits.

import type { CollectionSummary } from "../core/collection-summary.js";
import { html, type SafeHtml, textDirection } from "./html.js";
import { barChart, chartBars } from "./stats-chart.js";
import type { Words } from "./words.js";

export function statsContent(words: Words, summary: CollectionSummary): SafeHtml {
  const { unit, bars } = chartBars(summary.byDay);
  const number = (value: number) => html`<td class="number">${words.number(value)}</td>`;
  const time = (published: string) => html`<time datetime="${published}">${words.published(published)}</time>`;
  const span = summary.firstPublished === null || summary.lastPublished === null ? "" : words.say("stats.span", { first: time(summary.firstPublished), last: time(summary.lastPublished) });
  const undated = summary.undated > 0 ? words.say("stats.undated", { articles: words.sayCount("count.articles", summary.undated) }) : "";
  const period = (label: string) => (unit === "day" ? words.day(label) : words.month(label));
  const heading = (key: Parameters<Words["say"]>[0]) => html`<th scope="col">${words.say(key)}</th>`;
  const none = words.say("site.none");
  return html`<h1>${words.say("stats.title")}</h1>
<p class="summary">${words.sayCount("count.articles", summary.articles)}${span}${undated}${words.say("stats.end")}</p>
<h2 id="per-period">${words.say(unit === "day" ? "stats.per-day" : "stats.per-month")}</h2>
<figure class="chart" aria-labelledby="per-period">${barChart(words, bars, unit)}</figure>
<details><summary>${words.say(unit === "day" ? "stats.figures-day" : "stats.figures-month")}</summary>
<table class="figures"><thead><tr>${heading(unit === "day" ? "stats.day" : "stats.month")}${heading("stats.articles")}</tr></thead>
<tbody>${bars.map((bar) => html`<tr><td><time datetime="${bar.label}">${period(bar.label)}</time></td>${number(bar.articles)}</tr>`)}</tbody></table>
</details>
<h2 id="agencies">${words.say("stats.agencies")}</h2>
<table class="figures" aria-labelledby="agencies"><thead><tr>${heading("stats.agency")}${heading("stats.articles")}${heading("stats.numbers")}${heading("stats.missing-numbers")}</tr></thead>
<tbody>${summary.byAgency.map(
    (agency) =>
      html`<tr><td ${textDirection(agency.agency)}>${agency.agency ?? words.say("facets.no-agency")}</td>${number(agency.articles)}<td>${words.say("stats.number-range", { first: html`<bdi>${agency.firstNumber ?? none}</bdi>`, last: html`<bdi>${agency.lastNumber ?? none}</bdi>` })}</td>${number(agency.missingNumbers)}</tr>`,
  )}</tbody></table>
<h2 id="reused">${words.say("stats.reused")}</h2>
${
  summary.reusedNumbers.length === 0
    ? html`<p>${words.say("stats.none")}</p>`
    : html`<table class="figures" aria-labelledby="reused"><thead><tr>${heading("stats.number")}${heading("stats.articles")}${heading("stats.bodies")}</tr></thead>
<tbody>${summary.reusedNumbers.slice(0, 200).map((reused) => html`<tr><td><bdi>${reused.id}</bdi></td>${number(reused.articles)}${number(reused.bodies)}</tr>`)}</tbody></table>`
}
<h2 id="warnings">${words.say("stats.warnings")}</h2>
${
  Object.keys(summary.warnings).length === 0
    ? html`<p>${words.say("stats.none")}</p>`
    : html`<table class="figures" aria-labelledby="warnings"><thead><tr>${heading("stats.warning")}${heading("stats.articles")}</tr></thead>
<tbody>${Object.entries(summary.warnings).map(([code, count]) => html`<tr><td><code dir="ltr" translate="no">${code}</code></td>${number(count)}</tr>`)}</tbody></table>`
}`;
}

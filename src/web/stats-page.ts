// The statistics page: `newsctl stats --db` as a page, with the articles per day or month drawn
// as a chart and every figure also in tables (which a screen reader reads row by row).

import type { CollectionSummary } from "../core/collection-summary.js";
import { readablePublished } from "../core/dates.js";
import { html, type SafeHtml, textDirection } from "./html.js";
import { countOf } from "./page-links.js";
import { barChart, chartBars } from "./stats-chart.js";

export function statsContent(summary: CollectionSummary): SafeHtml {
  const { unit, bars } = chartBars(summary.byDay);
  const number = (value: number) => html`<td class="number">${value.toLocaleString("en-US")}</td>`;
  const span =
    summary.firstPublished === null || summary.lastPublished === null ? "" : html`, published from <time datetime="${summary.firstPublished}">${readablePublished(summary.firstPublished)}</time> to <time datetime="${summary.lastPublished}">${readablePublished(summary.lastPublished)}</time>`;
  return html`<h1>Statistics</h1>
<p class="summary">${countOf(summary.articles, "article")}${span}${summary.undated > 0 ? html`; ${countOf(summary.undated, "article")} undated` : ""}.</p>
<h2 id="per-period">Articles per ${unit}</h2>
<figure class="chart" aria-labelledby="per-period">${barChart(bars, unit)}</figure>
<details><summary>The figures per ${unit}</summary>
<table class="figures"><thead><tr><th scope="col">${unit === "day" ? "Day" : "Month"}</th><th scope="col">Articles</th></tr></thead>
<tbody>${bars.map((bar) => html`<tr><td>${bar.label}</td>${number(bar.articles)}</tr>`)}</tbody></table>
</details>
<h2 id="agencies">Agencies</h2>
<table class="figures" aria-labelledby="agencies"><thead><tr><th scope="col">Agency</th><th scope="col">Articles</th><th scope="col">Numbers</th><th scope="col">Missing numbers</th></tr></thead>
<tbody>${summary.byAgency.map(
    (agency) =>
      html`<tr><td ${textDirection(agency.agency)}>${agency.agency ?? "(no agency)"}</td>${number(agency.articles)}<td><bdi>${agency.firstNumber ?? "—"}</bdi> to <bdi>${agency.lastNumber ?? "—"}</bdi></td>${number(agency.missingNumbers)}</tr>`,
  )}</tbody></table>
<h2 id="reused">Numbers used for different articles</h2>
${
  summary.reusedNumbers.length === 0
    ? html`<p>None.</p>`
    : html`<table class="figures" aria-labelledby="reused"><thead><tr><th scope="col">Number</th><th scope="col">Articles</th><th scope="col">Different bodies</th></tr></thead>
<tbody>${summary.reusedNumbers.slice(0, 200).map((reused) => html`<tr><td><bdi>${reused.id}</bdi></td>${number(reused.articles)}${number(reused.bodies)}</tr>`)}</tbody></table>`
}
<h2 id="warnings">Warnings</h2>
${
  Object.keys(summary.warnings).length === 0
    ? html`<p>None.</p>`
    : html`<table class="figures" aria-labelledby="warnings"><thead><tr><th scope="col">Warning</th><th scope="col">Articles</th></tr></thead>
<tbody>${Object.entries(summary.warnings).map(([code, count]) => html`<tr><td><code>${code}</code></td>${number(count)}</tr>`)}</tbody></table>`
}`;
}

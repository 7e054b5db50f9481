// The trend page: how many articles match each query per period (and agency), as
// `newsctl trend --db` counts them, drawn as a line chart (counts, or shares on a toggle) with
// a legend, and every figure in a table beneath, each period a link to the search narrowed to
// it. The unit, the split by agency and counts or shares are links, so it works without a script.

import type { PeriodUnit } from "../core/periods.js";
import { periodDays } from "../core/periods.js";
import type { TrendSeries } from "../core/trend-tally.js";
import { analysesLinks, choiceLinks, downloadLinks, periodName, searchHref } from "./analysis-links.js";
import { type TrendPageRequest, trendParameters } from "./analysis-page-requests.js";
import { html, type SafeHtml, textDirection } from "./html.js";
import { quoted } from "./page-links.js";
import { type ChartLine, lineChart, SERIES_COLOURS, shareText } from "./trend-chart.js";
import type { Words } from "./words.js";

/** Lines the chart draws at most (those with the most matches); the table holds every one. */
const MOST_CHART_LINES = 12;
/** The table of figures is open when it has at most this many rows (else a click away). */
const MOST_OPEN_ROWS = 120;

type TrendRow = TrendSeries["rows"][number];

export function trendContent(words: Words, request: TrendPageRequest, series: TrendSeries): SafeHtml {
  const unit = series.unit;
  const periods = [...new Set(series.rows.map((row) => row.period))];
  const lines = chartLines(words, request, series, periods);
  const drawn = [...lines].sort((a, b) => b.matches - a.matches).slice(0, MOST_CHART_LINES);
  const drawnLines = lines.filter((line) => drawn.includes(line));
  const names = periods.map((period) => periodName(words, period, unit));
  const unitName = words.text(`trend.${unit}`);
  const most = Math.max(0, ...series.rows.map((row) => (request.isShowingShare ? row.share : row.matches)));
  const chart = lineChart(words, {
    periods: names,
    lines: drawnLines.map((line) => line.chart),
    isShowingShare: request.isShowingShare,
    title: words.say(request.isShowingShare ? "trend.chart-shares" : "trend.chart-counts", { unit: unitName }),
    description: words.sayCount("trend.chart-description", periods.length, { first: names[0] ?? "", last: names.at(-1) ?? "", most: request.isShowingShare ? shareText(words, most) : words.number(most) }),
  });
  const first = request.trend.queries[0]!.text;
  const heading = quoted(words, request.trend.queries.map((query) => query.text).join(" · "));
  const summary = series.queries.map((query, q) => html`<li>${words.sayCount("trend.matches", series.matchCounts[q]!, { query: quoted(words, query) })}</li>`);
  return html`<h1>${words.say("trend.heading", { query: heading })}</h1>
<ul class="summary-list">${summary}</ul>
${series.undated > 0 ? html`<p class="meta">${words.sayCount("trend.undated", series.undated)}</p>` : ""}
${trendChoices(words, request, unit)}
${
  periods.length === 0
    ? html`<p>${words.say("analyses.none", { query: quoted(words, first) })}</p>`
    : html`<figure class="chart trend-chart" aria-labelledby="trend-heading"><figcaption id="trend-heading" class="visually-hidden">${words.say(request.isShowingShare ? "trend.chart-shares" : "trend.chart-counts", { unit: unitName })}</figcaption>${chart}</figure>
${drawnLines.length < lines.length ? html`<p class="meta">${words.say("trend.chart-cut", { most: MOST_CHART_LINES })}</p>` : ""}
<h2 id="trend-legend">${words.say("trend.legend")}</h2>
<ul class="legend" aria-labelledby="trend-legend">${drawnLines.map((line, index) => html`<li><span class="swatch series-${index % SERIES_COLOURS}" aria-hidden="true"></span>${line.legend}</li>`)}</ul>
${figuresTable(words, request, series, periods.length)}`
}
${analysesLinks(words, first, request)}
${downloadLinks(words, "/trend", trendParameters(request, false), trendParameters(request, false))}`;
}

interface TrendLine {
  chart: ChartLine;
  legend: SafeHtml;
  matches: number;
}

/** One line per query (and agency), its points in the order of the periods. */
function chartLines(words: Words, request: TrendPageRequest, series: TrendSeries, periods: readonly string[]): TrendLine[] {
  const lines = new Map<string, TrendLine>();
  const slotOf = new Map(periods.map((period, slot) => [period, slot]));
  for (const row of series.rows) {
    const key = JSON.stringify([row.query, row.agency ?? null]);
    let line = lines.get(key);
    if (line === undefined) {
      const name = row.agency === undefined ? row.query : words.text("trend.series-agency", { query: row.query, agency: row.agency ?? words.text("facets.no-agency") });
      const legend = row.agency === undefined ? quoted(words, row.query) : words.say("trend.series-agency", { query: quoted(words, row.query), agency: row.agency === null ? words.say("facets.no-agency") : html`<bdi ${textDirection(row.agency)}>${row.agency}</bdi>` });
      line = { chart: { name, points: [] }, legend, matches: 0 };
      lines.set(key, line);
    }
    line.chart.points[slotOf.get(row.period)!] = { matches: row.matches, total: row.total, share: row.share, href: periodSearch(words, request, row, series.unit) };
    line.matches += row.matches;
  }
  return [...lines.values()];
}

/** The search for the row's query, narrowed to its period (within the page's own dates) and agency. */
function periodSearch(words: Words, request: TrendPageRequest, row: TrendRow, unit: PeriodUnit): string {
  const { first, last } = periodDays(row.period, unit);
  const since = request.since !== "" && request.since > first ? request.since : first;
  const until = request.until !== "" && request.until.slice(0, 10) < last ? request.until : last;
  const agencies = row.agency === undefined || row.agency === null ? request.agencies : [row.agency];
  return searchHref(words, row.query, { ...request, agencies }, { since, until });
}

function trendChoices(words: Words, request: TrendPageRequest, unit: PeriodUnit): SafeHtml {
  const withChange = (change: (parameters: URLSearchParams) => void) => {
    const parameters = trendParameters(request);
    change(parameters);
    return words.href("/trend", parameters);
  };
  const units = (["day", "week", "month", "year"] as const).map((choice) => ({ label: words.say(`trend.${choice}`), href: withChange((parameters) => parameters.set("by", choice)), isCurrent: choice === unit }));
  const show = [
    { label: words.say("trend.counts"), href: withChange((parameters) => parameters.delete("show")), isCurrent: !request.isShowingShare },
    { label: words.say("trend.shares"), href: withChange((parameters) => parameters.set("show", "share")), isCurrent: request.isShowingShare },
  ];
  const split = [
    { label: words.say("trend.together"), href: withChange((parameters) => parameters.delete("split")), isCurrent: !request.trend.isSplitByAgency },
    { label: words.say("trend.apart"), href: withChange((parameters) => parameters.set("split", "agency")), isCurrent: request.trend.isSplitByAgency },
  ];
  return html`<div class="choice-rows">${choiceLinks(words, "trend.by", units)}${choiceLinks(words, "trend.show", show)}${choiceLinks(words, "trend.split", split)}</div>`;
}

function figuresTable(words: Words, request: TrendPageRequest, series: TrendSeries, periodCount: number): SafeHtml {
  const isSplit = request.trend.isSplitByAgency;
  const hasQueryColumn = series.queries.length > 1;
  const heading = (key: Parameters<Words["say"]>[0]) => html`<th scope="col">${words.say(key)}</th>`;
  const number = (value: string) => html`<td class="number">${value}</td>`;
  const rows = series.rows.map(
    (row) =>
      html`<tr><td><a href="${periodSearch(words, request, row, series.unit)}">${periodName(words, row.period, series.unit)}</a></td>${hasQueryColumn ? html`<td><bdi ${textDirection(row.query)}>${row.query}</bdi></td>` : ""}${isSplit ? html`<td ${textDirection(row.agency)}>${row.agency ?? words.say("facets.no-agency")}</td>` : ""}${number(words.number(row.matches))}${number(words.number(row.total))}${number(shareText(words, row.share))}</tr>`,
  );
  const isOpen = series.rows.length <= MOST_OPEN_ROWS && periodCount > 0;
  return html`<details class="figures"${isOpen ? html` open` : ""}><summary>${words.say("trend.figures")}</summary>
<table class="figures trend-figures"><thead><tr>${heading("trend.period")}${hasQueryColumn ? heading("trend.query") : ""}${isSplit ? heading("trend.agency") : ""}${heading("trend.matches-column")}${heading("trend.total")}${heading("trend.share")}</tr></thead>
<tbody>${rows}</tbody></table>
</details>`;
}

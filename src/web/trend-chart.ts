// A trend drawn by the server as an SVG line chart: one line per query (and agency), a point
// per period that links to the search narrowed to that period and whose title holds the
// period and its figures (the line's name labels its group), the count's (or share's) axis, and labels along the time axis. No
// script and no inline style (the Content-Security-Policy allows neither): colours come from
// the style sheet's classes. In Arabic time runs from right to left, as on the statistics
// chart (stats-chart.ts; docs/serve.md says why).

import { html, type SafeHtml } from "./html.js";
import type { Words } from "./words.js";

const WIDTH = 960;
const HEIGHT = 340;
const MARGIN = { top: 28, right: 72, bottom: 30, left: 72 };
/** Colours the style sheet gives lines (series-0 …); more lines take them again. */
export const SERIES_COLOURS = 8;

/** One line of the chart, and per period the point's figures and link. */
export interface ChartLine {
  /** What the legend and the points' titles call it (a query, or a query in an agency). */
  name: string;
  points: Array<{ matches: number; total: number; share: number; href: string }>;
}

interface TrendChart {
  /** The periods' names, in order of time. */
  periods: readonly string[];
  lines: readonly ChartLine[];
  isShowingShare: boolean;
  /** The chart's title and its description for screen readers. */
  title: SafeHtml;
  description: SafeHtml;
}

/** A share as the pages write it: a percentage with up to two decimals. */
export function shareText(words: Words, share: number): string {
  return `${words.number(Math.round(share * 10_000) / 100)}%`;
}

export function lineChart(words: Words, chart: TrendChart): SafeHtml {
  const isMirrored = words.direction === "rtl";
  const margin = isMirrored ? { ...MARGIN, left: MARGIN.right, right: MARGIN.left } : MARGIN;
  const plotWidth = WIDTH - margin.left - margin.right;
  const plotHeight = HEIGHT - margin.top - margin.bottom;
  const pointValue = (point: ChartLine["points"][number]) => (chart.isShowingShare ? point.share : point.matches);
  const most = Math.max(...chart.lines.flatMap((line) => line.points.map(pointValue)), chart.isShowingShare ? 0.0001 : 1);
  const count = chart.periods.length;
  // Points stand at the periods' middles; in Arabic the first period is at the right.
  const step = plotWidth / Math.max(1, count);
  const xOf = (index: number) => (isMirrored ? margin.left + plotWidth - (index + 0.5) * step : margin.left + (index + 0.5) * step);
  const yOf = (value: number) => margin.top + plotHeight - (value / most) * plotHeight;
  const figure = (value: number) => (chart.isShowingShare ? shareText(words, value) : words.number(value));
  const lines = chart.lines.map((line, index) => {
    const colour = `series-${index % SERIES_COLOURS}`;
    const path = line.points.map((point, slot) => `${xOf(slot).toFixed(1)},${yOf(pointValue(point)).toFixed(1)}`).join(" ");
    const points = line.points.map((point, slot) => {
      const title = words.text("trend.point", { period: chart.periods[slot]!, matches: words.number(point.matches), total: words.number(point.total), share: shareText(words, point.share) });
      return html`<a href="${point.href}"><circle class="hit" cx="${xOf(slot).toFixed(1)}" cy="${yOf(pointValue(point)).toFixed(1)}" r="12"/><circle class="point ${colour}" cx="${xOf(slot).toFixed(1)}" cy="${yOf(pointValue(point)).toFixed(1)}" r="${count > 120 ? 2.5 : 4}"><title>${title}</title></circle></a>`;
    });
    // The line's name (the visitor's words, the dump's agency) labels its group, not the points'
    // titles: a title is plain text, where it could not be set apart from the page's words.
    return html`<g class="series" role="group" aria-label="${line.name}"><polyline class="line ${colour}" points="${path}"/>${points}</g>`;
  });
  // Few labels: on a phone the chart is a third of its width, and a week or a day takes room.
  const labelEvery = Math.max(1, Math.ceil(count / 3));
  // The first label runs inward from its point, and so does a last one near the far edge
  // (text-anchor follows the text's direction, so this holds in either language).
  const anchorOf = (index: number) => (index === 0 ? "start" : index + labelEvery >= count ? "end" : "middle");
  const labels = chart.periods.map((period, index) => (index % labelEvery === 0 ? html`<text x="${xOf(index).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="${anchorOf(index)}"${anchorOf(index) === "middle" ? html` class="inner-label"` : ""}>${period}</text>` : ""));
  const axisX = isMirrored ? WIDTH - margin.right : margin.left;
  const figureX = isMirrored ? axisX + 6 : axisX - 6;
  return html`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="trend-chart-title trend-chart-description" xmlns="http://www.w3.org/2000/svg">
<title id="trend-chart-title">${chart.title}</title>
<desc id="trend-chart-description">${chart.description}</desc>
<line class="axis" x1="${margin.left}" y1="${margin.top + plotHeight}" x2="${WIDTH - margin.right}" y2="${margin.top + plotHeight}"/>
<line class="axis" x1="${axisX}" y1="${margin.top}" x2="${axisX}" y2="${margin.top + plotHeight}"/>
<line class="grid" x1="${margin.left}" y1="${margin.top}" x2="${WIDTH - margin.right}" y2="${margin.top}"/>
<text x="${figureX}" y="${margin.top + 4}" text-anchor="end">${figure(most)}</text>
<text x="${figureX}" y="${margin.top + plotHeight}" text-anchor="end">${figure(0)}</text>
${lines}
${labels}
</svg>`;
}

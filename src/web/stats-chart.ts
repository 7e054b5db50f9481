// The articles per day (or, over a longer span, per month) as a bar chart drawn by the server in
// SVG: no script, no style outside the page's style sheet, and a title and description for
// screen readers (the page also lists the figures in a table).

import { html, type SafeHtml } from "./html.js";
import type { Words } from "./words.js";

/** Beyond this many days the chart counts months. */
const MOST_DAY_BARS = 62;
const WIDTH = 960;
const HEIGHT = 240;
const MARGIN = { top: 24, right: 8, bottom: 28, left: 56 };

interface ChartBar {
  /** YYYY-MM-DD or YYYY-MM. */
  label: string;
  articles: number;
}

/**
 * Bars per day from the first day to the last, or per month when that is more than
 * MOST_DAY_BARS days; days and months without articles are bars of 0, so that the axis is time.
 */
export function chartBars(byDay: ReadonlyArray<{ day: string; articles: number }>): { unit: "day" | "month"; bars: ChartBar[] } {
  if (byDay.length === 0) return { unit: "day", bars: [] };
  const counts = new Map(byDay.map(({ day, articles }) => [day, articles]));
  const first = Date.parse(`${byDay[0]!.day}T00:00:00Z`);
  const last = Date.parse(`${byDay.at(-1)!.day}T00:00:00Z`);
  const days = Math.round((last - first) / DAY_MS) + 1;
  if (days <= MOST_DAY_BARS) {
    return { unit: "day", bars: Array.from({ length: days }, (_, k) => dayOf(first + k * DAY_MS)).map((label) => ({ label, articles: counts.get(label) ?? 0 })) };
  }
  const months = new Map<string, number>();
  for (let month = byDay[0]!.day.slice(0, 7); month <= byDay.at(-1)!.day.slice(0, 7); month = nextMonth(month)) months.set(month, 0);
  for (const { day, articles } of byDay) months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + articles);
  return { unit: "month", bars: [...months.entries()].map(([label, articles]) => ({ label, articles })) };
}

const DAY_MS = 86_400_000;

function dayOf(millis: number): string {
  return new Date(millis).toISOString().slice(0, 10);
}

function nextMonth(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
}

/**
 * The bars drawn in SVG. In Arabic the chart is mirrored: time runs from right to left (the
 * first day at the right, where an Arabic reader's eye starts, as the page's tables and the
 * layout run) and the count's axis stands on the right; docs/serve.md says why.
 */
export function barChart(words: Words, bars: readonly ChartBar[], unit: "day" | "month"): SafeHtml {
  const isMirrored = words.direction === "rtl";
  const most = Math.max(1, ...bars.map((bar) => bar.articles));
  const margin = isMirrored ? { ...MARGIN, left: MARGIN.right, right: MARGIN.left } : MARGIN;
  const plotWidth = WIDTH - margin.left - margin.right;
  const plotHeight = HEIGHT - margin.top - margin.bottom;
  const step = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.max(1, step * 0.8);
  const labelEvery = Math.max(1, Math.ceil(bars.length / (unit === "day" ? 6 : 8)));
  // Where the bar of a day (or month) starts, from the plot's left edge, in either direction.
  const startOf = (index: number) => (isMirrored ? margin.left + plotWidth - (index + 1) * step : margin.left + index * step);
  const period = (label: string) => (unit === "day" ? words.day(label) : words.month(label));
  const rects = bars.map((bar, index) => {
    const height = (bar.articles / most) * plotHeight;
    const x = startOf(index) + (step - barWidth) / 2;
    return html`<rect class="bar" x="${x.toFixed(1)}" y="${(margin.top + plotHeight - height).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}"><title>${words.text("chart.bar", { period: period(bar.label), articles: words.number(bar.articles) })}</title></rect>`;
  });
  const labels = bars.map((bar, index) =>
    index % labelEvery === 0 ? html`<text x="${(startOf(index) + step / 2).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle">${period(bar.label)}</text>` : "",
  );
  const first = bars[0]?.label ?? "";
  const last = bars.at(-1)?.label ?? "";
  // The count's axis: at the plot's left edge, or its right when mirrored; its figures outside it.
  const axisX = isMirrored ? WIDTH - margin.right : margin.left;
  const figureX = isMirrored ? axisX + 6 : axisX - 6;
  // text-anchor follows the text's direction (the page's): "end" is the figures' side away from
  // the plot, "start" the title's side toward it, in either language.
  const anchor = "end";
  const description = words.sayCount(unit === "day" ? "chart.days" : "chart.months", bars.length, { first: period(first), last: period(last), most });
  return html`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-description" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">${words.say(unit === "day" ? "stats.per-day" : "stats.per-month")}</title>
<desc id="chart-description">${description}</desc>
<line class="axis" x1="${margin.left}" y1="${margin.top + plotHeight}" x2="${WIDTH - margin.right}" y2="${margin.top + plotHeight}"/>
<line class="axis" x1="${axisX}" y1="${margin.top}" x2="${axisX}" y2="${margin.top + plotHeight}"/>
<text class="axis-title" x="${axisX}" y="${margin.top - 4}" text-anchor="start">${words.say("chart.axis-articles")}</text>
<text x="${figureX}" y="${margin.top + 10}" text-anchor="${anchor}">${words.number(most)}</text>
<text x="${figureX}" y="${margin.top + plotHeight}" text-anchor="${anchor}">${words.number(0)}</text>
${rects}
${labels}
</svg>`;
}

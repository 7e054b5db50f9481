// The articles per day (or, over a longer span, per month) as a bar chart drawn by the server in
// SVG: no script, no style outside the page's style sheet, and a title and description for
// screen readers (the page also lists the figures in a table).

import { html, type SafeHtml } from "./html.js";

/** Beyond this many days the chart counts months. */
const MOST_DAY_BARS = 62;
const WIDTH = 960;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 8, bottom: 28, left: 48 };

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

export function barChart(bars: readonly ChartBar[], unit: "day" | "month"): SafeHtml {
  const most = Math.max(1, ...bars.map((bar) => bar.articles));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.max(1, step * 0.8);
  const labelEvery = Math.max(1, Math.ceil(bars.length / 8));
  const rects = bars.map((bar, index) => {
    const height = (bar.articles / most) * plotHeight;
    const x = MARGIN.left + index * step + (step - barWidth) / 2;
    return html`<rect class="bar" x="${x.toFixed(1)}" y="${(MARGIN.top + plotHeight - height).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}"><title>${bar.label}: ${bar.articles}</title></rect>`;
  });
  const labels = bars.map((bar, index) =>
    index % labelEvery === 0 ? html`<text x="${(MARGIN.left + index * step + step / 2).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle">${bar.label}</text>` : "",
  );
  const first = bars[0]?.label ?? "";
  const last = bars.at(-1)?.label ?? "";
  return html`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-description" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Articles per ${unit}</title>
<desc id="chart-description">${bars.length} ${unit}s from ${first} to ${last}; the most in one ${unit}: ${most}.</desc>
<line class="axis" x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${WIDTH - MARGIN.right}" y2="${MARGIN.top + plotHeight}"/>
<line class="axis" x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotHeight}"/>
<text x="${MARGIN.left - 6}" y="${MARGIN.top + 4}" text-anchor="end">${most}</text>
<text x="${MARGIN.left - 6}" y="${MARGIN.top + plotHeight}" text-anchor="end">0</text>
${rects}
${labels}
</svg>`;
}

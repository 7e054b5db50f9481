// `newsctl stats` for people: the collection's figures, and articles per agency and per day as
// bars when stdout is a terminal (plain counts into a pipe).

import type { CollectionSummary } from "../core/collection-summary.js";
import type { TextView } from "./environment.js";
import { toTerminalLine } from "./terminal-text.js";
import { displayWidth, truncateToWidth } from "./text-width.js";

const LABEL_WIDTH = 24;
const COUNT_WIDTH = 8;
/** Days listed one by one, at most; longer spans are shown by month. */
const MOST_DAYS = 62;
/** Ranges of missing numbers shown per agency (--json lists more). */
const GAPS_SHOWN = 3;

interface SummaryView extends TextView {
  /** Counts get bars scaled to the largest: on a terminal, not into a pipe. */
  hasBars: boolean;
}

export function formatSummary(summary: CollectionSummary, view: SummaryView): string {
  const { style } = view;
  const out: string[] = [];
  out.push(`${style.bold("articles")}  ${summary.articles}   undated ${summary.undated}`);
  if (summary.firstPublished !== null) out.push(`${style.bold("published")} ${summary.firstPublished} … ${summary.lastPublished}`);

  out.push("", style.bold("per agency"));
  const agencies = summary.byAgency.map((agency) => ({ label: agency.agency === null ? "(none)" : toTerminalLine(agency.agency), count: agency.articles }));
  out.push(...bars(agencies, view));

  const days = summary.byDay.length > MOST_DAYS ? byMonth(summary.byDay) : summary.byDay.map(({ day, articles }) => ({ label: day, count: articles }));
  out.push("", style.bold(summary.byDay.length > MOST_DAYS ? "per month" : "per day"));
  out.push(...bars(days, view));

  out.push("", style.bold("article numbers"));
  for (const agency of summary.byAgency) {
    if (agency.firstNumber === null) continue;
    const name = agency.agency === null ? "(none)" : toTerminalLine(agency.agency);
    const shown = agency.gaps.slice(0, GAPS_SHOWN);
    const gaps = shown.map((gap) => (gap.from === gap.to ? gap.from : `${gap.from}–${gap.to}`)).join(", ");
    const isMore = agency.gaps.length > shown.length || agency.missingNumbers > countMissing(shown);
    const more = shown.length > 0 ? `: ${gaps}${isMore ? ", …" : ""}` : "";
    out.push(`  ${name}: ${agency.firstNumber}–${agency.lastNumber}, ${agency.missingNumbers} missing${more}`);
  }
  if (summary.reusedNumbers.length > 0) {
    out.push(`  used twice for different articles: ${summary.reusedNumbers.map((reused) => `${reused.id} (${reused.bodies} bodies)`).join(", ")}`);
  } else {
    out.push("  no number is used for two different articles");
  }

  out.push("", style.bold("warnings"));
  const warnings = Object.entries(summary.warnings);
  if (warnings.length === 0) out.push("  none");
  for (const [code, count] of warnings) out.push(`  ${code.padEnd(LABEL_WIDTH)}${String(count).padStart(COUNT_WIDTH)}`);
  return out.join("\n") + "\n";
}

/** How many numbers some ranges hold. */
function countMissing(gaps: ReadonlyArray<{ from: string; to: string }>): number {
  return gaps.reduce((sum, gap) => sum + Number(BigInt(gap.to) - BigInt(gap.from) + 1n), 0);
}

function byMonth(days: ReadonlyArray<{ day: string; articles: number }>): Array<{ label: string; count: number }> {
  const months = new Map<string, number>();
  for (const { day, articles } of days) months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + articles);
  return [...months.entries()].map(([label, count]) => ({ label, count }));
}

/** One line per entry: label, count and, when asked, a bar scaled to the largest count. */
function bars(entries: ReadonlyArray<{ label: string; count: number }>, view: SummaryView): string[] {
  const largest = Math.max(1, ...entries.map((entry) => entry.count));
  const room = Math.max(10, view.columns - LABEL_WIDTH - COUNT_WIDTH - 4);
  return entries.map(({ label, count }) => {
    const fitted = truncateToWidth(label, LABEL_WIDTH - 2);
    const padded = `  ${fitted}${" ".repeat(Math.max(0, LABEL_WIDTH - 2 - displayWidth(fitted)))}`;
    const bar = view.hasBars ? ` ${view.style.dim("█".repeat(Math.max(count > 0 ? 1 : 0, Math.round((count / largest) * room))))}` : "";
    return `${padded}${String(count).padStart(COUNT_WIDTH)}${bar}`;
  });
}

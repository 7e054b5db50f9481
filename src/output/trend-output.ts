// A trend written out: its rows in the format asked for (a bar per period on a terminal), and
// on stderr how many articles were left out for want of a date.

import type { TrendSeries } from "../core/trend-tally.js";
import { printFigureRows, type AnalysisPrinting } from "./analysis-output.js";
import { toTextView, type OutputEnvironment, type TextView } from "./environment.js";
import type { FigureColumn } from "./figure-table.js";
import { countOf, PROGRAM } from "./messages.js";
import { makeStdoutSink, type TextSink } from "./sink.js";
import { toTerminalLine } from "./terminal-text.js";

/** The columns of a trend, in the order every format gives them. */
function trendColumns(isSplitByAgency: boolean): FigureColumn[] {
  return [{ key: "period" }, { key: "query" }, ...(isSplitByAgency ? [{ key: "agency" }] : []), { key: "matches" }, { key: "total" }, { key: "share", decimals: 4 }];
}

export async function printTrend(series: TrendSeries, printing: AnalysisPrinting, isSplitByAgency: boolean, env: OutputEnvironment): Promise<void> {
  if (series.undated > 0) {
    const ofThem = series.undatedMatches.map((count, q) => `${count} match ${toTerminalLine(series.queries[q]!)}`).join(", ");
    env.stderr.write(`${PROGRAM}: ${countOf(series.undated, "article")} without a date left out of every period (of them, ${ofThem})\n`);
  }
  await writeTrend(series, printing, isSplitByAgency, makeStdoutSink(env), toTextView(env));
}

/** The trend's rows alone, into a sink (a page's download gets what the command prints). */
export async function writeTrend(series: TrendSeries, printing: AnalysisPrinting, isSplitByAgency: boolean, sink: TextSink, view: TextView): Promise<void> {
  await printFigureRows(series.rows as unknown as Array<Record<string, unknown>>, trendColumns(isSplitByAgency), printing, sink, view, "matches");
}

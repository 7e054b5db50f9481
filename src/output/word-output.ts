// Word lists and collocates written out: their rows in the format asked for, a bar per row on a
// terminal (of the count, the G2 or the measure ranked by).

import type { CollocateRow } from "../core/collocations.js";
import type { WordRow } from "../core/word-frequencies.js";
import { printFigureRows, type AnalysisPrinting } from "./analysis-output.js";
import { toTextView, type OutputEnvironment, type TextView } from "./environment.js";
import { makeStdoutSink, type TextSink } from "./sink.js";

export async function printWords(rows: readonly WordRow[], isAgainstRest: boolean, printing: AnalysisPrinting, env: OutputEnvironment): Promise<void> {
  await writeWords(rows, isAgainstRest, printing, makeStdoutSink(env), toTextView(env));
}

/** A word list into a sink (a page's download gets what the command prints). */
export async function writeWords(rows: readonly WordRow[], isAgainstRest: boolean, printing: AnalysisPrinting, sink: TextSink, view: TextView): Promise<void> {
  const columns = [{ key: "word" }, { key: "key" }, { key: "count" }, { key: "articles" }, ...(isAgainstRest ? [{ key: "g2", decimals: 2 }, { key: "log_ratio", decimals: 2 }] : []), { key: "is_query" }];
  await printFigureRows(rows as unknown as Array<Record<string, unknown>>, columns, printing, sink, view, isAgainstRest ? "g2" : "count");
}

export async function printCollocates(rows: readonly CollocateRow[], rankedBy: string, printing: AnalysisPrinting, env: OutputEnvironment): Promise<void> {
  await writeCollocates(rows, rankedBy, printing, makeStdoutSink(env), toTextView(env));
}

/** Collocates into a sink (a page's download gets what the command prints). */
export async function writeCollocates(rows: readonly CollocateRow[], rankedBy: string, printing: AnalysisPrinting, sink: TextSink, view: TextView): Promise<void> {
  const columns = [{ key: "word" }, { key: "key" }, { key: "together" }, { key: "count" }, { key: "logdice", decimals: 2 }, { key: "mi", decimals: 2 }];
  await printFigureRows(rows as unknown as Array<Record<string, unknown>>, columns, printing, sink, view, rankedBy);
}

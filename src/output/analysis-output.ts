// The rows of an analysis (trend, kwic, words, collocates) written out in the format asked for:
// CSV, TSV, JSON or NDJSON with the analysis's columns in its order, or a table for people.
// The machine formats are the record writers' own, so quoting, formula neutralising, --bom and
// escaping on a terminal are the same as everywhere.

import type { TextView } from "./environment.js";
import type { FigureColumn } from "./figure-table.js";
import { makeMachineWriter, type OutputRecord, type RecordWriter, type SheetOptions } from "./record-writers.js";
import type { TextSink } from "./sink.js";
import { pipeRecords, type PrintedFormat } from "./write-records.js";

/** How an analysis's rows are printed. */
export interface AnalysisPrinting {
  format: PrintedFormat;
  sheet: SheetOptions;
}

/** A writer of rows with these columns in a machine format. */
export function makeRowWriter(format: Exclude<PrintedFormat, "table">, sink: TextSink, columns: readonly string[], sheet: SheetOptions): RecordWriter {
  return makeMachineWriter(format, sink, { fields: columns, sheet });
}

/**
 * Writes rows held in memory: in a machine format with these columns, or as a table of figures
 * (with a bar of `barOf` per row) on a terminal.
 */
export async function printFigureRows(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly FigureColumn[], printing: AnalysisPrinting, sink: TextSink, view: TextView, barOf?: string): Promise<void> {
  if (printing.format === "table") {
    // The table (and string widths) loads only for people at a terminal.
    const { formatFigureTable } = await import("./figure-table.js");
    await sink.write(formatFigureTable(rows, { columns, barOf }, view));
    await sink.flush();
    return;
  }
  const writer = makeRowWriter(printing.format, sink, columns.map((column) => column.key), printing.sheet);
  await pipeRecords(rows as unknown as OutputRecord[], writer);
}

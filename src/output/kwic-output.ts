// A concordance written out: each line as a record in CSV, TSV, JSON or NDJSON, or, on a
// terminal, as a table with the matches lined up (kwic-table.ts, loaded only then).

import type { ConcordanceLine } from "../core/concordance.js";
import { makeRowWriter, type AnalysisPrinting } from "./analysis-output.js";
import type { TextView } from "./environment.js";
import type { OutputRecord } from "./record-writers.js";
import type { TextSink } from "./sink.js";
import { pipeRecords } from "./write-records.js";

/** The columns of a concordance line, in the order every machine format gives them. */
const KWIC_COLUMNS = ["id", "file", "line", "field", "published", "agency", "left", "match", "right"] as const;

/** Writes the lines as they come, in the format asked for. */
export async function printConcordance(lines: AsyncIterable<ConcordanceLine> | Iterable<ConcordanceLine>, printing: AnalysisPrinting, sink: TextSink, view: TextView): Promise<void> {
  const writer = printing.format === "table" ? (await import("./kwic-table.js")).makeKwicTable(sink, view) : makeRowWriter(printing.format, sink, KWIC_COLUMNS, printing.sheet);
  await pipeRecords(lines as AsyncIterable<OutputRecord>, writer);
}

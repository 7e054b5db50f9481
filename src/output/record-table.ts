// Records as a table for people at a terminal: id, date, agency and headline, one row each,
// in columns that line up for Arabic. Rows are printed as they come, in blocks, with fixed
// column widths, so a long listing starts at once and holds no more than a block in memory.

import { createRequire } from "node:module";
import path from "node:path";
import { readablePublishedToMinute } from "../core/dates.js";
import type { OutputEnvironment } from "./environment.js";
import type { RecordWriter } from "./record-writers.js";
import type { TextSink } from "./sink.js";
import { toTerminalLine } from "./terminal-text.js";
import { displayWidth, toSingleLine, truncateToWidth } from "./text-width.js";

type TableConstructor = new (options: object) => { push(...rows: string[][]): void; toString(): string };

let tableClass: TableConstructor | undefined;

/**
 * cli-table3 measures cells with an old string-width that gives harakat and bidi marks a column
 * each. Node's require.cache lets a module be replaced before it is first loaded; cli-table3's
 * copy is replaced by a measure that knows them, so its padding comes out right.
 */
function loadTableClass(): TableConstructor {
  if (tableClass) return tableClass;
  const require = createRequire(import.meta.url);
  const tableEntry = require.resolve("cli-table3");
  const widthModule = require.resolve("string-width", { paths: [path.dirname(tableEntry)] });
  require.cache[widthModule] = { id: widthModule, filename: widthModule, loaded: true, exports: displayWidth } as unknown as NodeJS.Module;
  tableClass = require("cli-table3") as TableConstructor;
  return tableClass;
}

const BORDERLESS = {
  top: "", "top-mid": "", "top-left": "", "top-right": "",
  bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "",
  left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "",
  middle: "  ",
};
const ROWS_PER_BLOCK = 200;
const GAP = 2;
/** Columns that hold short values take what those need; the others share what is left. */
const FIXED_WIDTHS: Readonly<Record<string, number>> = { id: 9, published: 16, agency: 14, desk: 5, line: 6, score: 9 };
const NARROWEST_TEXT_COLUMN = 12;
const NARROWEST_ONLY_TEXT_COLUMN = 20;
export const TABLE_FIELDS: readonly string[] = ["id", "published", "agency", "headline"];
// Harakat take no column: an Arabic word may hold two characters for each column it takes.
const CHARACTERS_PER_COLUMN_AT_MOST = 8;

/** A table of these fields (by default id, published, agency and headline), fitted to the terminal. */
export function makeTableWriter(sink: TextSink, env: OutputEnvironment, fields: readonly string[] = TABLE_FIELDS): RecordWriter {
  const Table = loadTableClass();
  const fixed = fields.reduce((sum, field) => sum + (FIXED_WIDTHS[field] ?? 0), 0) + GAP * (fields.length - 1);
  const flexible = fields.filter((field) => FIXED_WIDTHS[field] === undefined).length;
  const narrowest = flexible === 1 ? NARROWEST_ONLY_TEXT_COLUMN : NARROWEST_TEXT_COLUMN;
  const flexibleWidth = flexible === 0 ? 0 : Math.max(narrowest, Math.floor((env.columns - fixed - 1) / flexible));
  const widths = fields.map((field) => FIXED_WIDTHS[field] ?? flexibleWidth);
  let rows: string[][] = [];
  let isFirstBlock = true;

  const flushRows = (): Promise<void> | undefined => {
    const table = new Table({
      ...(isFirstBlock ? { head: fields.map((title) => env.style.bold(title)) } : {}),
      chars: BORDERLESS,
      style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
      colWidths: widths,
      wordWrap: false,
    });
    table.push(...rows);
    isFirstBlock = false;
    rows = [];
    const text = table
      .toString()
      .split("\n")
      .map((line) => line.trimEnd())
      .join("\n");
    return sink.write(text + "\n");
  };

  return {
    write(record) {
      rows.push(fields.map((field, column) => fitCell(tableText(field, (record as Record<string, unknown>)[field]), widths[column]!)));
      return rows.length >= ROWS_PER_BLOCK ? flushRows() : undefined;
    },
    async end() {
      if (rows.length > 0) await flushRows();
      await sink.flush();
    },
  };
}

/** A value as a table shows it: times to the minute, lists joined, nothing as a dash. */
function tableText(field: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (field === "published" && typeof value === "string") return readablePublishedToMinute(value);
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.join(", ");
  return String(value);
}

/**
 * Cell text on one line, safe for a terminal, cut to leave the column's gap free (cli-table3
 * then never cuts it itself). A long text is cut to a few times the width first, so a cell of
 * a megabyte costs no more than a short one.
 */
function fitCell(text: string, width: number): string {
  const cutAt = width * CHARACTERS_PER_COLUMN_AT_MOST;
  const head = text.length > cutAt ? text.slice(0, cutAt) + "…" : text;
  return truncateToWidth(toTerminalLine(toSingleLine(head)), width);
}

// Records as a table for people at a terminal: id, date, agency and headline, one row each,
// in columns that line up for Arabic. Rows are printed as they come, with fixed column widths,
// so a long listing starts at once and holds no row in memory.

import { readablePublishedToMinute } from "../core/dates.js";
import type { TextView } from "./environment.js";
import type { RecordWriter } from "./output-record.js";
import type { TextSink } from "./sink.js";
import { toTerminalLine } from "./terminal-text.js";
import { displayWidth, toSingleLine, truncateToWidth } from "./text-width.js";

/** Spaces between two columns. */
const GAP = "  ";
/** Columns that hold short values take what those need; the others share what is left. */
const FIXED_WIDTHS: Readonly<Record<string, number>> = { id: 9, published: 16, agency: 14, desk: 5, line: 6, score: 9 };
const NARROWEST_TEXT_COLUMN = 12;
const NARROWEST_ONLY_TEXT_COLUMN = 20;
const TABLE_FIELDS: readonly string[] = ["id", "published", "agency", "headline"];
// Harakat take no column: an Arabic word may hold two characters for each column it takes.
const CHARACTERS_PER_COLUMN_AT_MOST = 8;

/**
 * A table of these fields (by default id, published, agency and headline), fitted to the
 * terminal. Cells are cut and padded by displayWidth, which gives harakat and bidi marks no
 * column. (cli-table3 cannot draw these rows: it measures, cuts and pads every cell again with
 * its bundled string-width, which gives each haraka and bidi mark a column, and takes no other
 * measure; an Arabic cell padded to its width would be cut short.)
 */
export function makeTableWriter(sink: TextSink, view: TextView, fields: readonly string[] = TABLE_FIELDS): RecordWriter {
  const fixed = fields.reduce((sum, field) => sum + (FIXED_WIDTHS[field] ?? 0), 0) + GAP.length * (fields.length - 1);
  const flexible = fields.filter((field) => FIXED_WIDTHS[field] === undefined).length;
  const narrowest = flexible === 1 ? NARROWEST_ONLY_TEXT_COLUMN : NARROWEST_TEXT_COLUMN;
  const flexibleWidth = flexible === 0 ? 0 : Math.max(narrowest, Math.floor((view.columns - fixed - 1) / flexible));
  const widths = fields.map((field) => FIXED_WIDTHS[field] ?? flexibleWidth);
  /** A line of cells, each padded to its column; nothing after the last cell's text. */
  const drawRow = (cells: readonly string[]) => cells.map((cell, column) => cell + " ".repeat(Math.max(0, widths[column]! - displayWidth(cell)))).join(GAP).trimEnd() + "\n";
  let isHeadDrawn = false;

  return {
    write(record) {
      // The head comes with the first row: a table of nothing is not drawn at all.
      const head = isHeadDrawn ? "" : drawRow(fields.map((title, column) => view.style.bold(fitCell(title, widths[column]!))));
      isHeadDrawn = true;
      return sink.write(head + drawRow(fields.map((field, column) => fitCell(tableText(field, (record as Record<string, unknown>)[field]), widths[column]!))));
    },
    end: () => sink.flush(),
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
 * Cell text on one line, safe for a terminal, cut to the column's width. A long text is cut
 * to a few times the width first, so a cell of a megabyte costs no more than a short one.
 */
function fitCell(text: string, width: number): string {
  const cutAt = width * CHARACTERS_PER_COLUMN_AT_MOST;
  const head = text.length > cutAt ? text.slice(0, cutAt) + "…" : text;
  return truncateToWidth(toTerminalLine(toSingleLine(head)), width);
}

// Rows of figures (a trend, a word list, collocates) as a table for people at a terminal:
// columns as wide as their widest cell, numbers on the right, and, where asked, a bar per row
// drawn with block characters, scaled to the largest value and to the terminal's width.

import type { TextView } from "./environment.js";
import { toTerminalLine } from "./terminal-text.js";
import { displayWidth, toSingleLine, truncateToWidth } from "./text-width.js";

/** A column of the table: which field, and how its numbers are written. */
export interface FigureColumn {
  key: string;
  /** Decimals a number is shown with (whole numbers as they are when not given). */
  decimals?: number;
}

interface FigureTableOptions {
  columns: readonly FigureColumn[];
  /** The field whose value each row's bar shows. */
  barOf?: string | undefined;
}

const GAP = "  ";
const WIDEST_TEXT = 40;
const NARROWEST_BAR = 10;
const FULL_BLOCK = "█";
/** Eighths of a block, for the end of a bar. */
const PARTIAL_BLOCKS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

function cellText(value: unknown, column: FigureColumn): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return column.decimals === undefined ? String(value) : value.toFixed(column.decimals);
  if (typeof value === "boolean") return value ? "*" : "";
  return truncateToWidth(toTerminalLine(toSingleLine(String(value))), WIDEST_TEXT);
}

/** A bar of `value / largest` of `room` columns, in eighths of a block. */
function bar(value: number, largest: number, room: number): string {
  if (largest <= 0 || value <= 0) return "";
  const eighths = Math.max(1, Math.round((value / largest) * room * 8));
  return FULL_BLOCK.repeat(Math.floor(eighths / 8)) + PARTIAL_BLOCKS[eighths % 8]!;
}

/** The table of the rows, as text; nothing for no rows. */
export function formatFigureTable(rows: ReadonlyArray<Record<string, unknown>>, options: FigureTableOptions, view: TextView): string {
  if (rows.length === 0) return "";
  const { columns } = options;
  const cells = rows.map((row) => columns.map((column) => cellText(row[column.key], column)));
  const widths = columns.map((column, c) => Math.max(displayWidth(column.key), ...cells.map((line) => displayWidth(line[c]!))));
  const isNumeric = columns.map((column) => rows.some((row) => typeof row[column.key] === "number"));
  const pad = (text: string, c: number) => {
    const room = " ".repeat(Math.max(0, widths[c]! - displayWidth(text)));
    return isNumeric[c] ? room + text : text + room;
  };
  const used = widths.reduce((sum, width) => sum + width, 0) + GAP.length * columns.length;
  const barRoom = Math.max(NARROWEST_BAR, view.columns - used - 1);
  const largest = options.barOf === undefined ? 0 : Math.max(0, ...rows.map((row) => Number(row[options.barOf!]) || 0));
  const lines = [columns.map((column, c) => view.style.bold(pad(column.key, c))).join(GAP).trimEnd()];
  rows.forEach((row, r) => {
    const drawn = options.barOf === undefined ? "" : GAP + view.style.dim(bar(Number(row[options.barOf]) || 0, largest, barRoom));
    lines.push((cells[r]!.map((cell, c) => pad(cell, c)).join(GAP) + drawn).trimEnd());
  });
  return lines.join("\n") + "\n";
}

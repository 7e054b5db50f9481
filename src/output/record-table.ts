// Records as a table for people at a terminal: id, date, agency and headline, one row each,
// in columns that line up for Arabic. Rows are printed as they come, in blocks, with fixed
// column widths, so a long listing starts at once and holds no more than a block in memory.

import { createRequire } from "node:module";
import path from "node:path";
import type { ArticleRecord } from "../core/record.js";
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
const ID_WIDTH = 9;
const PUBLISHED_WIDTH = 16; // "2021-01-25 11:27"
const AGENCY_WIDTH = 14;
const NARROWEST_HEADLINE = 20;
// Harakat take no column: an Arabic word may hold two characters for each column it takes.
const CHARACTERS_PER_COLUMN_AT_MOST = 8;

export function makeTableWriter(sink: TextSink, env: OutputEnvironment): RecordWriter {
  const Table = loadTableClass();
  const fixed = ID_WIDTH + PUBLISHED_WIDTH + AGENCY_WIDTH + 3 * GAP;
  const headlineWidth = Math.max(NARROWEST_HEADLINE, env.columns - fixed - 1);
  const widths = [ID_WIDTH, PUBLISHED_WIDTH, AGENCY_WIDTH, headlineWidth];
  let rows: string[][] = [];
  let isFirstBlock = true;

  const flushRows = (): Promise<void> | undefined => {
    const table = new Table({
      ...(isFirstBlock ? { head: ["id", "published", "agency", "headline"].map((title) => env.style.bold(title)) } : {}),
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
    write(record: ArticleRecord) {
      rows.push([
        fit(record.id ?? "—", ID_WIDTH),
        fit(record.published === null ? "—" : record.published.slice(0, 16).replace("T", " "), PUBLISHED_WIDTH),
        fit(record.agency ?? "—", AGENCY_WIDTH),
        fit(record.headline ?? "—", headlineWidth),
      ]);
      return rows.length >= ROWS_PER_BLOCK ? flushRows() : undefined;
    },
    async end() {
      if (rows.length > 0) await flushRows();
      await sink.flush();
    },
  };
}

/**
 * Cell text on one line, safe for a terminal, cut to leave the column's gap free (cli-table3
 * then never cuts it itself). A long text is cut to a few times the width first, so a cell of
 * a megabyte costs no more than a short one.
 */
function fit(text: string, width: number): string {
  const cutAt = width * CHARACTERS_PER_COLUMN_AT_MOST;
  const head = text.length > cutAt ? text.slice(0, cutAt) + "…" : text;
  return truncateToWidth(toTerminalLine(toSingleLine(head)), width);
}

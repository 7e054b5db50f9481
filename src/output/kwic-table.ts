// A concordance on a terminal: the article's number, then the words before the match
// right-aligned in a column of their own, the match in bold, and the words after it, so that the
// matches line up one under another. The text keeps its logical order (what comes before the
// match stands in the column before it); a terminal that lays out right-to-left text may draw
// each piece in its own order. Loaded only for the terminal: measuring widths costs a start.

import type { ConcordanceLine } from "../core/concordance.js";
import type { TextView } from "./environment.js";
import type { RecordWriter } from "./record-writers.js";
import type { TextSink } from "./sink.js";
import { toTerminalLine } from "./terminal-text.js";
import { displayWidth, toSingleLine, truncateToWidth } from "./text-width.js";

const ID_WIDTH = 9;
const GAP = "  ";
const NARROWEST_CONTEXT = 12;

/** The end of the text that fits in `width` columns, whole words where it can, "…" marking the cut. */
function lastWords(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const words = text.split(" ");
  while (words.length > 1 && displayWidth(`… ${words.join(" ")}`) > width) words.shift();
  const kept = `… ${words.join(" ")}`;
  return displayWidth(kept) <= width ? kept : "…";
}

export function makeKwicTable(sink: TextSink, view: TextView): RecordWriter {
  const context = Math.max(NARROWEST_CONTEXT, Math.floor((view.columns - ID_WIDTH - 3 * GAP.length - 12) / 2));
  return {
    write(record) {
      const line = record as unknown as ConcordanceLine;
      const clean = (text: string) => toTerminalLine(toSingleLine(text));
      const id = truncateToWidth(line.id ?? "—", ID_WIDTH);
      const left = lastWords(clean(line.left), context);
      const right = truncateToWidth(clean(line.right), context);
      const cells = [id + " ".repeat(ID_WIDTH - displayWidth(id)), " ".repeat(Math.max(0, context - displayWidth(left))) + left, view.style.bold(clean(line.match)), right];
      return sink.write(`${cells.join(GAP).trimEnd()}\n`);
    },
    end: () => sink.flush(),
  };
}

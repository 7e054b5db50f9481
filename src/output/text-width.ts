// How wide text is on a terminal, and cutting it to a width without splitting a character:
// harakat and other combining marks, bidi marks and other format characters take no column,
// wide characters take two, and a letter is never cut from its marks.

import stringWidth from "string-width";

let graphemes: Intl.Segmenter | undefined; // made on first use: it loads ICU data
const ELLIPSIS = "…";
/**
 * Text longer than this many code units a column is cut there before it is measured (only a
 * letter under seven marks or more takes that many for one column): Intl.Segmenter, which
 * string-width uses too, takes time that grows faster than the text, seconds over a line of
 * some tens of thousands of characters.
 */
const MOST_CODE_UNITS_PER_COLUMN = 8;

/** Columns the text takes on a terminal. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The text cut to at most `width` columns at a grapheme boundary, "…" marking the cut. */
export function truncateToWidth(text: string, width: number): string {
  const measured = text.length > (width + 1) * MOST_CODE_UNITS_PER_COLUMN ? text.slice(0, (width + 1) * MOST_CODE_UNITS_PER_COLUMN) : text;
  if (measured === text && displayWidth(text) <= width) return text;
  if (width <= 0) return "";
  const room = width - 1;
  let used = 0;
  let out = "";
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const { segment } of graphemes.segment(measured)) {
    const segmentWidth = displayWidth(segment);
    if (used + segmentWidth > room) break;
    out += segment;
    used += segmentWidth;
  }
  return out + ELLIPSIS;
}

/** One line for a table cell: line breaks and tabs become spaces. */
export function toSingleLine(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, " ");
}

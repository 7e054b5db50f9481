// How wide text is on a terminal, and cutting it to a width without splitting a character:
// harakat and other combining marks, bidi marks and other format characters take no column,
// wide characters take two, and a letter is never cut from its marks.

import stringWidth from "string-width";

let graphemes: Intl.Segmenter | undefined; // made on first use: it loads ICU data
const ELLIPSIS = "…";

/** Columns the text takes on a terminal. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The text cut to at most `width` columns at a grapheme boundary, "…" marking the cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return "";
  const room = width - 1;
  let used = 0;
  let out = "";
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const { segment } of graphemes.segment(text)) {
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

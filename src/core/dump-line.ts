// One line of a dump, classified once: blank, number line, desk code, date line or text.
// The layout decisions (where articles start and end, which line is what) work on these.

import { parseDateLine, type DateLine } from "./dates.js";
import { ANY_DIGIT, toAsciiDigits } from "./digits.js";

export type LineKind = "blank" | "number" | "desk" | "date" | "text";

export interface DumpLine {
  /** 1-based line number in the file. */
  readonly no: number;
  /** The line without its ending and surrounding white space; otherwise as in the file. */
  readonly text: string;
  readonly kind: LineKind;
  /** ASCII digits of a number line or a desk code. */
  readonly digits?: string;
  /** What a date line says. */
  readonly date?: DateLine;
  /** The decoder replaced bytes of this line that were not valid in the file's encoding. */
  readonly hasInvalidBytes: boolean;
}

// "رقم" + spaces + ":" or fullwidth "：" + spaces + digits of any set.
const NUMBER_LINE = new RegExp(`^رقم\\s*[:\uFF1A]\\s*(${ANY_DIGIT}+)$`);
const DESK_LINE = new RegExp(`^/(${ANY_DIGIT}+)$`);
const RAA = 0x0631; // ر, first letter of رقم
const SLASH = 0x2f;

/** Classifies one line; `raw` may carry its surrounding white space. */
export function classifyLine(no: number, raw: string, hasInvalidBytes = false): DumpLine {
  const text = raw.trim();
  if (text.length === 0) return { no, text, kind: "blank", hasInvalidBytes };
  const first = text.charCodeAt(0);
  if (first === RAA) {
    const match = NUMBER_LINE.exec(text);
    if (match) return { no, text, kind: "number", digits: toAsciiDigits(match[1]!), hasInvalidBytes };
  } else if (first === SLASH) {
    const match = DESK_LINE.exec(text);
    if (match) return { no, text, kind: "desk", digits: toAsciiDigits(match[1]!), hasInvalidBytes };
  }
  const date = parseDateLine(text);
  if (date) return { no, text, kind: "date", date, hasInvalidBytes };
  return { no, text, kind: "text", hasInvalidBytes };
}

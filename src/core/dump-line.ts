// One line of a dump, classified once: blank, number line, desk code, date line or text.
// The layout decisions (where articles start and end, which line is what) work on these.

import { parseDateLine, type DateLine } from "./dates.js";
import { ANY_DIGIT, toAsciiDigits } from "./digits.js";

type LineKind = "blank" | "number" | "desk" | "date" | "text";

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
  /** The line was longer than a line may be, and only its start was kept. */
  readonly isCut: boolean;
}

/** What reading found out about a line before it was classified. */
export interface LineMarks {
  hasInvalidBytes: boolean;
  isCut: boolean;
}

export const UNMARKED: LineMarks = { hasInvalidBytes: false, isCut: false };

/**
 * The most characters of a line that are read (16 Mi): a 10 MB paragraph is read whole, while a
 * file of megabytes without a line break (a binary or a minified page) holds memory to this.
 */
export const LONGEST_LINE = 16 * 1024 * 1024;

// "رقم" + spaces + ":" or fullwidth "：" + spaces + digits of any set.
const NUMBER_LINE = new RegExp(`^رقم\\s*[:\uFF1A]\\s*(${ANY_DIGIT}+)$`);
const DESK_LINE = new RegExp(`^/(${ANY_DIGIT}+)$`);
const RAA = 0x0631; // ر, first letter of رقم
const SLASH = 0x2f;

/** Classifies one line; `raw` may carry its surrounding white space. */
export function classifyLine(no: number, raw: string, marks: LineMarks = UNMARKED): DumpLine {
  const { hasInvalidBytes, isCut } = marks;
  const text = raw.trim();
  if (text.length === 0) return { no, text, kind: "blank", hasInvalidBytes, isCut };
  const first = text.charCodeAt(0);
  if (first === RAA) {
    const match = NUMBER_LINE.exec(text);
    if (match) return { no, text, kind: "number", digits: toAsciiDigits(match[1]!), hasInvalidBytes, isCut };
  } else if (first === SLASH) {
    const match = DESK_LINE.exec(text);
    if (match) return { no, text, kind: "desk", digits: toAsciiDigits(match[1]!), hasInvalidBytes, isCut };
  }
  const date = parseDateLine(text);
  if (date) return { no, text, kind: "date", date, hasInvalidBytes, isCut };
  return { no, text, kind: "text", hasInvalidBytes, isCut };
}

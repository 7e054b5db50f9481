// What each line of one article is: lead, headline, subheadline, agency, date line, body, desk
// code and number, as docs/format.md resolves them. Turns a block of lines into a record.

import { formatLocalDateTime, formatOffset } from "./dates.js";
import { LONGEST_LINE, type DumpLine } from "./dump-line.js";
import type { ArticleRecord, DumpProblem, ParsedItem, WarningCode } from "./record.js";
import type { TimeZone } from "./time-zone.js";

/** The titles above an agency line: at most lead, headline and subheadline. */
const MOST_TITLE_LINES = 3;
// Agency lines name a paper or an agency ("الشرق الأوسط", "وكالة الأنباء السعودية (واس)").
const LONGEST_AGENCY = 60;
const MOST_AGENCY_WORDS = 8;
// Headlines and subheadlines are short and do not end a sentence; body paragraphs do.
const LONGEST_TITLE = 200;
// Closing quotes and brackets may follow the full stop: «... سنوات طويلة.»
const SENTENCE_END = /[.!?؟…:،,;؛]["'»”’)\]]*$/;

export function isAgencyLike(line: DumpLine | undefined): boolean {
  if (line === undefined || line.kind !== "text") return false;
  const { text } = line;
  return (
    text.length <= LONGEST_AGENCY &&
    text.split(/\s+/).length <= MOST_AGENCY_WORDS &&
    !SENTENCE_END.test(text)
  );
}

/** The text ends like a sentence of a body paragraph. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

export function isTitleLike(line: DumpLine | undefined): boolean {
  return line !== undefined && line.kind === "text" && line.text.length <= LONGEST_TITLE && !SENTENCE_END.test(line.text);
}

/** Index of the first line of the unbroken run of text lines that ends at `last`, not before `floor`. */
export function startOfTextRun(lines: readonly DumpLine[], last: number, floor: number): number {
  let start = last + 1;
  while (start - 1 >= floor && lines[start - 1]!.kind === "text") start--;
  return start;
}

/** The first body paragraph after a date line, or null when there is none yet. */
export function firstParagraphAfter(lines: readonly DumpLine[], dateIndex: number): string | null {
  for (let i = dateIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === "blank") continue;
    return line.kind === "text" || line.kind === "date" ? line.text : null;
  }
  return null;
}

/**
 * Where a lead starts among the titles above an agency line: the first of two or three titles
 * that repeats the first body paragraph. -1 when there is none.
 */
export function startOfLead(
  lines: readonly DumpLine[],
  agencyIndex: number,
  runStart: number,
  firstParagraph: string | null,
): number {
  if (firstParagraph === null) return -1;
  for (let count = Math.min(agencyIndex - runStart, MOST_TITLE_LINES); count >= 2; count--) {
    if (lines[agencyIndex - count]!.text === firstParagraph) return agencyIndex - count;
  }
  return -1;
}

/**
 * Where the titles of the article whose date line is at `dateIndex` start, given the first
 * line that may be a title (`floor`). A first title that repeats the first body paragraph is
 * the lead; without one there are at most two titles, headline and subheadline.
 */
function startOfTitles(
  lines: readonly DumpLine[],
  dateIndex: number,
  floor: number,
  firstParagraph: string | null,
): number {
  const agencyIndex = dateIndex - 1;
  const runStart = startOfTextRun(lines, agencyIndex - 1, floor);
  const lead = startOfLead(lines, agencyIndex, runStart, firstParagraph);
  return lead >= 0 ? lead : agencyIndex - Math.min(agencyIndex - runStart, 2);
}

export interface LayoutOptions {
  file: string;
  timeZone?: TimeZone | undefined;
}

interface ArticleBlock {
  lines: readonly DumpLine[];
  /** Index of the article's date line in `lines`, or -1 when no header was found. */
  dateIndex: number;
  /** The last line is the number line that closed the article. */
  isClosedByNumber: boolean;
}


/** Reads a block of lines as one article, reporting lines that belong to none. */
export function layoutArticle(block: ArticleBlock, options: LayoutOptions): ParsedItem {
  const { lines, dateIndex, isClosedByNumber } = block;
  const problems: DumpProblem[] = [];
  const report = (line: number, code: WarningCode, message: string) =>
    problems.push({ file: options.file, line, code, message });
  const numberLine = isClosedByNumber ? lines[lines.length - 1] : undefined;
  const contentEnd = isClosedByNumber ? lines.length - 1 : lines.length;

  if (dateIndex < 0) {
    const text = lines.slice(0, contentEnd).filter((line) => line.kind !== "blank");
    if (numberLine === undefined || text.length === 0) {
      const stray = numberLine === undefined ? text : [...text, numberLine];
      if (stray.length > 0) reportStray(report, stray);
      return { record: null, problems };
    }
    const record = emptyRecord(options.file, text[0]!.no);
    record.id = numberLine.digits ?? null;
    record.body = text.map((line) => line.text).join("\n");
    addWarning(record, report, text[0]!.no, "missing-header", "no agency and date line before this number line");
    noteInvalidBytes(record, report, lines);
    return { record, problems };
  }

  const dateLine = lines[dateIndex]!;
  const agencyIndex = dateIndex - 1;
  const titleStart = startOfTitles(lines, dateIndex, 0, firstParagraphAfter(lines, dateIndex));
  const stray = lines.slice(0, titleStart).filter((line) => line.kind !== "blank");
  if (stray.length > 0) reportStray(report, stray);

  const titles = lines.slice(titleStart, agencyIndex).map((line) => line.text);
  const firstLine = lines[titleStart]!.no;
  const record = emptyRecord(options.file, firstLine);
  record.agency = lines[agencyIndex]!.text;

  // Body: everything after the date line; a desk code is the last line before the number.
  let bodyEnd = contentEnd;
  while (bodyEnd > dateIndex + 1 && lines[bodyEnd - 1]!.kind === "blank") bodyEnd--;
  const lastLine = lines[bodyEnd - 1];
  if (bodyEnd > dateIndex + 1 && lastLine?.kind === "desk") {
    record.desk = lastLine.digits ?? null;
    bodyEnd--;
  }
  const paragraphs: string[] = [];
  for (let i = dateIndex + 1; i < bodyEnd; i++) {
    const line = lines[i]!;
    if (line.kind !== "blank") paragraphs.push(line.text);
  }
  record.body = paragraphs.join("\n");
  for (let i = dateIndex + 2; i < bodyEnd; i++) {
    if (lines[i]!.kind === "date" && isAgencyLike(lines[i - 1]) && lines[i - 2]!.kind === "text") {
      addWarning(record, report, lines[i]!.no, "header-in-body", "a date line under a line like an agency was read as body text; if an article starts here, the one before lost its number line");
    }
  }

  if (titles.length >= 2 && titles[0] === paragraphs[0]) {
    [record.lead, record.headline, record.subheadline = null] = titles as [string, string, string?];
  } else {
    [record.headline = null, record.subheadline = null] = titles;
  }

  if (numberLine !== undefined) {
    record.id = numberLine.digits ?? null;
  } else {
    addWarning(record, report, firstLine, "missing-number", "no number line (رقم: ...) closes this article");
  }
  if (titles.length === 0) {
    addWarning(record, report, dateLine.no - 1, "missing-headline", "no headline above the agency line");
  }
  if (paragraphs.length === 0) {
    addWarning(record, report, dateLine.no, "missing-body", "no body paragraph after the date line");
  }
  record.published = publishedTime(record, report, dateLine, options.timeZone);
  noteInvalidBytes(record, report, lines.slice(titleStart));
  return { record, problems };
}

function publishedTime(
  record: ArticleRecord,
  report: (line: number, code: WarningCode, message: string) => void,
  dateLine: DumpLine,
  timeZone: TimeZone | undefined,
): string | null {
  const date = dateLine.date!;
  if (!date.isValid) {
    addWarning(record, report, dateLine.no, "invalid-date", `${date.problem}: "${dateLine.text}"`);
    return null;
  }
  if (date.weekdayMismatch) {
    addWarning(record, report, dateLine.no, "weekday-mismatch", `the weekday does not match the date: "${dateLine.text}"`);
  }
  const local = formatLocalDateTime(date.local);
  if (timeZone === undefined) return local;
  const offset = timeZone.offsetAt(date.local);
  if (offset === null) {
    addWarning(record, report, dateLine.no, "nonexistent-time", `${local} does not exist in ${timeZone.name}`);
    return null;
  }
  return local + formatOffset(offset);
}

function addWarning(
  record: ArticleRecord,
  report: (line: number, code: WarningCode, message: string) => void,
  line: number,
  code: WarningCode,
  message: string,
): void {
  if (!record.warnings.includes(code)) record.warnings.push(code);
  report(line, code, message);
}

function noteInvalidBytes(
  record: ArticleRecord,
  report: (line: number, code: WarningCode, message: string) => void,
  lines: readonly DumpLine[],
): void {
  const bad = lines.find((line) => line.hasInvalidBytes);
  if (bad) addWarning(record, report, bad.no, "invalid-utf8", "bytes that are not valid UTF-8 were replaced by U+FFFD");
  const cut = lines.find((line) => line.isCut);
  if (cut) addWarning(record, report, cut.no, "line-too-long", LINE_TOO_LONG);
}

const LINE_TOO_LONG = `a line longer than ${LONGEST_LINE.toLocaleString("en")} characters: only its start was read`;

function reportStray(report: (line: number, code: WarningCode, message: string) => void, stray: readonly DumpLine[]): void {
  const count = stray.length;
  report(stray[0]!.no, "stray-text", `${count} ${count === 1 ? "line" : "lines"} outside any article (no agency and date line above them)`);
  const bad = stray.find((line) => line.hasInvalidBytes);
  if (bad) report(bad.no, "invalid-utf8", "bytes that are not valid UTF-8 were replaced by U+FFFD");
  const cut = stray.find((line) => line.isCut);
  if (cut) report(cut.no, "line-too-long", LINE_TOO_LONG);
}

function emptyRecord(file: string, line: number): ArticleRecord {
  return {
    id: null,
    headline: null,
    subheadline: null,
    lead: null,
    agency: null,
    published: null,
    desk: null,
    body: "",
    file,
    line,
    warnings: [],
  };
}

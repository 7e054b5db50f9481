// Finds where articles start and end in a stream of lines, holding at most one article at a
// time, so a dump of any size is read in bounded memory. A number line closes an article; an
// article that lost its number line ends where the next article's header begins.

import {
  firstParagraphAfter,
  endsSentence,
  isAgencyLike,
  isTitleLike,
  layoutArticle,
  startOfLead,
  startOfTextRun,
  type LayoutOptions,
} from "./article-layout.js";
import { classifyLine, UNMARKED, type DumpLine, type LineMarks } from "./dump-line.js";
import { foldArabic } from "./fold.js";
import type { ParsedItem } from "./record.js";


// Lines with no header in sight are reported as stray text in pieces of this many, so that a
// file that is not a dump at all is still read in bounded memory; the last few lines are kept
// since they may be the titles and agency of a header still to come.
const LONGEST_PREAMBLE = 10_000;
const LINES_KEPT_FOR_A_HEADER = 8;

/**
 * Push lines in, take records and problems out, in file order. Usage: `push` each line, `end`
 * at the end of the file, and `take` whenever convenient.
 */
export class DumpParser {
  private lines: DumpLine[] = [];
  /** Index in `lines` of the current article's date line; -1 before its header is found. */
  private dateIndex = -1;
  /** A date line whose role is decided once the next non-blank line is known. */
  private undecidedDate = -1;
  private lineNo = 0;
  private output: ParsedItem[] = [];

  constructor(private readonly options: LayoutOptions) {}

  /** One line of the file, without its line ending. */
  push(raw: string, marks: LineMarks = UNMARKED): void {
    const line = classifyLine(++this.lineNo, raw, marks);
    this.lines.push(line);
    // The line after a date line (its first body paragraph, if a header) decides what it was.
    if (line.kind !== "blank" && this.undecidedDate >= 0) {
      this.decideDate(this.undecidedDate);
      this.undecidedDate = -1;
    }
    if (line.kind === "number") {
      this.emit(this.lines, this.dateIndex, true);
      this.lines = [];
      this.dateIndex = -1;
    } else if (line.kind === "date") {
      this.undecidedDate = this.lines.length - 1;
    } else if (this.dateIndex < 0 && this.undecidedDate < 0 && this.lines.length > LONGEST_PREAMBLE) {
      const keepFrom = this.lines.length - LINES_KEPT_FOR_A_HEADER;
      this.emit(this.lines.slice(0, keepFrom), -1, false);
      this.lines = this.lines.slice(keepFrom);
    }
  }

  /** The end of the file: what is left is an article without a number line, or stray text. */
  end(): void {
    if (this.undecidedDate >= 0) this.decideDate(this.undecidedDate);
    this.undecidedDate = -1;
    this.emit(this.lines, this.dateIndex, false);
    this.lines = [];
    this.dateIndex = -1;
  }

  /** Records and problems found so far, in file order; the queue is emptied. */
  take(): ParsedItem[] {
    const items = this.output;
    this.output = [];
    return items;
  }

  private decideDate(index: number): void {
    const lines = this.lines;
    if (!isAgencyLike(lines[index - 1])) return; // a date paragraph, not a header
    if (this.dateIndex < 0) {
      this.dateIndex = index;
      return;
    }
    const start = this.startOfNextArticle(index);
    if (start < 0) return;
    this.emit(lines.slice(0, start), this.dateIndex, false);
    this.lines = lines.slice(start);
    this.dateIndex = index - start;
  }

  /**
   * Whether the date line at `index`, inside the current article's body, is the header of a
   * new article (the current one lost its number line); returns where that article starts, or -1.
   * A date paragraph inside a body is text: a header needs titles above its agency line, and
   * proof that they are titles: a lead repeated as the first body paragraph, a blank line or
   * desk code before them, or the same agency as the current article.
   */
  private startOfNextArticle(index: number): number {
    const lines = this.lines;
    const agencyIndex = index - 1;
    const floor = this.dateIndex + 1;
    const runStart = startOfTextRun(lines, agencyIndex - 1, floor);
    const available = agencyIndex - runStart;
    if (available === 0) return -1;
    const lead = startOfLead(lines, agencyIndex, runStart, firstParagraphAfter(lines, index));
    if (lead >= 0) return lead;
    const before = lines[runStart - 1];
    const isSeparated = before !== undefined && (before.kind === "blank" || before.kind === "desk");
    if (isSeparated && available <= 2) return runStart;
    const currentAgency = lines[this.dateIndex - 1]!.text;
    if (foldArabic(lines[agencyIndex]!.text) === foldArabic(currentAgency)) {
      return available >= 2 && isTitleLike(lines[agencyIndex - 2]) ? agencyIndex - 2 : agencyIndex - 1;
    }
    // Another agency straight after a body: one or two title-like lines under a paragraph that
    // ends a sentence.
    let titles = 0;
    while (titles < 2 && titles < available && isTitleLike(lines[agencyIndex - 1 - titles])) titles++;
    const above = lines[agencyIndex - 1 - titles];
    // (A line that ends a sentence is never title-like.)
    if (titles > 0 && above?.kind === "text" && endsSentence(above.text)) {
      return agencyIndex - titles;
    }
    return -1;
  }

  private emit(lines: readonly DumpLine[], dateIndex: number, isClosedByNumber: boolean): void {
    if (lines.length === 0) return;
    const item = layoutArticle({ lines, dateIndex, isClosedByNumber }, this.options);
    if (item.record !== null || item.problems.length > 0) this.output.push(item);
  }
}

// Decoded text to lines, for LF, CRLF and CR endings alike (even mixed in one file, even with a
// CRLF split between two chunks). A line is handed on without its ending. A line longer than
// LONGEST_LINE is handed on cut to that length, marked as cut, and the rest of it is skipped,
// so that a file without line breaks cannot fill memory.

import { LONGEST_LINE } from "../core/dump-line.js";

export class LineSplitter {
  /** Pieces of a line that began in an earlier chunk. */
  private carry: string[] = [];
  private carryLength = 0;
  /** The line being read passed the limit: what is left of it is skipped. */
  private isCut = false;
  /** The previous chunk ended with CR: a LF at the start of the next one ends no new line. */
  private isAfterCr = false;

  constructor(
    private readonly onLine: (line: string, isCut: boolean) => void,
    private readonly longest = LONGEST_LINE,
  ) {}

  write(text: string): void {
    if (text.length === 0) return; // a decoder holding back part of a character hands on ""
    let start = 0;
    if (this.isAfterCr && text.charCodeAt(0) === 0x0a) start = 1;
    this.isAfterCr = false;
    let lf = text.indexOf("\n", start);
    let cr = text.indexOf("\r", start);
    while (lf >= 0 || cr >= 0) {
      let end: number;
      let next: number;
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        end = lf;
        next = lf + 1;
      } else {
        end = cr;
        next = cr + 1;
        if (next === text.length) this.isAfterCr = true;
        else if (text.charCodeAt(next) === 0x0a) next++;
      }
      if (this.carryLength === 0 && !this.isCut && end - start <= this.longest) {
        this.onLine(text.slice(start, end), false);
      } else {
        this.keep(text.slice(start, end));
        this.endLine();
      }
      start = next;
      if (lf >= 0 && lf < start) lf = text.indexOf("\n", start);
      if (cr >= 0 && cr < start) cr = text.indexOf("\r", start);
    }
    if (start < text.length) this.keep(text.slice(start));
  }

  /** The last line, when the text does not end with a line ending. */
  end(): void {
    if (this.carryLength > 0 || this.isCut) this.endLine();
    this.isAfterCr = false;
  }

  /** Adds a piece of the line being read, as far as the limit allows. */
  private keep(piece: string): void {
    if (this.isCut || piece.length === 0) return;
    const room = this.longest - this.carryLength;
    if (piece.length <= room) {
      this.carry.push(piece);
      this.carryLength += piece.length;
      return;
    }
    // Cut between characters, never inside a surrogate pair.
    const isPairSplit = room > 0 && isHighSurrogate(piece.charCodeAt(room - 1));
    this.carry.push(piece.slice(0, isPairSplit ? room - 1 : room));
    this.carryLength = this.longest;
    this.isCut = true;
  }

  private endLine(): void {
    const line = this.carry.length === 1 ? this.carry[0]! : this.carry.join("");
    const isCut = this.isCut;
    this.carry = [];
    this.carryLength = 0;
    this.isCut = false;
    this.onLine(line, isCut);
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

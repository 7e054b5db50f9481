// Decoded text to lines, for LF, CRLF and CR endings alike (even mixed in one file, even with a
// CRLF split between two chunks). A line is handed on without its ending.

export class LineSplitter {
  private carry = "";
  /** The previous chunk ended with CR: a LF at the start of the next one ends no new line. */
  private isAfterCr = false;

  constructor(private readonly onLine: (line: string) => void) {}

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
      const piece = text.slice(start, end);
      if (this.carry.length > 0) {
        this.onLine(this.carry + piece);
        this.carry = "";
      } else {
        this.onLine(piece);
      }
      start = next;
      if (lf >= 0 && lf < start) lf = text.indexOf("\n", start);
      if (cr >= 0 && cr < start) cr = text.indexOf("\r", start);
    }
    if (start < text.length) this.carry += text.slice(start);
  }

  /** The last line, when the text does not end with a line ending. */
  end(): void {
    if (this.carry.length > 0) this.onLine(this.carry);
    this.carry = "";
    this.isAfterCr = false;
  }
}

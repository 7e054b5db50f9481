// Bytes of docs/format.md ("Bytes"): DumpDecoder for UTF-8 (BOM or not), UTF-16 LE/BE, Windows-1256, bad bytes, chunking; LineSplitter for LF/CRLF/CR.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DumpDecoder, NotTextError } from "../../src/io/decode.js";
import { LineSplitter } from "../../src/io/line-splitter.js";

/** Decodes the chunks in order and returns the whole text and the decoder. */
function decode(...chunks: Buffer[]): { text: string; decoder: DumpDecoder } {
  const decoder = new DumpDecoder();
  let text = "";
  for (const chunk of chunks) text += decoder.write(chunk);
  text += decoder.end();
  return { text, decoder };
}

/** Every byte as its own chunk. */
function bytewise(buffer: Buffer): Buffer[] {
  return [...buffer].map((byte) => Buffer.from([byte]));
}

const ARABIC = "سلام عليكم\nهذا خبر عاجل من وكالة الأنباء: ٢٥ يناير ٢٠٢١\n";
const MIXED = "25 Jan 2021 ساعة 11:27\nتنا\nرقم: 490728\n";

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

function utf16be(text: string): Buffer {
  return Buffer.from(text, "utf16le").swap16();
}

// Windows-1256 code points of a few Arabic letters, by hand from the code page.
const CP1256: Readonly<Record<string, number>> = {
  " ": 0x20,
  "\n": 0x0a,
  "ا": 0xc7,
  "ب": 0xc8,
  "ت": 0xca,
  "د": 0xcf,
  "ر": 0xd1,
  "س": 0xd3,
  "ع": 0xda,
  "ك": 0xdf,
  "ل": 0xe1,
  "م": 0xe3,
  "ن": 0xe4,
  "ي": 0xed,
};
function windows1256(text: string): Buffer {
  return Buffer.from([...text].map((ch) => {
    const byte = CP1256[ch];
    if (byte === undefined) throw new Error(`no Windows-1256 byte for ${ch} in this test's table`);
    return byte;
  }));
}
const CP1256_TEXT = "سلام عليكم\nبلد كبير\nامل نمل";

describe("DumpDecoder: encodings", () => {
  it("UTF-8 without BOM", () => {
    const { text, decoder } = decode(Buffer.from(ARABIC, "utf8"));
    expect(text).toBe(ARABIC);
    expect(decoder.encoding).toBe("utf-8");
    expect(decoder.hadBom).toBe(false);
    expect(decoder.sawInvalidBytes).toBe(false);
  });

  it("UTF-8 with BOM: the BOM is not part of the text", () => {
    const { text, decoder } = decode(Buffer.concat([UTF8_BOM, Buffer.from(ARABIC, "utf8")]));
    expect(text).toBe(ARABIC);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(decoder.encoding).toBe("utf-8");
    expect(decoder.hadBom).toBe(true);
  });

  it("UTF-16 LE with BOM", () => {
    const { text, decoder } = decode(Buffer.concat([UTF16LE_BOM, Buffer.from(ARABIC, "utf16le")]));
    expect(text).toBe(ARABIC);
    expect(decoder.encoding).toBe("utf-16le");
    expect(decoder.hadBom).toBe(true);
  });

  it("UTF-16 BE with BOM", () => {
    const { text, decoder } = decode(Buffer.concat([UTF16BE_BOM, utf16be(ARABIC)]));
    expect(text).toBe(ARABIC);
    expect(decoder.encoding).toBe("utf-16be");
    expect(decoder.hadBom).toBe(true);
  });

  it("UTF-16 LE and BE with BOM, ASCII-heavy text (the seed's date, agency and number lines)", () => {
    expect(decode(Buffer.concat([UTF16LE_BOM, Buffer.from(MIXED, "utf16le")])).text).toBe(MIXED);
    expect(decode(Buffer.concat([UTF16BE_BOM, utf16be(MIXED)])).text).toBe(MIXED);
  });

  it("UTF-16 LE without BOM", () => {
    const { text, decoder } = decode(Buffer.from(ARABIC, "utf16le"));
    expect(text).toBe(ARABIC);
    expect(decoder.encoding).toBe("utf-16le");
    expect(decoder.hadBom).toBe(false);
  });

  it("Windows-1256", () => {
    const { text, decoder } = decode(windows1256(CP1256_TEXT));
    expect(decoder.encoding).toBe("windows-1256");
    expect(text).toBe(CP1256_TEXT);
    expect(decoder.sawInvalidBytes).toBe(false);
  });

  it("Windows-1256 after an ASCII-only first chunk", () => {
    const { text, decoder } = decode(Buffer.from("25 Jan 2021 11:27\n", "latin1"), windows1256(CP1256_TEXT));
    expect(decoder.encoding).toBe("windows-1256");
    expect(text).toBe("25 Jan 2021 11:27\n" + CP1256_TEXT);
  });

  it("ASCII-only text passes through unchanged", () => {
    const ascii = "25 Jan 2021 11:27\n/110\n";
    expect(decode(Buffer.from(ascii, "latin1")).text).toBe(ascii);
  });
});

describe("DumpDecoder: invalid bytes", () => {
  it("a UTF-8 file with one stray invalid byte stays UTF-8: one U+FFFD, the rest intact, flagged", () => {
    const before = "سلام عليكم ورحمة الله ";
    const after = " هذا خبر من دمشق";
    const { text, decoder } = decode(Buffer.concat([Buffer.from(before, "utf8"), Buffer.from([0xff]), Buffer.from(after, "utf8")]));
    expect(decoder.encoding).toBe("utf-8");
    expect(decoder.sawInvalidBytes).toBe(true);
    expect(text).toBe(`${before}\uFFFD${after}`);
  });

  it("a genuine U+FFFD in valid UTF-8 is text, not an invalid byte", () => {
    const original = "خبر فيه رمز \uFFFD مكتوب عمدا";
    const { text, decoder } = decode(Buffer.from(original, "utf8"));
    expect(text).toBe(original);
    expect(decoder.encoding).toBe("utf-8");
    expect(decoder.sawInvalidBytes).toBe(false);
  });

  it("a genuine U+FFFD split between two chunks is still not an invalid byte", () => {
    const bytes = Buffer.from("خبر \uFFFD آخر", "utf8");
    const cut = bytes.indexOf(Buffer.from([0xef, 0xbf, 0xbd])) + 1;
    const { text, decoder } = decode(bytes.subarray(0, cut), bytes.subarray(cut));
    expect(text).toBe("خبر \uFFFD آخر");
    expect(decoder.sawInvalidBytes).toBe(false);
  });

  it("NUL-heavy binary data throws NotTextError", () => {
    // Pseudo-random bytes with about a third of them NUL, at even and odd offsets alike.
    const binary = Buffer.alloc(4096);
    let seed = 12345;
    for (let i = 0; i < binary.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      binary[i] = seed % 3 === 0 ? 0 : seed >> 16 & 0xff;
    }
    expect(() => decode(binary)).toThrow(NotTextError);
  });
});

describe("DumpDecoder: chunk boundaries", () => {
  it("a multi-byte character split across two write() calls", () => {
    const bytes = Buffer.from("مرحبا بكم في دمشق", "utf8");
    // Byte 3 is the second byte of the second letter (every Arabic letter is 2 bytes).
    const { text, decoder } = decode(bytes.subarray(0, 3), bytes.subarray(3));
    expect(text).toBe("مرحبا بكم في دمشق");
    expect(decoder.sawInvalidBytes).toBe(false);
  });

  it("a UTF-8 BOM split across 1-byte chunks", () => {
    const { text, decoder } = decode(...bytewise(Buffer.concat([UTF8_BOM, Buffer.from(ARABIC, "utf8")])));
    expect(text).toBe(ARABIC);
    expect(decoder.encoding).toBe("utf-8");
    expect(decoder.hadBom).toBe(true);
    expect(decoder.sawInvalidBytes).toBe(false);
  });

  it("UTF-16 LE and BE with BOM fed one byte at a time", () => {
    const le = decode(...bytewise(Buffer.concat([UTF16LE_BOM, Buffer.from(ARABIC, "utf16le")])));
    expect(le.text).toBe(ARABIC);
    expect(le.decoder.encoding).toBe("utf-16le");
    const be = decode(...bytewise(Buffer.concat([UTF16BE_BOM, utf16be(ARABIC)])));
    expect(be.text).toBe(ARABIC);
    expect(be.decoder.encoding).toBe("utf-16be");
  });

  it("UTF-8 without BOM fed one byte at a time", () => {
    const { text, decoder } = decode(...bytewise(Buffer.from(MIXED + ARABIC, "utf8")));
    expect(text).toBe(MIXED + ARABIC);
    expect(decoder.encoding).toBe("utf-8");
    expect(decoder.sawInvalidBytes).toBe(false);
  });

  it("a file shorter than a BOM is decoded at end()", () => {
    expect(decode(Buffer.from("ab", "latin1")).text).toBe("ab");
    expect(decode(Buffer.from("م", "utf8")).text).toBe("م");
  });

  it("property: the text does not depend on where the chunks are cut (UTF-8, UTF-16 with BOM)", () => {
    const files = [
      Buffer.from(MIXED + ARABIC, "utf8"),
      Buffer.concat([UTF8_BOM, Buffer.from(ARABIC + MIXED, "utf8")]),
      Buffer.concat([UTF16LE_BOM, Buffer.from(ARABIC + MIXED, "utf16le")]),
      Buffer.concat([UTF16BE_BOM, utf16be(MIXED + ARABIC)]),
    ];
    const expected = [MIXED + ARABIC, ARABIC + MIXED, ARABIC + MIXED, MIXED + ARABIC];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: files.length - 1 }), fc.array(fc.nat(), { maxLength: 12 }), (which, cuts) => {
        const file = files[which]!;
        const points = [...new Set(cuts.map((c) => c % (file.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let from = 0;
        for (const point of [...points, file.length]) {
          chunks.push(file.subarray(from, point));
          from = point;
        }
        const { text, decoder } = decode(...chunks);
        expect(text).toBe(expected[which]);
        expect(decoder.sawInvalidBytes).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("property: the text is the same when every chunk is read into one buffer, as files are read", () => {
    const ascii = "25 Jan 2021 11:27\n";
    const files = [windows1256(CP1256_TEXT), Buffer.concat([Buffer.from(ascii, "latin1"), windows1256(CP1256_TEXT)]), Buffer.concat([UTF16LE_BOM, Buffer.from(ARABIC, "utf16le")])];
    const expected = [CP1256_TEXT, ascii + CP1256_TEXT, ARABIC];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: files.length - 1 }), fc.integer({ min: 1, max: 8 }), (which, size) => {
        const file = files[which]!;
        const buffer = Buffer.alloc(size);
        const decoder = new DumpDecoder();
        let text = "";
        for (let from = 0; from < file.length; from += size) {
          const count = file.copy(buffer, 0, from, from + size);
          text += decoder.write(buffer.subarray(0, count));
        }
        expect(text + decoder.end()).toBe(expected[which]);
      }),
      { numRuns: 100 },
    );
  });

  it("Windows-1256 fed one byte at a time still decodes as Windows-1256", () => {
    const { text, decoder } = decode(...bytewise(windows1256(CP1256_TEXT)));
    expect(decoder.encoding).toBe("windows-1256");
    expect(text).toBe(CP1256_TEXT);
  });

  it("Windows-1256 after an ASCII line, fed one byte at a time, still decodes as Windows-1256", () => {
    const ascii = "25 Jan 2021 11:27\n";
    const { text, decoder } = decode(...bytewise(Buffer.concat([Buffer.from(ascii, "latin1"), windows1256(CP1256_TEXT)])));
    expect(decoder.encoding).toBe("windows-1256");
    expect(text).toBe(ascii + CP1256_TEXT);
  });
});

/** Splits text written in the given pieces; returns the lines. */
function split(...pieces: string[]): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  for (const piece of pieces) splitter.write(piece);
  splitter.end();
  return lines;
}

describe("LineSplitter", () => {
  it("LF endings", () => {
    expect(split("عنوان\nتنا\nرقم: 1\n")).toEqual(["عنوان", "تنا", "رقم: 1"]);
  });

  it("CRLF endings: no CR left on a line", () => {
    expect(split("عنوان\r\nتنا\r\nرقم: 1\r\n")).toEqual(["عنوان", "تنا", "رقم: 1"]);
  });

  it("CR endings (old Mac)", () => {
    expect(split("عنوان\rتنا\rرقم: 1\r")).toEqual(["عنوان", "تنا", "رقم: 1"]);
  });

  it("mixed endings in one text", () => {
    expect(split("أ\nب\r\nج\rد\n")).toEqual(["أ", "ب", "ج", "د"]);
  });

  it("a CRLF split between two write() calls gives no extra empty line", () => {
    expect(split("عنوان\r", "\nتنا\r\n")).toEqual(["عنوان", "تنا"]);
    expect(split("أ\r", "\n", "ب")).toEqual(["أ", "ب"]);
  });

  it("an empty write() between the CR and the LF of a CRLF gives no extra empty line", () => {
    // The decoder returns "" while it holds back part of a character, and that "" is written on.
    expect(split("أ\r", "", "\nب")).toEqual(["أ", "ب"]);
  });

  it("decoder and splitter together: UTF-16 LE CRLF text fed one byte at a time gives the same lines", () => {
    const text = "عنوان\r\nتنا\r\n25 Jan 2021 ساعة 11:27\r\nرقم: 1\r\n";
    const decoder = new DumpDecoder();
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    for (const chunk of bytewise(Buffer.concat([UTF16LE_BOM, Buffer.from(text, "utf16le")]))) splitter.write(decoder.write(chunk));
    splitter.write(decoder.end());
    splitter.end();
    expect(lines).toEqual(["عنوان", "تنا", "25 Jan 2021 ساعة 11:27", "رقم: 1"]);
  });

  it("a CR at the end of a chunk followed by a blank line (CR LF LF) keeps the blank line", () => {
    expect(split("أ\r", "\n\nب")).toEqual(["أ", "", "ب"]);
  });

  it("a CR at the end of a chunk followed by text ends the line", () => {
    expect(split("أ\r", "ب\r", "ج")).toEqual(["أ", "ب", "ج"]);
  });

  it("the last line without a newline is still a line", () => {
    expect(split("عنوان\nرقم: 490728")).toEqual(["عنوان", "رقم: 490728"]);
  });

  it("a line split across several write() calls is joined", () => {
    expect(split("رق", "م: 49", "0728\nتنا")).toEqual(["رقم: 490728", "تنا"]);
  });

  it("empty lines are preserved (LF, CRLF, CR)", () => {
    expect(split("أ\n\n\nب\n")).toEqual(["أ", "", "", "ب"]);
    expect(split("أ\r\n\r\nب\r\n")).toEqual(["أ", "", "ب"]);
    expect(split("أ\r\rب")).toEqual(["أ", "", "ب"]);
    expect(split("\nأ")).toEqual(["", "أ"]);
  });

  it("trailing spaces are kept for the parser to trim", () => {
    expect(split("تنا  \r\n")).toEqual(["تنا  "]);
  });

  it("empty input gives no line", () => {
    expect(split("")).toEqual([]);
    expect(split()).toEqual([]);
  });

  it("property: any cut of the text gives the same lines", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("أ", "ب", " ", "\n", "\r", "\r\n", "x"), { maxLength: 40 }).map((parts) => parts.join("")),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, cuts) => {
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const pieces: string[] = [];
          let from = 0;
          for (const point of [...points, text.length]) {
            pieces.push(text.slice(from, point));
            from = point;
          }
          // Reference: split on any line ending; a final ending does not start a new line.
          const expected = text.length === 0 ? [] : text.split(/\r\n|\r|\n/);
          if (/(\r\n|\r|\n)$/.test(text)) expected.pop();
          expect(split(...pieces)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("LineSplitter: a line longer than the limit", () => {
  /** Lines and whether each was cut, with a limit of `longest` characters. */
  function splitWithLimit(longest: number, ...pieces: string[]): Array<[string, boolean]> {
    const lines: Array<[string, boolean]> = [];
    const splitter = new LineSplitter((line, isCut) => lines.push([line, isCut]), longest);
    for (const piece of pieces) splitter.write(piece);
    splitter.end();
    return lines;
  }

  it("is cut to the limit, marked, and the rest of it skipped; the next lines are whole", () => {
    expect(splitWithLimit(5, "abcdefgh\nxy\n")).toEqual([["abcde", true], ["xy", false]]);
    expect(splitWithLimit(5, "ab", "cd", "ef", "gh", "\r\n", "xy")).toEqual([["abcde", true], ["xy", false]]);
    expect(splitWithLimit(5, "abcde\n")).toEqual([["abcde", false]]);
  });

  it("is cut at the end of the text too, without a line ending", () => {
    expect(splitWithLimit(4, "ok\n", "0123456789")).toEqual([["ok", false], ["0123", true]]);
  });

  it("never cuts a surrogate pair in two", () => {
    expect(splitWithLimit(3, "ab\u{1F600}cd\n")).toEqual([["ab", true]]);
  });

  it("property: lines within the limit come out as without a limit; longer ones are their start", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("أ", "ب", "x", "\n", "\r\n", "yyyyyy"), { maxLength: 40 }).map((parts) => parts.join("")),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 7 }),
        (text, longest, pieceLength) => {
          const pieces: string[] = [];
          for (let i = 0; i < text.length; i += pieceLength) pieces.push(text.slice(i, i + pieceLength));
          const expected = split(text).map((line): [string, boolean] => (line.length > longest ? [line.slice(0, longest), true] : [line, false]));
          expect(splitWithLimit(longest, ...pieces)).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// Bytes to text for dump files whose encoding nobody declared: a BOM decides when there is one
// (UTF-8, UTF-16 LE/BE); otherwise the first bytes that are not ASCII decide between UTF-8 and
// Windows-1256, the two encodings Arabic pages are saved in. A UTF-8 file with a stray bad byte
// stays UTF-8 (the byte becomes U+FFFD and the line is flagged), never re-read as Windows-1256.

import { isUtf8 } from "node:buffer";
import { TextDecoder } from "node:util";

type DumpEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1256";

/** The bytes are not text (NUL bytes outside UTF-16). */
export class NotTextError extends Error {
  constructor() {
    super("not a text file (it holds NUL bytes)");
  }
}

const REPLACEMENT = "\uFFFD";
// Enough bytes to tell UTF-16 without a BOM, binary data and UTF-8 from Windows-1256.
const SNIFF_BYTES = 64 * 1024;
const BOM_BYTES = 3;
// Non-ASCII bytes needed before UTF-8 and Windows-1256 can be told apart with confidence.
const ENOUGH_EVIDENCE = 16;
// Bytes of an encoded U+FFFD (3 in UTF-8) that can stand at the end of one chunk.
const ENCODED_REPLACEMENT_TAIL = 2;

/**
 * A streaming decoder: `write` each chunk, then `end`. Holds back only the few bytes of a
 * sequence split between chunks (and, before the encoding is known, a BOM split by a tiny chunk).
 * What it holds it copies: the caller may read the next chunk into the same buffer.
 */
export class DumpDecoder {
  encoding: DumpEncoding | undefined;
  hadBom = false;
  /** Some bytes were not valid in the encoding and became U+FFFD. */
  sawInvalidBytes = false;
  private decoder: TextDecoder | undefined;
  private head: Buffer | undefined;
  /** Bytes held while too few of them are non-ASCII to tell the encoding. */
  private undecided: Buffer | undefined;
  /** The last bytes of the previous chunk, where an encoded U+FFFD may have begun. */
  private tail: Buffer = Buffer.alloc(0);
  private isStart = true;

  write(chunk: Buffer): string {
    if (this.head !== undefined) {
      chunk = Buffer.concat([this.head, chunk]);
      this.head = undefined;
    }
    if (this.isStart) {
      if (chunk.length < BOM_BYTES) {
        this.head = Buffer.from(chunk);
        return "";
      }
      this.isStart = false;
      this.readBom(chunk);
    }
    if (this.decoder === undefined) {
      // ASCII reads the same in every candidate: pass it through until enough bytes decide.
      if (this.undecided === undefined && chunk.indexOf(0) < 0 && isAscii(chunk)) return chunk.toString("latin1");
      const held = this.undecided === undefined ? chunk : Buffer.concat([this.undecided, chunk]);
      if (held.indexOf(0) < 0 && countNonAscii(held) < ENOUGH_EVIDENCE && held.length < SNIFF_BYTES) {
        this.undecided = held === chunk ? Buffer.from(chunk) : held;
        return "";
      }
      this.undecided = undefined;
      this.choose(this.sniff(held));
      chunk = held;
    }
    return this.decode(chunk, true);
  }

  end(): string {
    let text = "";
    const rest = this.head ?? this.undecided;
    if (rest !== undefined) {
      if (this.head !== undefined) this.readBom(rest);
      this.head = undefined;
      this.undecided = undefined;
      this.isStart = false;
      if (this.decoder === undefined) this.choose(this.sniff(rest, true));
      text = this.decode(rest, true);
    }
    if (this.decoder !== undefined) text += this.decode(Buffer.alloc(0), false);
    return text;
  }

  private decode(chunk: Buffer, isStreaming: boolean): string {
    const text = this.decoder!.decode(chunk, { stream: isStreaming });
    if (!this.sawInvalidBytes) {
      // An encoded U+FFFD split between chunks is decoded with the second one: count it there.
      const bytes = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
      if (text.includes(REPLACEMENT) && countReplacements(text) > countEncodedReplacements(bytes, this.encoding!)) {
        this.sawInvalidBytes = true;
      }
      this.tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - ENCODED_REPLACEMENT_TAIL)));
    }
    return text;
  }

  private readBom(chunk: Buffer): void {
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) this.choose("utf-8", true);
    else if (chunk[0] === 0xff && chunk[1] === 0xfe) this.choose("utf-16le", true);
    else if (chunk[0] === 0xfe && chunk[1] === 0xff) this.choose("utf-16be", true);
  }

  private choose(encoding: DumpEncoding, hadBom = false): void {
    this.encoding = encoding;
    this.hadBom = hadBom;
    // The decoder drops the BOM of its own encoding.
    this.decoder = new TextDecoder(encoding, { fatal: false });
  }

  /** `isComplete`: the file ends here, so a byte at the end cannot be the start of a sequence. */
  private sniff(chunk: Buffer, isComplete = false): DumpEncoding {
    const sample = chunk.subarray(0, SNIFF_BYTES);
    if (sample.indexOf(0) >= 0) {
      const utf16 = sniffUtf16(sample);
      if (utf16 === undefined) throw new NotTextError();
      return utf16;
    }
    if (isUtf8(isComplete ? sample : trimPartialSequence(sample))) return "utf-8";
    const { valid, invalid } = countUtf8Sequences(sample);
    return valid > invalid ? "utf-8" : "windows-1256";
  }
}

/** Non-ASCII bytes, counted up to ENOUGH_EVIDENCE. */
function countNonAscii(bytes: Buffer): number {
  let count = 0;
  for (let i = 0; i < bytes.length && count < ENOUGH_EVIDENCE; i++) if (bytes[i]! > 0x7f) count++;
  return count;
}

function isAscii(chunk: Buffer): boolean {
  for (let i = 0; i < chunk.length; i++) if (chunk[i]! > 0x7f) return false;
  return true;
}

/**
 * UTF-16 without a BOM: in text of Arabic and ASCII, one byte of each pair is nearly always
 * 0x00 or 0x06 (the Arabic block), on the high side of the pair.
 */
function sniffUtf16(sample: Buffer): DumpEncoding | undefined {
  let highEven = 0;
  let highOdd = 0;
  const pairs = Math.floor(sample.length / 2);
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0 || sample[i] === 6) highEven++;
    if (sample[i + 1] === 0 || sample[i + 1] === 6) highOdd++;
  }
  const mostly = pairs * 0.9;
  if (highOdd >= mostly && highEven < pairs * 0.5) return "utf-16le";
  if (highEven >= mostly && highOdd < pairs * 0.5) return "utf-16be";
  return undefined;
}

/** Drops an incomplete UTF-8 sequence cut off at the end of a chunk. */
function trimPartialSequence(bytes: Buffer): Buffer {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return bytes;
    if (byte >= 0xc0) return bytes.subarray(0, bytes.length - back);
  }
  return bytes;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that start no valid sequence. */
function countUtf8Sequences(bytes: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf(REPLACEMENT); i >= 0; i = text.indexOf(REPLACEMENT, i + 1)) count++;
  return count;
}

/** U+FFFD characters that the file itself holds (so they are not decoding errors). */
function countEncodedReplacements(chunk: Buffer, encoding: DumpEncoding): number {
  const needle =
    encoding === "utf-8" ? Buffer.from([0xef, 0xbf, 0xbd]) : encoding === "utf-16le" ? Buffer.from([0xfd, 0xff]) : encoding === "utf-16be" ? Buffer.from([0xff, 0xfd]) : undefined;
  if (needle === undefined) return 0;
  let count = 0;
  for (let i = chunk.indexOf(needle); i >= 0; i = chunk.indexOf(needle, i + 1)) count++;
  return count;
}

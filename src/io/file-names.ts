// File names as newsctl holds them: strings, so that a record's `file`, a message and an index
// key can carry them, even when the name on disk is not UTF-8 (archives made on Windows carry
// names in Windows-1256 bytes). Such a name is written with each byte that is not part of a
// UTF-8 character as `\xHH`, and mapped back to those bytes whenever newsctl opens it again.
//
// The form, exactly: a path whose bytes are UTF-8 and hold no text like `\xHH` (H an uppercase
// hex digit) is itself. Any other path is written with its UTF-8 characters as they are, every
// other byte as `\xHH`, and every backslash as `\x5C`; so each of its backslashes starts an
// escape, and no path of the first kind looks like one of the second. A name in this form is
// opened by its bytes; if there is no such path, by the name as written (a name typed on the
// command line that happens to look like an escape).

import { lstatSync, readFileSync } from "node:fs";
import { isUtf8 } from "node:buffer";

const ESCAPE = /\\x[0-9A-F]{2}/;
/** Every backslash starts an escape: the second form above. */
const ESCAPED_NAME = /^(?:[^\\]|\\x[0-9A-F]{2})*$/s;
const BACKSLASH = 0x5c;

/** The name of a path given as bytes, as a record's `file` and messages show it. */
export function nameOfBytes(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) {
    const text = buffer.toString("utf8");
    if (!ESCAPE.test(text)) return text;
  }
  let name = "";
  let start = 0; // of the run of UTF-8 characters not yet added
  let at = 0;
  const flush = (end: number) => {
    if (end > start) name += buffer.toString("utf8", start, end);
  };
  while (at < buffer.length) {
    const length = utf8CharacterLength(buffer, at);
    if (length === 0 || buffer[at] === BACKSLASH) {
      flush(at);
      name += `\\x${buffer[at]!.toString(16).toUpperCase().padStart(2, "0")}`;
      at++;
      start = at;
    } else {
      at += length;
    }
  }
  flush(at);
  return name;
}

/** The bytes a name in the escaped form stands for; undefined for a name that is not in it. */
export function bytesOfEscapedName(name: string): Buffer | undefined {
  if (!ESCAPE.test(name) || !ESCAPED_NAME.test(name)) return undefined;
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = name.indexOf("\\"); at !== -1; at = name.indexOf("\\", start)) {
    if (at > start) parts.push(Buffer.from(name.slice(start, at), "utf8"));
    parts.push(Buffer.of(Number.parseInt(name.slice(at + 2, at + 4), 16)));
    start = at + 4;
  }
  if (start < name.length) parts.push(Buffer.from(name.slice(start), "utf8"));
  return Buffer.concat(parts);
}

/** What to hand the file system for a name: its bytes when it is in the escaped form. */
export function systemPath(name: string): string | Buffer {
  const bytes = bytesOfEscapedName(name);
  if (bytes === undefined) return name;
  if (exists(bytes) || !exists(name)) return bytes;
  return name;
}

/** The bytes of a name, as the file system is given them. */
export function systemPathBytes(name: string): Buffer {
  const path = systemPath(name);
  return typeof path === "string" ? Buffer.from(path, "utf8") : path;
}

function exists(path: string | Buffer): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The arguments as the shell passed them, from the raw command line (Linux's
 * /proc/self/cmdline: NUL-terminated arguments). Node decodes its argv as UTF-8, turning each
 * byte that is not into U+FFFD and losing it; an argument so decoded is taken from the raw bytes
 * instead, in the escaped form. The raw arguments end with the ones given here.
 */
export function recoverArguments(argv: readonly string[], cmdline: Buffer | undefined): string[] {
  if (cmdline === undefined || !argv.some((argument) => argument.includes("\uFFFD"))) return [...argv];
  const raw: Buffer[] = [];
  let start = 0;
  for (let end = cmdline.indexOf(0); end !== -1; end = cmdline.indexOf(0, start)) {
    raw.push(cmdline.subarray(start, end));
    start = end + 1;
  }
  if (raw.length < argv.length) return [...argv];
  const given = raw.slice(raw.length - argv.length);
  return argv.map((argument, index) => {
    const bytes = given[index]!;
    // Only an argument that the raw bytes decode to, and that lost bytes in decoding, changes.
    if (!argument.includes("\uFFFD") || bytes.toString("utf8") !== argument) return argument;
    return nameOfBytes(bytes);
  });
}

/** This process's arguments after the script, with names that are not UTF-8 recovered where the system allows. */
export function argumentsAsGiven(argv: readonly string[]): string[] {
  if (!argv.some((argument) => argument.includes("\uFFFD"))) return [...argv];
  let cmdline: Buffer | undefined;
  try {
    cmdline = readFileSync("/proc/self/cmdline");
  } catch {
    cmdline = undefined; // not Linux: the names stay as Node decoded them
  }
  return recoverArguments(argv, cmdline);
}

/** The length of the well-formed UTF-8 character at `at`, or 0 when there is none there. */
function utf8CharacterLength(bytes: Buffer, at: number): number {
  const first = bytes[at]!;
  if (first < 0x80) return 1;
  const isContinuation = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[at + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (first >= 0xc2 && first <= 0xdf) return isContinuation(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    // No overlong forms (E0 A0-BF) and no surrogates (ED 80-9F).
    const low = first === 0xe0 ? 0xa0 : 0x80;
    const high = first === 0xed ? 0x9f : 0xbf;
    return isContinuation(1, low, high) && isContinuation(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    // No overlong forms (F0 90-BF) and nothing above U+10FFFF (F4 80-8F).
    const low = first === 0xf0 ? 0x90 : 0x80;
    const high = first === 0xf4 ? 0x8f : 0xbf;
    return isContinuation(1, low, high) && isContinuation(2) && isContinuation(3) ? 4 : 0;
  }
  return 0;
}

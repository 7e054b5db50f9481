// Real text for the benchmark: the shared corpus of Saudi newspaper articles (../shared/corpus),
// copied as many times as it takes to reach a size, each copy's article numbers made new (a
// three-digit copy number before the old digits, in the same digit set), each file kept in its
// encoding (UTF-8 with or without BOM, UTF-16, Windows-1256) and line endings. Real articles have
// longer bodies and far more distinct words than generated ones, which is what the figures must
// be judged on. The copies live in the system's temporary folder, never in the project.

import { isUtf8 } from "node:buffer";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The shared corpus's dumps, or undefined when ../shared is not beside the project. */
export function sharedDumps(root) {
  const dumps = path.resolve(root, "../shared/corpus/saudinewsnet-2015-07-22/dumps");
  return existsSync(dumps) ? dumps : undefined;
}

/** Every file under a folder, in name order. */
function filesUnder(directory) {
  return readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(directory, entry.name)) : [path.join(directory, entry.name)]));
}

const NUMBER_LINE = /^([ \t\uFEFF]*رقم[ \t]*[:：][ \t]*)([0-9\u0660-\u0669\u06F0-\u06F9]+)/gmu;
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0];

/** A copy's new number: the copy's three digits, then the old ones, in the old ones' digit set. */
function renumber(digits, copy) {
  const code = digits.codePointAt(0);
  const zero = DIGIT_ZEROS.find((candidate) => code >= candidate && code <= candidate + 9);
  const prefix = String(100 + copy)
    .split("")
    .map((digit) => String.fromCodePoint(zero + Number(digit)))
    .join("");
  return prefix + digits;
}

const WINDOWS_1256 = new TextDecoder("windows-1256");
const TO_WINDOWS_1256 = (() => {
  const table = new Map();
  for (let byte = 0; byte < 256; byte++) table.set(WINDOWS_1256.decode(Uint8Array.of(byte)), byte);
  return table;
})();

function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8-bom", text: bytes.subarray(3).toString("utf8") };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", text: bytes.subarray(2).toString("utf16le") };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", text: Buffer.from(bytes.subarray(2)).swap16().toString("utf16le") };
  if (isUtf8(bytes)) return { encoding: "utf-8", text: bytes.toString("utf8") };
  return { encoding: "windows-1256", text: WINDOWS_1256.decode(bytes) };
}

function encode(encoding, text) {
  switch (encoding) {
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf-16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf-16be":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
    case "utf-8":
      return Buffer.from(text, "utf8");
    default:
      return Buffer.from(Array.from(text, (character) => TO_WINDOWS_1256.get(character) ?? 0x3f));
  }
}

/**
 * Copies of the shared corpus holding at least `articles` articles, made once into
 * `directory` (a `.complete` marker holds what was made). Returns the marker's contents.
 */
export function replicateCorpus({ dumps, articles, directory, articlesPerCopy }) {
  const marker = path.join(directory, ".complete");
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, "utf8"));
  rmSync(directory, { recursive: true, force: true });
  const sources = filesUnder(dumps).map((file) => ({ relative: path.relative(dumps, file), ...decode(readFileSync(file)) }));
  const copies = Math.ceil(articles / articlesPerCopy);
  let bytes = 0;
  for (let copy = 0; copy < copies; copy++) {
    for (const source of sources) {
      const target = path.join(directory, `copy-${String(copy).padStart(3, "0")}`, source.relative);
      mkdirSync(path.dirname(target), { recursive: true });
      const encoded = encode(source.encoding, source.text.replace(NUMBER_LINE, (_, head, digits) => head + renumber(digits, copy)));
      writeFileSync(target, encoded);
      bytes += encoded.length;
    }
  }
  const made = { copies, articles: copies * articlesPerCopy, files: copies * sources.length, bytes };
  writeFileSync(marker, JSON.stringify(made));
  return made;
}

/** Bytes of the dumps of one copy, to check a copy has the size of the original. */
export function bytesUnder(directory) {
  return filesUnder(directory).reduce((sum, file) => sum + statSync(file).size, 0);
}

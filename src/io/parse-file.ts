// One dump parsed for the pool (parse-sources.ts), on whichever thread: its records in batches
// and, for an index, the SHA-256 of its bytes and each record's index columns.

import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { indexTexts, type IndexTexts } from "../core/fts-terms.js";
import type { ParsedItem } from "../core/record.js";
import type { TimeZone } from "../core/time-zone.js";
import { readDump, type DumpSource } from "./read-dump.js";

export type FileParseStep =
  /** `terms`: with isForIndex, each item's index columns (null where the item has no record). */
  | { items: ParsedItem[]; terms?: (IndexTexts | null)[] }
  /** The end of the file; `hash` with isForIndex. */
  | { done: true; hash?: string };

export interface FileParseOptions {
  timeZone?: TimeZone | undefined;
  stdin: Readable;
  isForIndex?: boolean | undefined;
}

/** Parses one dump; throws InputError when it cannot be read. */
export async function* parseFile(source: DumpSource, options: FileParseOptions): AsyncGenerator<FileParseStep> {
  const hash = options.isForIndex ? createHash("sha256") : undefined;
  const onBytes = hash === undefined ? undefined : (chunk: Buffer) => void hash.update(chunk);
  for await (const items of readDump(source, { timeZone: options.timeZone, stdin: options.stdin, onBytes })) {
    if (!options.isForIndex) yield { items };
    else yield { items, terms: items.map((item) => (item.record === null ? null : indexTexts(item.record))) };
  }
  yield hash === undefined ? { done: true } : { done: true, hash: hash.digest("hex") };
}

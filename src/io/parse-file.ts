// One dump parsed for the pool (parse-sources.ts), on whichever thread: its records in batches
// and, for an index, the SHA-256 of its bytes and each record's index columns; for an export,
// its records already written in the output format (an encoder the caller names).

import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { indexTexts, type IndexTexts } from "../core/fts-terms.js";
import type { DumpProblem, ParsedItem } from "../core/record.js";
import type { TimeZone } from "../core/time-zone.js";
import { readDump, type DumpSource } from "./read-dump.js";

/**
 * Records written out by the thread that parsed them: the bytes, and what the reading must
 * still count and report. A worker hands the bytes over rather than copying them.
 */
export interface EncodedBatch {
  bytes: Uint8Array;
  /** Records in `bytes` (those the filters kept). */
  records: number;
  /** Articles read, kept or not. */
  articles: number;
  /** The problems to report, in file order. */
  problems: DumpProblem[];
}

export type BatchEncoder = (items: ParsedItem[]) => EncodedBatch;

/**
 * A module that makes a BatchEncoder (`makeBatchEncoder(settings)`), named by URL so that a
 * worker thread can load it too; `settings` must survive a structured clone.
 */
export interface BatchEncoderSpec {
  module: string;
  settings: unknown;
}

export async function loadBatchEncoder(spec: BatchEncoderSpec): Promise<BatchEncoder> {
  const { makeBatchEncoder } = (await import(spec.module)) as { makeBatchEncoder: (settings: unknown) => BatchEncoder };
  return makeBatchEncoder(spec.settings);
}

export type FileParseStep =
  /** `terms`: with isForIndex, each item's index columns (null where the item has no record). */
  | { items: ParsedItem[]; terms?: (IndexTexts | null)[] }
  /** With an encoder, the records in their output form instead. */
  | { encoded: EncodedBatch }
  /** The end of the file; `hash` with isForIndex. */
  | { done: true; hash?: string };

interface FileParseOptions {
  timeZone?: TimeZone | undefined;
  stdin: Readable;
  isForIndex?: boolean | undefined;
  encodeBatch?: BatchEncoder | undefined;
}

/** Parses one dump; throws InputError when it cannot be read. */
export async function* parseFile(source: DumpSource, options: FileParseOptions): AsyncGenerator<FileParseStep> {
  const hash = options.isForIndex ? createHash("sha256") : undefined;
  const onBytes = hash === undefined ? undefined : (chunk: Buffer) => void hash.update(chunk);
  const { encodeBatch } = options;
  for await (const items of readDump(source, { timeZone: options.timeZone, stdin: options.stdin, onBytes })) {
    if (encodeBatch !== undefined) yield { encoded: encodeBatch(items) };
    else if (!options.isForIndex) yield { items };
    else yield { items, terms: items.map((item) => (item.record === null ? null : indexTexts(item.record))) };
  }
  yield hash === undefined ? { done: true } : { done: true, hash: hash.digest("hex") };
}

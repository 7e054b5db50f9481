// A worker thread of the parse pool (parse-sources.ts): parses the dumps it is sent, one at a
// time, and posts their records back in batches as it goes.

import { createHash } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { ftsColumnTexts, type FtsColumnTexts } from "../core/fts-terms.js";
import type { ParsedItem } from "../core/record.js";
import { resolveTimeZone } from "../core/time-zone.js";
import { InputError } from "../errors.js";
import { readDump } from "./read-dump.js";

/** A file to parse, as the pool sends it. */
export interface ParseTask {
  task: number;
  name: string;
  path: string;
}

export type ParseReply =
  | { task: number; items: ParsedItem[]; terms?: (FtsColumnTexts | null)[] }
  | { task: number; done: true; hash?: string }
  | { task: number; unreadable: { path: string; message: string } }
  | { task: number; failure: { message: string; stack: string | undefined } };

const port = parentPort!;
const { timeZone: zoneName, isForIndex } = workerData as { timeZone: string | undefined; isForIndex: boolean };
const timeZone = zoneName === undefined ? undefined : resolveTimeZone(zoneName);

port.on("message", (message: ParseTask) => {
  void parse(message);
});

async function parse({ task, name, path }: ParseTask): Promise<void> {
  try {
    const hash = isForIndex ? createHash("sha256") : undefined;
    const onBytes = hash === undefined ? undefined : (chunk: Buffer) => void hash.update(chunk);
    for await (const items of readDump({ name, path }, { timeZone, stdin: process.stdin, onBytes })) {
      // For an index, the tokens and stems are made here too, off the thread that writes SQLite.
      const terms = isForIndex ? items.map((item) => (item.record === null ? null : ftsColumnTexts(item.record))) : undefined;
      port.postMessage({ task, items, ...(terms === undefined ? {} : { terms }) } satisfies ParseReply);
    }
    port.postMessage({ task, done: true, ...(hash === undefined ? {} : { hash: hash.digest("hex") }) } satisfies ParseReply);
  } catch (error) {
    if (error instanceof InputError) {
      port.postMessage({ task, unreadable: { path: error.path, message: error.message.slice(error.path.length + 2) } } satisfies ParseReply);
    } else {
      const failure = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error), stack: undefined };
      port.postMessage({ task, failure } satisfies ParseReply);
    }
  }
}

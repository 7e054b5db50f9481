// A worker thread of the parse pool (parse-sources.ts): parses the dumps it is sent, one at a
// time in the order sent, and posts their records back in batches as it goes (or, for an
// export, the records already written out: their bytes are handed over, not copied).

import { parentPort, workerData } from "node:worker_threads";
import { resolveTimeZone } from "../core/time-zone.js";
import { InputError } from "../errors.js";
import { loadBatchEncoder, parseFile, type BatchEncoderSpec, type FileParseStep } from "./parse-file.js";

/** A file to parse, as the pool sends it. */
export interface ParseTask {
  task: number;
  name: string;
  path: string;
}

export type ParseReply =
  | ({ task: number } & FileParseStep)
  | { task: number; unreadable: { path: string; reason: string } }
  | { task: number; failure: { message: string; stack: string | undefined } };

/** What the pool tells each worker when it starts it. */
export interface ParseWorkerData {
  timeZone: string | undefined;
  isForIndex: boolean;
  batchEncoder: BatchEncoderSpec | undefined;
}

const port = parentPort!;
const { timeZone: zoneName, isForIndex, batchEncoder } = workerData as ParseWorkerData;
const timeZone = zoneName === undefined ? undefined : resolveTimeZone(zoneName);
const encoding = batchEncoder === undefined ? Promise.resolve(undefined) : loadBatchEncoder(batchEncoder);

// The pool sends the next file before this one is done; it waits its turn here.
let previous = Promise.resolve();
port.on("message", (message: ParseTask) => {
  previous = previous.then(() => parse(message));
});

async function parse({ task, name, path }: ParseTask): Promise<void> {
  try {
    const encodeBatch = await encoding;
    // For an index, tokens and stems are made here too, off the thread that writes SQLite.
    for await (const step of parseFile({ name, path }, { timeZone, stdin: process.stdin, isForIndex, encodeBatch })) {
      const transfer = "encoded" in step ? [step.encoded.bytes.buffer as ArrayBuffer] : [];
      port.postMessage({ task, ...step } satisfies ParseReply, transfer);
    }
  } catch (error) {
    if (error instanceof InputError) {
      port.postMessage({ task, unreadable: { path: error.path, reason: error.reason } } satisfies ParseReply);
    } else {
      const failure = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error), stack: undefined };
      port.postMessage({ task, failure } satisfies ParseReply);
    }
  }
}

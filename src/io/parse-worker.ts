// A worker thread of the parse pool (parse-sources.ts): parses the dumps it is sent, one at a
// time, and posts their records back in batches as it goes.

import { parentPort, workerData } from "node:worker_threads";
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
  | { task: number; items: import("../core/record.js").ParsedItem[] }
  | { task: number; done: true }
  | { task: number; unreadable: { path: string; message: string } }
  | { task: number; failure: string };

const port = parentPort!;
const { timeZone: zoneName } = workerData as { timeZone: string | undefined };
const timeZone = zoneName === undefined ? undefined : resolveTimeZone(zoneName);

port.on("message", (message: ParseTask) => {
  void parse(message);
});

async function parse({ task, name, path }: ParseTask): Promise<void> {
  try {
    for await (const items of readDump({ name, path }, { timeZone, stdin: process.stdin })) {
      port.postMessage({ task, items } satisfies ParseReply);
    }
    port.postMessage({ task, done: true } satisfies ParseReply);
  } catch (error) {
    if (error instanceof InputError) {
      port.postMessage({ task, unreadable: { path: error.path, message: error.message.slice(error.path.length + 2) } } satisfies ParseReply);
    } else {
      port.postMessage({ task, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ParseReply);
    }
  }
}

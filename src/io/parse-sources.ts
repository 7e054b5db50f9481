// Dumps to records, in input order, on one thread or several. With more than one job, files
// are parsed by a pool of worker threads while this thread hands their records on in the order
// the files were given; at most a few files are ahead at any time, so memory stays flat
// whatever the number of files. Standard input, and the first file while the pool starts, are
// parsed on this thread.

import { Worker } from "node:worker_threads";
import type { IndexTexts } from "../core/fts-terms.js";
import type { ParsedItem } from "../core/record.js";
import type { TimeZone } from "../core/time-zone.js";
import { InputError } from "../errors.js";
import type { ParseReply, ParseTask } from "./parse-worker.js";
import { parseFile, type FileParseStep } from "./parse-file.js";
import type { DumpSource } from "./read-dump.js";
import type { Readable } from "node:stream";

export type ParseEvent =
  /** `terms`: with isForIndex, each record's index columns (null where the item has no record). */
  | { kind: "items"; source: DumpSource; items: ParsedItem[]; terms?: (IndexTexts | null)[] }
  /** `hash`: with isForIndex, the SHA-256 of the file's bytes. */
  | { kind: "done"; source: DumpSource; hash?: string }
  | { kind: "unreadable"; error: InputError };

export interface ParseOptions {
  jobs: number;
  timeZone?: TimeZone | undefined;
  stdin: Readable;
  /** Also hash each file and make its records' index columns (for newsctl index). */
  isForIndex?: boolean;
}

// Files parsed ahead of the one being handed on, per worker.
const FILES_AHEAD_PER_JOB = 2;
const WORKER_YOUNG_GENERATION_MB = 8;

export async function* parseSources(sources: AsyncIterable<DumpSource | InputError>, options: ParseOptions): AsyncGenerator<ParseEvent> {
  if (options.jobs <= 1) {
    for await (const source of sources) {
      if (source instanceof InputError) yield { kind: "unreadable", error: source };
      else yield* parseHere(source, options);
    }
    return;
  }
  const pool = new ParsePool(options);
  try {
    yield* pool.run(sources);
  } finally {
    await pool.close();
  }
}

async function* parseHere(source: DumpSource, options: ParseOptions): AsyncGenerator<ParseEvent> {
  try {
    for await (const step of parseFile(source, options)) yield toEvent(source, step);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    yield { kind: "unreadable", error };
  }
}

function toEvent(source: DumpSource, step: FileParseStep): ParseEvent {
  if ("done" in step) return step.hash === undefined ? { kind: "done", source } : { kind: "done", source, hash: step.hash };
  return step.terms === undefined ? { kind: "items", source, items: step.items } : { kind: "items", source, items: step.items, terms: step.terms };
}

interface Task {
  id: number;
  source?: DumpSource;
  /** Parsed on this thread when its turn comes (standard input, or before the pool is up). */
  isLocal: boolean;
  events: ParseEvent[];
  isDone: boolean;
  isStarted: boolean;
}

interface PoolWorker {
  worker: Worker;
  task?: Task;
}

class ParsePool {
  private workers: PoolWorker[] = [];
  private readonly tasks = new Map<number, Task>();
  private readonly queue: Task[] = [];
  private failure: Error | undefined;
  private wake: () => void = () => {};

  constructor(private readonly options: ParseOptions) {}

  async *run(sources: AsyncIterable<DumpSource | InputError>): AsyncGenerator<ParseEvent> {
    const iterator = sources[Symbol.asyncIterator]();
    const { queue } = this;
    let isExhausted = false;
    let nextId = 0;
    let fileTasks = 0;
    const window = this.options.jobs * FILES_AHEAD_PER_JOB;
    for (;;) {
      // A worker that failed stops the whole run: its file would otherwise end short, silently.
      if (this.failure) throw this.failure;
      while (!isExhausted && queue.length < window) {
        const next = await iterator.next();
        if (next.done) {
          isExhausted = true;
          break;
        }
        const task: Task = { id: nextId++, isLocal: false, events: [], isDone: false, isStarted: false };
        if (next.value instanceof InputError) {
          task.events.push({ kind: "unreadable", error: next.value });
          task.isDone = true;
        } else {
          task.source = next.value;
          fileTasks++;
          // The first file is read here while the workers start; stdin is only readable here.
          task.isLocal = next.value.path === undefined || fileTasks === 1;
          if (fileTasks === 2) this.start();
        }
        queue.push(task);
        this.tasks.set(task.id, task);
      }
      this.dispatch();
      const head = queue[0];
      if (head === undefined) return;
      if (head.isLocal) {
        queue.shift();
        this.tasks.delete(head.id);
        yield* parseHere(head.source!, this.options);
        continue;
      }
      if (head.events.length > 0) {
        yield head.events.shift()!;
        continue;
      }
      if (head.isDone) {
        queue.shift();
        this.tasks.delete(head.id);
        continue;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private start(): void {
    const url = new URL("./parse-worker.js", import.meta.url);
    for (let i = 0; i < this.options.jobs; i++) {
      const worker = new Worker(url, {
        workerData: { timeZone: this.options.timeZone?.name, isForIndex: this.options.isForIndex === true },
        // A worker holds one file at a time: a small young generation keeps its memory low.
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      const entry: PoolWorker = { worker };
      worker.on("message", (reply: ParseReply) => this.receive(entry, reply));
      worker.on("error", (error) => {
        this.failure ??= error;
        this.wake();
      });
      worker.on("exit", (code) => {
        if (!this.isClosing) this.failure ??= new Error(`a parsing worker stopped (exit code ${code})`);
        this.wake();
      });
      this.workers.push(entry);
    }
  }

  private dispatch(): void {
    for (const entry of this.workers) {
      if (entry.task !== undefined) continue;
      const task = this.queue.find((candidate) => !candidate.isStarted && !candidate.isLocal && !candidate.isDone);
      if (task === undefined) return;
      task.isStarted = true;
      entry.task = task;
      entry.worker.postMessage({ task: task.id, name: task.source!.name, path: task.source!.path! } satisfies ParseTask);
    }
  }

  private receive(entry: PoolWorker, reply: ParseReply): void {
    const task = this.tasks.get(reply.task);
    if (task !== undefined) {
      if ("items" in reply || "done" in reply) {
        task.events.push(toEvent(task.source!, reply));
      } else if ("unreadable" in reply) {
        task.events.push({ kind: "unreadable", error: new InputError(reply.unreadable.path, reply.unreadable.reason) });
      } else {
        const failure = new Error(reply.failure.message);
        if (reply.failure.stack !== undefined) failure.stack = reply.failure.stack;
        this.failure ??= failure;
        this.wake();
        return; // the task is not done: the run stops with the failure
      }
    }
    if (!("items" in reply)) {
      if (task !== undefined) task.isDone = true;
      entry.task = undefined;
      this.dispatch(); // the worker is free: give it the next file now
    }
    this.wake();
  }

  private isClosing = false;

  async close(): Promise<void> {
    this.isClosing = true;
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
    this.workers = [];
  }
}

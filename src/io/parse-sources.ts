// Dumps to records, in input order, on one thread or several. With N jobs, N - 1 worker threads
// parse files while this thread, the N-th, takes their records (to write, match or index them)
// in the order the files were given; the files ahead at any time are bounded in number and
// bytes, so memory stays flat whatever the number of files. Standard input, and the first file
// while the pool starts, are parsed on this thread, as is any file waiting for a worker while
// this thread has nothing else to do (an export, whose records the workers write out, leaves it
// little else).

import { Worker } from "node:worker_threads";
import type { IndexTexts } from "../core/fts-terms.js";
import type { ParsedItem } from "../core/record.js";
import type { TimeZone } from "../core/time-zone.js";
import { InputError } from "../errors.js";
import type { ParseReply, ParseTask, ParseWorkerData } from "./parse-worker.js";
import { loadBatchEncoder, parseFile, type BatchEncoder, type BatchEncoderSpec, type EncodedBatch, type FileParseStep } from "./parse-file.js";
import type { DumpSource } from "./read-dump.js";
import type { Readable } from "node:stream";

/** What the reading of files comes to, in input order, besides records. */
export type FileEvent =
  /** `hash`: with isForIndex, the SHA-256 of the file's bytes. */
  | { kind: "done"; source: DumpSource; hash?: string }
  | { kind: "unreadable"; error: InputError };

export type ParseEvent =
  /** `terms`: with isForIndex, each record's index columns (null where the item has no record). */
  | { kind: "items"; source: DumpSource; items: ParsedItem[]; terms?: (IndexTexts | null)[] }
  | FileEvent;

/** The records in their output form, as encodeSources gives them. */
export type EncodeEvent = { kind: "encoded"; source: DumpSource; batch: EncodedBatch } | FileEvent;

type PoolEvent = ParseEvent | EncodeEvent;

export interface ParseOptions {
  jobs: number;
  timeZone?: TimeZone | undefined;
  stdin: Readable;
  /** Also hash each file and make its records' index columns (for newsctl index). */
  isForIndex?: boolean;
  /** Write the records out as they are parsed, on whichever thread parses them (for newsctl export). */
  batchEncoder?: BatchEncoderSpec | undefined;
}

/** The options as the parsing on this thread uses them: the batch encoder loaded. */
interface LocalParsing extends ParseOptions {
  encodeBatch?: BatchEncoder | undefined;
}

// Files let ahead of the one being handed on, per job: at least this many, or as many as make up
// BYTES_AHEAD_PER_JOB, so that small files keep the workers as busy as large ones.
const FILES_AHEAD_PER_JOB = 2;
const BYTES_AHEAD_PER_JOB = 1024 * 1024;
// With a batch encoder this thread has little to do but parse files no worker has started, and
// it finds none when the workers hold all the files let ahead: it waited a seventh of the time.
const ENCODED_BYTES_AHEAD_PER_JOB = 4 * 1024 * 1024;
// A worker is sent more files (up to this many bytes) before it has finished the one in hand.
// Sent one at a time, it would idle after each file until this thread, busy with records (an
// index's transaction holds it for tens of milliseconds), got round to sending another: with two
// jobs that cost a third of the throughput.
const BYTES_QUEUED_PER_WORKER = 1024 * 1024;
// What a file counts for at the least (its size as found when it was listed), so that empty
// files, or files whose size is unknown, are let ahead a bounded number at a time too.
const LEAST_BYTES_PER_FILE = 4096;
const WORKER_YOUNG_GENERATION_MB = 8;

export function parseSources(sources: AsyncIterable<DumpSource | InputError>, options: ParseOptions): AsyncGenerator<ParseEvent> {
  // Without an encoder no event is "encoded".
  return poolEvents(sources, { ...options, batchEncoder: undefined }) as AsyncGenerator<ParseEvent>;
}

/** The records of the dumps written out by the batch encoder, on whichever thread parses them. */
export function encodeSources(sources: AsyncIterable<DumpSource | InputError>, options: ParseOptions & { batchEncoder: BatchEncoderSpec }): AsyncGenerator<EncodeEvent> {
  // With an encoder no event is "items".
  return poolEvents(sources, options) as AsyncGenerator<EncodeEvent>;
}

async function* poolEvents(sources: AsyncIterable<DumpSource | InputError>, given: ParseOptions): AsyncGenerator<PoolEvent> {
  const options: LocalParsing = given.batchEncoder === undefined ? given : { ...given, encodeBatch: await loadBatchEncoder(given.batchEncoder) };
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

async function* parseHere(source: DumpSource, options: LocalParsing): AsyncGenerator<PoolEvent> {
  try {
    for await (const step of parseFile(source, options)) yield toEvent(source, step);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    yield { kind: "unreadable", error };
  }
}

function toEvent(source: DumpSource, step: FileParseStep): PoolEvent {
  if ("encoded" in step) return { kind: "encoded", source, batch: step.encoded };
  if ("done" in step) return step.hash === undefined ? { kind: "done", source } : { kind: "done", source, hash: step.hash };
  return step.terms === undefined ? { kind: "items", source, items: step.items } : { kind: "items", source, items: step.items, terms: step.terms };
}

interface Task {
  id: number;
  source?: DumpSource;
  /** Parsed on this thread when its turn comes (standard input, or before the pool is up). */
  isLocal: boolean;
  events: PoolEvent[];
  isDone: boolean;
  isStarted: boolean;
  /** The file's size in bytes, at least LEAST_BYTES_PER_FILE (0 for what no worker reads). */
  size: number;
}

interface PoolWorker {
  worker: Worker;
  /** Bytes of the files sent to it and not yet done. */
  queuedBytes: number;
  queuedFiles: number;
}

class ParsePool {
  private workers: PoolWorker[] = [];
  private readonly tasks = new Map<number, Task>();
  private readonly queue: Task[] = [];
  private failure: Error | undefined;
  private wake: () => void = () => {};

  constructor(private readonly options: LocalParsing) {}

  async *run(sources: AsyncIterable<DumpSource | InputError>): AsyncGenerator<PoolEvent> {
    const iterator = sources[Symbol.asyncIterator]();
    const { queue } = this;
    let isExhausted = false;
    let nextId = 0;
    let fileTasks = 0;
    let bytesAhead = 0;
    const { jobs } = this.options;
    const bytesAheadPerJob = this.options.batchEncoder === undefined ? BYTES_AHEAD_PER_JOB : ENCODED_BYTES_AHEAD_PER_JOB;
    const takeTask = (task: Task) => {
      queue.shift();
      this.tasks.delete(task.id);
      bytesAhead -= task.size;
    };
    for (;;) {
      // A worker that failed stops the whole run: its file would otherwise end short, silently.
      if (this.failure) throw this.failure;
      while (!isExhausted && (queue.length < jobs * FILES_AHEAD_PER_JOB || bytesAhead < jobs * bytesAheadPerJob)) {
        const next = await iterator.next();
        if (next.done) {
          isExhausted = true;
          break;
        }
        const task: Task = { id: nextId++, isLocal: false, events: [], isDone: false, isStarted: false, size: 0 };
        if (next.value instanceof InputError) {
          task.events.push({ kind: "unreadable", error: next.value });
          task.isDone = true;
        } else {
          task.source = next.value;
          fileTasks++;
          // The first file is read here while the workers start; stdin, and a FIFO or device
          // named on the command line, are read only here.
          task.isLocal = next.value.path === undefined || next.value.isStream === true || fileTasks === 1;
          if (fileTasks === 2) this.start();
          if (next.value.path !== undefined) task.size = Math.max(LEAST_BYTES_PER_FILE, next.value.size ?? 0);
        }
        bytesAhead += task.size;
        queue.push(task);
        this.tasks.set(task.id, task);
      }
      this.dispatch();
      const head = queue[0];
      if (head === undefined) return;
      if (head.isLocal) {
        takeTask(head);
        yield* parseHere(head.source!, this.options);
        continue;
      }
      if (head.events.length > 0) {
        yield head.events.shift()!;
        continue;
      }
      if (head.isDone) {
        takeTask(head);
        continue;
      }
      // An export's records are written out by the threads that parse them, so rather than wait
      // for the workers this thread parses a file none has started. Other readings keep this
      // thread for their records (an index's writes are the slowest part of it).
      const waiting = this.options.batchEncoder === undefined ? undefined : queue.find((task) => !task.isStarted && !task.isLocal && !task.isDone);
      if (waiting !== undefined) {
        await this.parseInstead(waiting);
        continue;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  /** Parses a file meant for a worker here, keeping its events until its turn comes. */
  private async parseInstead(task: Task): Promise<void> {
    task.isStarted = true;
    for await (const event of parseHere(task.source!, this.options)) task.events.push(event);
    task.isDone = true;
    // Let the workers' messages in: each frees a worker to be sent its next file.
    await new Promise((resolve) => setImmediate(resolve));
  }

  private start(): void {
    const url = new URL("./parse-worker.js", import.meta.url);
    // This thread is busy too (it takes every record): it counts as one of the jobs.
    for (let i = 1; i < this.options.jobs; i++) {
      const worker = new Worker(url, {
        workerData: { timeZone: this.options.timeZone?.name, isForIndex: this.options.isForIndex === true, batchEncoder: this.options.batchEncoder } satisfies ParseWorkerData,
        // A worker parses one file at a time: a small young generation keeps its memory low.
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      const entry: PoolWorker = { worker, queuedBytes: 0, queuedFiles: 0 };
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

  /**
   * Sends waiting files to the worker with the fewest bytes in hand, while it holds less than
   * BYTES_QUEUED_PER_WORKER (a worker with nothing takes a file of any size).
   */
  private dispatch(): void {
    for (;;) {
      const entry = this.workers.reduce<PoolWorker | undefined>((least, candidate) => (least === undefined || candidate.queuedBytes < least.queuedBytes ? candidate : least), undefined);
      if (entry === undefined || (entry.queuedFiles > 0 && entry.queuedBytes >= BYTES_QUEUED_PER_WORKER)) return;
      const task = this.queue.find((candidate) => !candidate.isStarted && !candidate.isLocal && !candidate.isDone);
      if (task === undefined) return;
      task.isStarted = true;
      entry.queuedFiles++;
      entry.queuedBytes += task.size;
      entry.worker.postMessage({ task: task.id, name: task.source!.name, path: task.source!.path! } satisfies ParseTask);
    }
  }

  private receive(entry: PoolWorker, reply: ParseReply): void {
    const task = this.tasks.get(reply.task);
    if (task !== undefined) {
      if ("items" in reply || "encoded" in reply || "done" in reply) {
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
    if (!("items" in reply || "encoded" in reply)) {
      if (task !== undefined) {
        task.isDone = true;
        entry.queuedBytes -= task.size;
      }
      entry.queuedFiles--;
      this.dispatch(); // the worker has room: send it the next file now
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

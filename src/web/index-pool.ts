// The index workers of the server (index-worker.ts): questions wait in one queue for the next
// free worker; an answer that takes longer than its time limit, counted from the request's
// arrival (time in the queue included), stops its worker (SQLite cannot be interrupted
// otherwise), which is replaced, and the visitor is told to narrow the search. A question
// nobody waits for any more is dropped from the queue, or stopped as a late one is.
// Downloads each get a worker of their own, so a long download never holds up the pages.

import { Worker } from "node:worker_threads";
import { NewsctlError } from "../errors.js";
import type { DownloadQuestion, FromWorker, IndexAnswers, IndexQuestion, ToWorker } from "./index-questions.js";
import { BadRequest } from "./page-requests.js";

/** Questions waiting for a worker, at most: beyond, the server is too busy to answer in time. */
const MOST_WAITING = 256;
/** Downloads at once, at most. */
const MOST_DOWNLOADS = 2;
/** How long a worker told to end may take to close its connection before it is stopped. */
const WORKER_END_GRACE_MS = 1000;

/** How long a question may take, counted from when its request arrived. */
export interface TimeLimit {
  /** performance.now() when the request arrived. */
  startedAt: number;
  ms: number;
}

/** A question dropped or stopped because nobody waits for its answer any more. */
export class Unwanted extends Error {
  constructor() {
    super("nobody waits for this answer any more");
  }
}

interface Task {
  id: number;
  question: IndexQuestion;
  limit: TimeLimit;
  resolve: (answer: unknown) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  task: Task | undefined;
  timer: NodeJS.Timeout | undefined;
}

export class IndexPool {
  private readonly workers: PoolWorker[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private downloads = 0;
  private isClosing = false;

  constructor(
    private readonly db: string,
    size: number,
  ) {
    for (let i = 0; i < size; i++) this.workers.push(this.startWorker());
  }

  /**
   * The answer to a question, or a 503 when it is not answered within its time limit; `stop`
   * drops it (from the queue, or by stopping its worker) with an Unwanted error.
   */
  ask<Kind extends Exclude<IndexQuestion["kind"], DownloadQuestion["kind"]>>(question: Extract<IndexQuestion, { kind: Kind }>, limit: TimeLimit, stop?: AbortSignal): Promise<IndexAnswers[Kind]> {
    if (stop?.aborted === true) return Promise.reject(new Unwanted());
    if (this.waiting.length >= MOST_WAITING) return Promise.reject(new BadRequest("the server has too many searches waiting", 503, "try again in a moment", { name: "too-many-waiting" }));
    return new Promise((resolve, reject) => {
      const task: Task = { id: this.nextId++, question, limit, resolve: resolve as (answer: unknown) => void, reject };
      this.waiting.push(task);
      stop?.addEventListener("abort", () => this.drop(task), { once: true });
      this.dispatch();
    });
  }

  /**
   * Runs a download on a worker of its own: `write` is given each chunk and resolves when it may
   * have the next; `isGone` stops the download (the visitor left).
   */
  async download(question: DownloadQuestion, write: (chunk: Uint8Array) => Promise<void>, isGone: () => boolean): Promise<void> {
    if (this.downloads >= MOST_DOWNLOADS) throw new BadRequest(`${MOST_DOWNLOADS} downloads are running`, 503, "try again when one has finished", { name: "too-many-downloads", values: { most: MOST_DOWNLOADS } });
    this.downloads++;
    const worker = this.newWorker();
    try {
      await new Promise<void>((resolve, reject) => {
        worker.on("message", (message: FromWorker) => {
          if ("chunk" in message) {
            if (isGone()) return resolve();
            write(message.chunk).then(() => worker.postMessage({ id: message.id, isReadyForMore: true } satisfies ToWorker), reject);
          } else if ("failure" in message) {
            reject(failureOf(message.failure));
          } else {
            resolve();
          }
        });
        worker.on("error", reject);
        worker.on("exit", () => reject(new Error("the download's worker stopped")));
        worker.postMessage({ id: 0, question } satisfies ToWorker);
      });
    } finally {
      this.downloads--;
      await endWorker(worker);
    }
  }

  async close(): Promise<void> {
    this.isClosing = true;
    for (const task of this.waiting.splice(0)) task.reject(new BadRequest("the server is stopping", 503, undefined, { name: "stopping" }));
    await Promise.all(this.workers.map((entry) => (entry.task === undefined ? endWorker(entry.worker) : entry.worker.terminate())));
  }

  private newWorker(): Worker {
    return new Worker(new URL("./index-worker.js", import.meta.url), { workerData: { db: this.db } });
  }

  private startWorker(): PoolWorker {
    const entry: PoolWorker = { worker: this.newWorker(), task: undefined, timer: undefined };
    entry.worker.on("message", (message: FromWorker) => {
      const task = entry.task;
      if (task === undefined || task.id !== message.id) return;
      this.finish(entry);
      if ("failure" in message) task.reject(failureOf(message.failure));
      else if ("answer" in message) task.resolve(message.answer);
      this.dispatch();
    });
    const replace = (error: Error) => {
      const task = entry.task;
      this.finish(entry);
      if (this.isClosing) return;
      task?.reject(error);
      const place = this.workers.indexOf(entry);
      if (place >= 0) this.workers[place] = this.startWorker();
      this.dispatch();
    };
    entry.worker.on("error", replace);
    entry.worker.on("exit", (code) => replace(new Error(`an index worker stopped (exit code ${code})`)));
    return entry;
  }

  private dispatch(): void {
    for (const entry of this.workers) {
      if (entry.task !== undefined) continue;
      let task = this.waiting.shift();
      // A question whose time ran out in the queue is not started.
      while (task !== undefined && msLeft(task) <= 0) {
        task.reject(timedOut(task));
        task = this.waiting.shift();
      }
      if (task === undefined) return;
      const started = task;
      entry.task = started;
      entry.timer = setTimeout(() => this.stopWorker(entry, timedOut(started)), msLeft(started));
      entry.worker.postMessage({ id: started.id, question: started.question } satisfies ToWorker);
    }
  }

  /** Drops a question nobody waits for: out of the queue, or its worker stopped. */
  private drop(task: Task): void {
    const place = this.waiting.indexOf(task);
    if (place >= 0) {
      this.waiting.splice(place, 1);
      task.reject(new Unwanted());
      return;
    }
    const entry = this.workers.find((worker) => worker.task === task);
    if (entry !== undefined) this.stopWorker(entry, new Unwanted());
  }

  /** Stopping the worker is the only way to stop SQLite mid-statement; a new one takes its place. */
  private stopWorker(entry: PoolWorker, reason: Error): void {
    const task = entry.task;
    const stopped = entry.worker;
    stopped.removeAllListeners();
    this.finish(entry);
    task?.reject(reason);
    void stopped.terminate();
    this.workers[this.workers.indexOf(entry)] = this.startWorker();
    this.dispatch();
  }

  private finish(entry: PoolWorker): void {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.task = undefined;
  }
}

function msLeft(task: Task): number {
  return task.limit.startedAt + task.limit.ms - performance.now();
}

function timedOut(task: Task): BadRequest {
  return new BadRequest(`the search took longer than ${seconds(task.limit.ms)} and was stopped`, 503, "narrow it: more words, a phrase, an agency or dates", { name: "too-slow", values: { seconds: task.limit.ms / 1000 } });
}

/**
 * Ends a worker that is not running a statement: it closes its connection itself and returns.
 * One that has not ended within a second (a download still writing) is stopped.
 */
async function endWorker(worker: Worker): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    worker.once("exit", () => resolve());
    worker.postMessage({ isClosing: true } satisfies ToWorker);
    // terminate() also settles for a worker that had already ended, which sends no "exit" again.
    timer = setTimeout(() => void worker.terminate().then(() => resolve()), WORKER_END_GRACE_MS);
  });
  clearTimeout(timer);
}

function seconds(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds} ms` : `${milliseconds / 1000} s`;
}

function failureOf(failure: { message: string; hint: string | undefined; isNewsctlError: boolean }): Error {
  return failure.isNewsctlError ? new NewsctlError(failure.message, undefined, failure.hint) : new Error(failure.message);
}

// The one way newsctl writes a file named with -o, whatever the format: under a temporary name
// beside the file, renamed into place only when complete, so that an interrupted export never
// leaves half a file; the temporary file is dropped on any failure and on a signal
// (unfinished-files.ts). Where -o leads to a descriptor, a device or a FIFO (output-target.ts),
// the bytes go there directly: renaming over it would replace it, and its reader would get
// nothing.

import { randomUUID } from "node:crypto";
import { constants, openSync, rmSync } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { Socket } from "node:net";
import path from "node:path";
import type { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { isatty } from "node:tty";
import { describeSystemError, NewsctlError } from "../errors.js";
import { resolveOutputTarget } from "./output-target.js";
import { markStreamFinishingWrites } from "./sink.js";
import { addUnfinishedFile, removeUnfinishedFile, type UnfinishedFile } from "./unfinished-files.js";

/** Where output goes, and whether a terminal shows it (then data formats escape controls). */
export interface OutputStream {
  /** Where the bytes go; a writer waits for its "drain" when write() returns false. */
  readonly stream: Writable;
  readonly isTerminal: boolean;
}

/**
 * Runs `write` on the output -o names: standard output when it leads there, else the file,
 * which is in place only once `write` has finished. Every failure is said with the name -o
 * gave, and no temporary file is left behind.
 */
export async function writeOutputFile(targetPath: string, standardOutput: OutputStream, write: (output: OutputStream) => Promise<void>): Promise<void> {
  const target = await resolveOutputTarget(targetPath).catch((error: unknown) => {
    throw cannotWrite(targetPath, error);
  });
  if (target.kind === "stdout") return write(standardOutput);
  const file = await AtomicFile.create(targetPath, target.kind === "replace" ? target.path : undefined);
  try {
    await write(file).catch((error: unknown) => {
      // A writer that stopped because the file could not take the bytes says so plainly.
      throw file.failure === undefined ? error : cannotWrite(targetPath, file.failure);
    });
    await file.commit();
  } finally {
    await file.abort();
  }
}

class AtomicFile implements UnfinishedFile, OutputStream {
  private isSettled = false;
  /** The first error the stream met. */
  failure: Error | undefined;

  private constructor(
    /** The path -o gave, for messages. */
    readonly givenPath: string,
    /** The regular file to replace, links resolved; undefined when the target is written directly. */
    readonly finalPath: string | undefined,
    readonly temporaryPath: string | undefined,
    readonly stream: Writable,
    readonly isTerminal: boolean,
  ) {
    stream.on("error", (error) => {
      this.failure ??= error;
    });
    markStreamFinishingWrites(stream);
    addUnfinishedFile(this);
  }

  /** Opens the file to write (`finalPath` undefined: the target as it is); fails at once, saying why. */
  static async create(givenPath: string, finalPath: string | undefined): Promise<AtomicFile> {
    return AtomicFile.open(givenPath, finalPath).catch((error: unknown) => {
      throw cannotWrite(givenPath, error);
    });
  }

  private static async open(givenPath: string, finalPath: string | undefined): Promise<AtomicFile> {
    if (finalPath === undefined) {
      if ((await stat(givenPath).catch(() => undefined))?.isFIFO() === true) return new AtomicFile(givenPath, undefined, undefined, await openFifo(givenPath), false);
      const handle = await open(givenPath, "w");
      return new AtomicFile(givenPath, undefined, undefined, handle.createWriteStream(), isatty(handle.fd));
    }
    const temporaryPath = path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.${randomUUID().slice(0, 8)}.tmp`);
    const handle = await open(temporaryPath, "wx");
    return new AtomicFile(givenPath, finalPath, temporaryPath, handle.createWriteStream(), false);
  }

  /**
   * Finishes the file and moves it into place. A FIFO whose reader went away (EPIPE) is done,
   * as a closed pipe on stdout is; any other failure to write is said with the file's name.
   */
  async commit(): Promise<void> {
    if (this.failure === undefined) {
      this.stream.end();
      await closed(this.stream);
    }
    const failure = this.failure as NodeJS.ErrnoException | undefined;
    if (failure !== undefined && !(failure.code === "EPIPE" && this.temporaryPath === undefined)) {
      throw cannotWrite(this.givenPath, failure);
    }
    if (this.temporaryPath !== undefined) {
      // Until the rename has succeeded the temporary file is unfinished: a failure drops it.
      await rename(this.temporaryPath, this.finalPath!).catch((error: unknown) => {
        throw cannotWrite(this.givenPath, error);
      });
    }
    this.isSettled = true;
    removeUnfinishedFile(this);
  }

  /** Drops the unfinished file. Safe to call more than once, and after commit. */
  async abort(): Promise<void> {
    if (!this.settle()) return;
    if (this.temporaryPath !== undefined) await rm(this.temporaryPath, { force: true });
  }

  /** The same as abort, for a process that is about to end: no waiting. */
  abortNow(): void {
    if (!this.settle()) return;
    if (this.temporaryPath !== undefined) rmSync(this.temporaryPath, { force: true });
  }

  /** Stops writing; false when the file was already committed or dropped. */
  private settle(): boolean {
    if (this.isSettled) return false;
    this.isSettled = true;
    removeUnfinishedFile(this);
    this.stream.destroy();
    return true;
  }
}

/** How often a FIFO with no reader yet is tried again. */
const FIFO_READER_POLL_MS = 50;

/**
 * A FIFO, opened for writing once a reader has opened it. A blocking open would wait for the
 * reader in a thread that nothing can stop, and the process could not end on a signal: the open
 * is tried without blocking until a reader is there, and the pipe written through the event loop.
 */
async function openFifo(fifoPath: string): Promise<Writable> {
  for (;;) {
    try {
      const fd = openSync(fifoPath, constants.O_WRONLY | constants.O_NONBLOCK);
      return new Socket({ fd, readable: false, writable: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENXIO") throw error; // ENXIO: no reader yet
      await sleep(FIFO_READER_POLL_MS);
    }
  }
}

/** Resolves when the stream has closed, whether or not it failed (the failure is kept apart). */
function closed(stream: Writable): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once("close", () => resolve()));
}

function cannotWrite(targetPath: string, error: unknown): NewsctlError {
  return new NewsctlError(`-o ${targetPath}: cannot write there: ${describeSystemError(error)}`);
}

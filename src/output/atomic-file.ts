// The one way newsctl writes a file named with -o, whatever the format: under a temporary name
// beside the target, renamed into place only when complete, so that an interrupted export never
// leaves half a file; dropped on abort and on Ctrl-C (unfinished-files.ts). A target that is
// not a regular file (a FIFO, /dev/stdout, /dev/null) is written directly: renaming over it
// would replace it, and its reader would get nothing.

import { randomUUID } from "node:crypto";
import { rmSync, type WriteStream } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { describeSystemError, NewsctlError } from "../errors.js";
import { markStreamFinishingWrites } from "./sink.js";
import { addUnfinishedFile, removeUnfinishedFile, type UnfinishedFile } from "./unfinished-files.js";

export class AtomicFile implements UnfinishedFile {
  private isSettled = false;
  private failure: Error | undefined;

  private constructor(
    readonly targetPath: string,
    /** undefined when the target is written directly. */
    readonly temporaryPath: string | undefined,
    /** Where the bytes go; a writer waits for its "drain" when write() returns false. */
    readonly stream: WriteStream,
  ) {
    stream.on("error", (error) => {
      this.failure ??= error;
    });
    markStreamFinishingWrites(stream);
    addUnfinishedFile(this);
  }

  /** Opens the file to write; fails at once, saying why, when it cannot be written. */
  static async create(targetPath: string): Promise<AtomicFile> {
    return AtomicFile.open(targetPath).catch((error: unknown) => {
      throw cannotWrite(targetPath, error);
    });
  }

  private static async open(targetPath: string): Promise<AtomicFile> {
    const existing = await stat(targetPath).catch(() => undefined);
    if (existing !== undefined && !existing.isFile()) {
      // Opening a FIFO waits for its reader; the event loop goes on meanwhile.
      const handle = await open(targetPath, "w");
      return new AtomicFile(targetPath, undefined, handle.createWriteStream());
    }
    const directory = path.dirname(targetPath);
    const temporaryPath = path.join(directory, `.${path.basename(targetPath)}.${randomUUID().slice(0, 8)}.tmp`);
    const handle = await open(temporaryPath, "wx");
    return new AtomicFile(targetPath, temporaryPath, handle.createWriteStream());
  }

  /**
   * Finishes the file and moves it into place. A FIFO whose reader went away (EPIPE) is done,
   * as a closed pipe on stdout is; any other failure to write is said with the file's name.
   */
  async commit(): Promise<void> {
    if (this.failure === undefined) {
      this.stream.end();
      await once(this.stream, "close");
    }
    const failure = this.failure as NodeJS.ErrnoException | undefined;
    if (failure !== undefined && !(failure.code === "EPIPE" && this.temporaryPath === undefined)) {
      throw cannotWrite(this.targetPath, failure);
    }
    this.isSettled = true;
    removeUnfinishedFile(this);
    if (this.temporaryPath !== undefined) await rename(this.temporaryPath, this.targetPath);
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

function cannotWrite(targetPath: string, error: unknown): NewsctlError {
  return new NewsctlError(`-o ${targetPath}: cannot write there: ${describeSystemError(error)}`);
}

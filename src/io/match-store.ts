// Holds the records of a search's matches until they can be printed: best first is known only
// once every match is in. They stay in memory up to a budget; the rest go to a temporary file,
// unlinked as soon as it is opened (nothing is left behind, even when the process is killed),
// so that a search of any size, whatever it matches, runs in a fixed amount of memory.

import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ArticleRecord } from "../core/record.js";
import { describeSystemError, NewsctlError } from "../errors.js";

/** Bytes of records held in memory before the rest go to the file. */
export const MATCH_MEMORY_BUDGET = 8 * 1024 * 1024;

// Records go to the file in chunks of about this many bytes.
const WRITE_CHUNK_BYTES = 1024 * 1024;

/**
 * Records are kept serialised (V8's format, which gives back every string exactly), in memory
 * and in the file alike: what a kept record costs is then its size, never the text it was cut
 * from (a string taken out of a larger one holds on to all of it).
 */
export class MatchStore {
  /** Each record's bytes while in memory; undefined once taken, or when in the file. */
  private readonly held: (Buffer | undefined)[] = [];
  /** Where each record in the file starts (-1 for those in memory), and how long it is (-1 once taken). */
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private heldBytes = 0;
  private fd: number | undefined;
  /** Bytes written to the file, and bytes serialised but not yet written. */
  private writtenBytes = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readBuffer = Buffer.alloc(0);

  constructor(private readonly memoryBudget = MATCH_MEMORY_BUDGET) {}

  /** How many records were put. */
  get size(): number {
    return this.held.length;
  }

  /** Keeps a record; returns its number, counted from 0 in the order records are put. */
  put(record: ArticleRecord): number {
    const number = this.held.length;
    const bytes = serialize(record);
    if (this.fd === undefined && this.heldBytes + bytes.length <= this.memoryBudget) {
      this.heldBytes += bytes.length;
      this.held.push(bytes);
      this.offsets.push(-1);
      this.lengths.push(bytes.length);
      return number;
    }
    this.fd ??= openTemporaryFile();
    this.held.push(undefined);
    this.offsets.push(this.writtenBytes + this.pendingBytes);
    this.lengths.push(bytes.length);
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= WRITE_CHUNK_BYTES) this.writePending();
    return number;
  }

  /** The record put as `number`, once: memory held for it is let go. */
  take(number: number): ArticleRecord {
    const offset = this.offsets[number];
    const length = this.lengths[number];
    if (offset === undefined || length === undefined) throw new RangeError(`no record ${number} was put`);
    if (length < 0) throw new RangeError(`record ${number} was taken already`);
    this.lengths[number] = -1;
    if (offset < 0) {
      const bytes = this.held[number]!;
      this.held[number] = undefined;
      return deserialize(bytes) as ArticleRecord;
    }
    if (this.pendingBytes > 0) this.writePending();
    if (this.readBuffer.length < length) this.readBuffer = Buffer.allocUnsafe(Math.max(length, 2 * this.readBuffer.length));
    let read = 0;
    try {
      while (read < length) {
        const count = readSync(this.fd!, this.readBuffer, read, length - read, offset + read);
        if (count === 0) throw new Error("the temporary file is shorter than what was written to it");
        read += count;
      }
    } catch (error) {
      throw temporaryFileError("read", error);
    }
    return deserialize(this.readBuffer.subarray(0, length)) as ArticleRecord;
  }

  /** Closes the temporary file, if there is one (it has no name left to remove). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.pending = [];
  }

  private writePending(): void {
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    try {
      let written = 0;
      while (written < chunk.length) written += writeSync(this.fd!, chunk, written, chunk.length - written, this.writtenBytes + written);
    } catch (error) {
      throw temporaryFileError("write", error);
    }
    this.writtenBytes += chunk.length;
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** A new file only this process can reach: created in a private directory, then unlinked. */
function openTemporaryFile(): number {
  let directory: string;
  try {
    directory = mkdtempSync(path.join(tmpdir(), "newsctl-"));
  } catch (error) {
    throw temporaryFileError("create", error);
  }
  const file = path.join(directory, "matches");
  try {
    return openSync(file, "w+", 0o600);
  } catch (error) {
    throw temporaryFileError("create", error);
  } finally {
    try {
      unlinkSync(file);
    } catch {
      // Not created, then.
    }
    rmdirSync(directory);
  }
}

function temporaryFileError(doing: "create" | "read" | "write", error: unknown): NewsctlError {
  return new NewsctlError(
    `cannot ${doing} a temporary file for the matches in ${tmpdir()}: ${describeSystemError(error)}`,
    undefined,
    "set TMPDIR to a directory with room, or print only the first N matches with --limit N",
  );
}

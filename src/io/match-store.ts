// Holds the records of a search's matches until they can be printed: best first is known only
// once every match is in. They stay in memory up to a budget; the rest go to a temporary file,
// unlinked as soon as it is opened (nothing is left behind, even when the process is killed),
// so that a search of any size, whatever it matches, runs in a fixed amount of memory. When no
// temporary file can be had (no such directory, a full disk), the rest stay in memory: the
// search still ends, as it did before there was a store, and the caller is told why.

import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ArticleRecord } from "../core/record.js";
import type { RankedPlace, SearchHit } from "../core/search-ranking.js";
import { describeSystemError, NewsctlError } from "../errors.js";

/** Bytes of records held in memory before the rest go to the file. */
const MATCH_MEMORY_BUDGET = 8 * 1024 * 1024;

// Records go to the file in chunks of about this many bytes.
const WRITE_CHUNK_BYTES = 1024 * 1024;

export interface MatchStoreOptions {
  /** Bytes held in memory before the file is used (MATCH_MEMORY_BUDGET). */
  memoryBudget?: number;
  /** Told, once, why the file could not be used; the records are held in memory from then on. */
  onFileTrouble?: (error: NewsctlError) => void;
  /** Opens the temporary file (openTemporaryFile); for tests of a file that fails. */
  openFile?: () => TemporaryFile;
}

/** An open temporary file, and a directory to remove on closing when its name could not be removed at once. */
interface TemporaryFile {
  fd: number;
  leftover: string | null;
}

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
  private file: TemporaryFile | undefined;
  /** The file could not be had or written: everything stays in memory. */
  private isFileRefused = false;
  private isClosed = false;
  /** Bytes written to the file; records serialised but not yet written, and their numbers. */
  private writtenBytes = 0;
  private pending: Buffer[] = [];
  private pendingNumbers: number[] = [];
  private pendingBytes = 0;
  private readBuffer = Buffer.alloc(0);
  private readonly memoryBudget: number;

  constructor(private readonly options: MatchStoreOptions = {}) {
    this.memoryBudget = options.memoryBudget ?? MATCH_MEMORY_BUDGET;
  }

  /** How many records were put. */
  get size(): number {
    return this.held.length;
  }

  /** Keeps a record; returns its number, counted from 0 in the order records are put. */
  put(record: ArticleRecord): number {
    if (this.isClosed) throw new Error("the match store is closed");
    const number = this.held.length;
    const bytes = serialize(record);
    if (this.file === undefined && !this.isFileRefused && this.heldBytes + bytes.length > this.memoryBudget) this.openFile();
    if (this.file === undefined || this.isFileRefused) {
      this.heldBytes += bytes.length;
      this.held.push(bytes);
      this.offsets.push(-1);
      this.lengths.push(bytes.length);
      return number;
    }
    this.held.push(undefined);
    this.offsets.push(this.writtenBytes + this.pendingBytes);
    this.lengths.push(bytes.length);
    this.pending.push(bytes);
    this.pendingNumbers.push(number);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= WRITE_CHUNK_BYTES) this.writePending();
    return number;
  }

  /** Writes what waits to be written, so that taking records writes nothing (and fails at nothing). */
  finishWriting(): void {
    if (this.pendingBytes > 0) this.writePending();
  }

  /** The record put as `number`, once: memory held for it is let go. */
  take(number: number): ArticleRecord {
    if (this.isClosed) throw new Error("the match store is closed");
    const offset = this.offsets[number];
    const length = this.lengths[number];
    if (offset === undefined || length === undefined) throw new RangeError(`no record ${number} was put`);
    if (length < 0) throw new RangeError(`record ${number} was taken already`);
    if (offset >= 0 && this.pendingBytes > 0) this.writePending();
    // Writing may have failed and left the record in memory.
    const bytes = this.held[number];
    this.lengths[number] = -1;
    if (bytes !== undefined) {
      this.held[number] = undefined;
      return deserialize(bytes) as ArticleRecord;
    }
    if (this.readBuffer.length < length) this.readBuffer = Buffer.allocUnsafe(Math.max(length, 2 * this.readBuffer.length));
    let read = 0;
    try {
      while (read < length) {
        const count = readSync(this.file!.fd, this.readBuffer, read, length - read, this.offsets[number]! + read);
        if (count === 0) throw new Error("the temporary file is shorter than what was written to it");
        read += count;
      }
    } catch (error) {
      throw temporaryFileError("read", error);
    }
    return deserialize(this.readBuffer.subarray(0, length)) as ArticleRecord;
  }

  /** Closes the temporary file, if there is one (it has no name left to remove, as a rule). */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.pending = [];
    this.pendingNumbers = [];
    this.pendingBytes = 0;
    if (this.file === undefined) return;
    const { fd, leftover } = this.file;
    this.file = undefined;
    closeSync(fd);
    if (leftover !== null) rmSync(leftover, { recursive: true, force: true });
  }

  private openFile(): void {
    try {
      this.file = (this.options.openFile ?? openTemporaryFile)();
    } catch (error) {
      this.refuseFile(error instanceof NewsctlError ? error : temporaryFileError("create", error));
    }
  }

  private writePending(): void {
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    try {
      let written = 0;
      while (written < chunk.length) written += writeSync(this.file!.fd, chunk, written, chunk.length - written, this.writtenBytes + written);
    } catch (error) {
      // What was not written stays in memory, and so does all that comes after it.
      this.pending.forEach((bytes, position) => {
        const number = this.pendingNumbers[position]!;
        this.held[number] = bytes;
        this.offsets[number] = -1;
      });
      this.pending = [];
      this.pendingNumbers = [];
      this.pendingBytes = 0;
      this.refuseFile(temporaryFileError("write", error));
      return;
    }
    this.writtenBytes += chunk.length;
    this.pending = [];
    this.pendingNumbers = [];
    this.pendingBytes = 0;
  }

  /** From now on, records stay in memory; those written already are still read from the file. */
  private refuseFile(error: NewsctlError): void {
    this.isFileRefused = true;
    if (this.file !== undefined && this.writtenBytes === 0) {
      const { fd, leftover } = this.file;
      this.file = undefined;
      closeSync(fd);
      if (leftover !== null) rmSync(leftover, { recursive: true, force: true });
    }
    this.options.onFileTrouble?.(error);
  }
}

/**
 * A new file only this process can reach: created in a private directory, whose entries are
 * removed at once. Where the system will not remove the name of an open file, the directory
 * is removed when the file is closed.
 */
function openTemporaryFile(): TemporaryFile {
  const directory = mkdtempSync(path.join(tmpdir(), "newsctl-"));
  const name = path.join(directory, "matches");
  let fd: number;
  try {
    fd = openSync(name, "wx+", 0o600);
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  try {
    unlinkSync(name);
    rmdirSync(directory);
    return { fd, leftover: null };
  } catch {
    return { fd, leftover: directory };
  }
}

function temporaryFileError(doing: "create" | "read" | "write", error: unknown): NewsctlError {
  return new NewsctlError(`cannot ${doing} a temporary file for the matches in ${tmpdir()}: ${describeSystemError(error)}`, undefined, "set TMPDIR to a directory with room");
}

/** The hits at the first `limit` ranked places, their records taken from the store as they are printed. */
export function* hitsFromStore(places: Iterable<RankedPlace>, store: MatchStore, limit = Infinity): Generator<SearchHit> {
  let count = 0;
  for (const place of places) {
    if (count++ >= limit) return;
    yield { record: store.take(place.ordinal), score: place.score, match: place.match };
  }
}

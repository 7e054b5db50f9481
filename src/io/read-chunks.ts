// The bytes of a file as a sequence of chunks, read with plain blocking reads: for local files
// that is the quickest way Node has (no thread-pool round trip per chunk, none per file), and a
// command line tool has nothing else to do while it waits. Standard input stays a stream, and so
// does a FIFO or device named on the command line: read through the event loop, so that a
// signal still ends the process while it waits for a writer.

import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import { Socket } from "node:net";
import type { Readable } from "node:stream";
import { describeFileKind } from "../errors.js";
import { systemPath } from "./file-names.js";

/** A file that was to be read as a regular file turned out to be something else. */
export class NotRegularFileError extends Error {}

/**
 * Large reads keep the per-chunk overhead small; 64 KiB of Arabic decodes to a string small
 * enough for V8's young generation (larger ones each get fresh pages of their own).
 */
const READ_CHUNK_BYTES = 64 * 1024;

/**
 * Read buffers of finished files, for the next file to read into: memory the process has
 * touched before costs nothing to touch again, fresh memory costs the kernel a page fault per
 * 4 KiB, and a buffer per file made that a large part of a reading's time.
 */
const spareBuffers: Buffer[] = [];
const SPARE_BUFFERS_KEPT = 4;

/**
 * The file's bytes, chunk by chunk. A chunk is good until the next one is asked for (the
 * buffer is read into again): a caller that keeps bytes copies them.
 */
export async function* readFileChunks(name: string): AsyncGenerator<Buffer> {
  // Without O_NONBLOCK, opening a FIFO waits for a writer, and no signal can end that wait on
  // this thread; a regular file reads the same either way.
  const descriptor = openSync(systemPath(name), constants.O_RDONLY | constants.O_NONBLOCK);
  const info = fstatSync(descriptor);
  if (!info.isFile()) {
    closeSync(descriptor);
    throw new NotRegularFileError(`${describeFileKind(info)}, not a regular file: skipped`);
  }
  const buffer = spareBuffers.pop() ?? Buffer.allocUnsafe(READ_CHUNK_BYTES);
  try {
    for (;;) {
      const count = readSync(descriptor, buffer, 0, READ_CHUNK_BYTES, null);
      if (count === 0) return;
      yield buffer.subarray(0, count);
    }
  } finally {
    if (spareBuffers.length < SPARE_BUFFERS_KEPT) spareBuffers.push(buffer);
    closeSync(descriptor);
  }
}

/**
 * A FIFO, socket or device named on the command line, as a stream. A FIFO is opened without
 * waiting and then waited on by the event loop (an open or read in the thread pool that never
 * returns would keep the process from exiting, even on a signal).
 */
export async function* readSpecialFileChunks(name: string): AsyncGenerator<Buffer> {
  const path = systemPath(name);
  const descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  if (fstatSync(descriptor).isFIFO()) {
    yield* readStreamChunks(new Socket({ fd: descriptor, readable: true, writable: false }));
    return;
  }
  closeSync(descriptor);
  yield* readStreamChunks(createReadStream(path));
}

/** Standard input (or any stream) as Buffers. */
export async function* readStreamChunks(stream: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of stream) yield typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
}

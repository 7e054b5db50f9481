// The bytes of a file as a sequence of chunks, read with plain blocking reads: for local files
// that is the quickest way Node has (no thread-pool round trip per chunk, none per file), and a
// command line tool has nothing else to do while it waits. Standard input stays a stream.

import { closeSync, openSync, readSync } from "node:fs";
import type { Readable } from "node:stream";

/**
 * Large reads keep the per-chunk overhead small; 64 KiB of Arabic decodes to a string small
 * enough for V8's young generation (larger ones each get fresh pages of their own).
 */
export const READ_CHUNK_BYTES = 64 * 1024;

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
export async function* readFileChunks(path: string): AsyncGenerator<Buffer> {
  const descriptor = openSync(path, "r");
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

/** Standard input (or any stream) as Buffers. */
export async function* readStreamChunks(stream: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of stream) yield typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
}

// The bytes of a file as a sequence of chunks, read with plain blocking reads: for local files
// that is the quickest way Node has (no thread-pool round trip per chunk, none per file), and a
// command line tool has nothing else to do while it waits. Standard input stays a stream.

import { closeSync, openSync, readSync } from "node:fs";
import type { Readable } from "node:stream";

/** Large reads keep the per-chunk overhead small; 256 KiB stays well inside the CPU caches. */
export const READ_CHUNK_BYTES = 256 * 1024;

/** The file's bytes, chunk by chunk; each chunk is a new Buffer the caller may keep. */
export async function* readFileChunks(path: string): AsyncGenerator<Buffer> {
  const descriptor = openSync(path, "r");
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const count = readSync(descriptor, buffer, 0, READ_CHUNK_BYTES, null);
      if (count === 0) return;
      yield count === READ_CHUNK_BYTES ? buffer : buffer.subarray(0, count);
    }
  } finally {
    closeSync(descriptor);
  }
}

/** Standard input (or any stream) as Buffers. */
export async function* readStreamChunks(stream: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of stream) yield typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
}

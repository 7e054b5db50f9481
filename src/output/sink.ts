// Text out to a stream with backpressure and few system calls: small writes are gathered and
// handed on in blocks, and a full stream makes the writer wait rather than fill memory (the
// Parquet writer, which hands on bytes of its own, waits the same way).

import type { Writable } from "node:stream";

const BLOCK_CHARS = 64 * 1024;

export class TextSink {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly stream: Writable) {}

  /** Queues text; returns a promise only when the caller must wait for the stream to drain. */
  write(text: string): Promise<void> | undefined {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= BLOCK_CHARS ? this.flush() : undefined;
  }

  /** Hands queued text to the stream, as UTF-8 bytes; waits if the stream asks for it. */
  flush(): Promise<void> | undefined {
    if (this.size === 0) return undefined;
    const bytes = toUtf8(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    if (this.stream.write(bytes)) return undefined;
    return waitForDrain(this.stream);
  }
}

const encoder = new TextEncoder();
const EXACT_SIZE_ABOVE = 1 << 20;

/**
 * The parts as one block of UTF-8. Encoding each part into one buffer is about twice as quick
 * as Node's own conversion of a joined string (which measures the bytes first, then encodes),
 * and output is mostly this. A part that ends inside a surrogate pair is joined with the rest
 * first, so that the pair is encoded whole.
 */
function toUtf8(parts: readonly string[], length: number): Buffer {
  // A UTF-16 code unit takes at most three bytes of UTF-8; a large block (one long write) is
  // measured instead, so that it does not hold three times its size until written.
  const size = length <= EXACT_SIZE_ABOVE ? length * 3 : parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0);
  const bytes = Buffer.allocUnsafe(size);
  let written = 0;
  for (let i = 0; i < parts.length; i++) {
    const last = parts[i]!.charCodeAt(parts[i]!.length - 1);
    const part = last >= 0xd800 && last <= 0xdbff ? parts.slice(i).join("") : parts[i]!;
    written += encoder.encodeInto(part, bytes.subarray(written)).written;
    if (part.length !== parts[i]!.length) break;
  }
  return bytes.subarray(0, written);
}

/** Resolves when the stream can take more, or has closed; leaves no listener behind. */
export function waitForDrain(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

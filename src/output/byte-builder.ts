// Output made into UTF-8 bytes as it is written, into one growing block that is handed on whole:
// to a stream (sink.ts), or from a worker thread to the thread that writes (export-batches.ts).

const encoder = new TextEncoder();

export class ByteBuilder {
  /** The block; bytes [0, length) are written. It is replaced when it grows. */
  bytes: Uint8Array;
  length = 0;

  constructor(block: Uint8Array) {
    this.bytes = block;
  }

  /** Makes room for `count` more bytes; returns the block to write them into (from `length`). */
  reserve(count: number): Uint8Array {
    const needed = this.length + count;
    if (needed > this.bytes.length) {
      const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    return this.bytes;
  }

  /** Appends text as UTF-8 (a lone surrogate becomes U+FFFD, as everywhere in Node). */
  writeText(text: string): void {
    // A UTF-16 code unit takes at most three bytes of UTF-8.
    const block = this.reserve(text.length * 3);
    this.length += encoder.encodeInto(text, block.subarray(this.length)).written;
  }

  /** Appends ASCII text (the caller knows it is), a byte per character. */
  writeAscii(text: string): void {
    const block = this.reserve(text.length);
    for (let i = 0; i < text.length; i++) block[this.length++] = text.charCodeAt(i);
  }

  /** Hands over the bytes written and starts again in `next`. */
  take(next: Uint8Array): Uint8Array {
    const written = this.bytes.subarray(0, this.length);
    this.bytes = next;
    this.length = 0;
    return written;
  }
}

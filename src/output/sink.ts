// Output to a stream with backpressure and few system calls: text and records are written as
// UTF-8 into a block of bytes, handed to the stream when it holds enough, and a full stream
// makes the writer wait rather than fill memory (the Parquet writer, which hands on bytes of its
// own, waits the same way). A block a file, pipe or terminal is done with is used again: fresh
// memory costs the kernel a page fault per 4 KiB, and a new block per write made that a fifth
// of an export's time.

import type { Writable } from "node:stream";
import { ByteBuilder } from "./byte-builder.js";
import type { OutputEnvironment } from "./environment.js";
import { toTerminalJson } from "./terminal-text.js";

/** What a block holds before it is handed on; a pipe takes 64 KiB at a time. */
const FLUSH_BYTES = 128 * 1024;
/** A block's size: room for a flush's worth and the record that went past it. */
const BLOCK_BYTES = 256 * 1024;
const SPARE_BLOCKS_KEPT = 4;
const spareBlocks: Uint8Array[] = [];

function takeBlock(): Uint8Array {
  return spareBlocks.pop() ?? Buffer.allocUnsafe(BLOCK_BYTES);
}

function giveBack(block: Uint8Array): void {
  if (spareBlocks.length < SPARE_BLOCKS_KEPT && block.length === BLOCK_BYTES) spareBlocks.push(block);
}

/**
 * Streams that are done with the bytes of a write once its callback runs, or at once when the
 * write leaves nothing queued: the process's stdout, a file. Not so a stream that hands the
 * same bytes on to a reader (a PassThrough): blocks written to it are never used again.
 */
const finishingStreams = new WeakSet<Writable>();

export function markStreamFinishingWrites(stream: Writable): void {
  finishingStreams.add(stream);
}

export class TextSink {
  private readonly builder = new ByteBuilder(takeBlock());
  /** A high surrogate that ended the last write: encoded with the next one, so that a pair stays whole. */
  private pendingHalf = "";

  constructor(
    private readonly stream: Writable,
    /** The bytes are shown on a terminal: data written in a machine format escapes its controls. */
    readonly isTerminal = false,
  ) {}

  /**
   * Queues a value as one JSON document and a newline (`indent`: JSON.stringify's); on a terminal
   * its controls and bidi characters in JSON's own escapes, so that it stays the same JSON.
   */
  writeJson(value: unknown, indent?: number): Promise<void> | undefined {
    const json = JSON.stringify(value, null, indent);
    return this.write(`${this.isTerminal ? toTerminalJson(json) : json}\n`);
  }

  /** Queues text; returns a promise only when the caller must wait for the stream to drain. */
  write(text: string): Promise<void> | undefined {
    if (text.length === 0) return undefined;
    const last = text.charCodeAt(text.length - 1);
    const whole = this.pendingHalf === "" ? text : this.pendingHalf + text;
    if (last >= 0xd800 && last <= 0xdbff) {
      this.builder.writeText(whole.slice(0, -1));
      this.pendingHalf = whole.slice(-1);
    } else {
      this.builder.writeText(whole);
      this.pendingHalf = "";
    }
    return this.written();
  }

  /** Where to write bytes directly (a record's JSON); call `written` afterwards. */
  get bytes(): ByteBuilder {
    this.writePendingHalf();
    return this.builder;
  }

  /** Hands the block on when it holds enough; a promise means "wait before the next write". */
  written(): Promise<void> | undefined {
    return this.builder.length >= FLUSH_BYTES ? this.handOn() : undefined;
  }

  /** Queues bytes (records a worker thread wrote); they are copied, and may be used again at once. */
  writeBytes(bytes: Uint8Array): Promise<void> | undefined {
    this.writePendingHalf();
    this.builder.reserve(bytes.length).set(bytes, this.builder.length);
    this.builder.length += bytes.length;
    return this.written();
  }

  /** Hands queued text to the stream; waits if the stream asks for it. */
  flush(): Promise<void> | undefined {
    this.writePendingHalf();
    return this.handOn();
  }

  private writePendingHalf(): void {
    if (this.pendingHalf === "") return;
    this.builder.writeText(this.pendingHalf);
    this.pendingHalf = "";
  }

  private handOn(): Promise<void> | undefined {
    if (this.builder.length === 0) return undefined;
    const block = this.builder.bytes;
    const bytes = this.builder.take(takeBlock());
    if (!finishingStreams.has(this.stream)) {
      return this.stream.write(bytes) ? undefined : waitForDrain(this.stream);
    }
    let isGivenBack = false;
    const isReady = this.stream.write(bytes, () => {
      if (!isGivenBack) giveBack(block);
      isGivenBack = true;
    });
    // Written at once (a file, or a pipe on Linux): the callback would come only once the
    // reading yields to the event loop, which a reading of local files rarely does.
    if (!isGivenBack && this.stream.writableLength === 0) {
      giveBack(block);
      isGivenBack = true;
    }
    return isReady ? undefined : waitForDrain(this.stream);
  }
}

/** A sink on stdout, which the environment has said whether a terminal shows. */
export function makeStdoutSink(env: OutputEnvironment): TextSink {
  return new TextSink(env.stdout, env.isTerminal);
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

// One dump, from bytes to records: a file or standard input is read as a stream, decoded, split
// into lines and parsed, and records come out in batches as they are found. Nothing is held but
// the article being read.

import type { Readable } from "node:stream";
import { DumpParser } from "../core/dump-parser.js";
import type { ParsedItem } from "../core/record.js";
import type { TimeZone } from "../core/time-zone.js";
import { describeSystemError, InputError } from "../errors.js";
import { DumpDecoder, NotTextError } from "./decode.js";
import { LineSplitter } from "./line-splitter.js";
import { NotRegularFileError, readSpecialFileChunks, readFileChunks, readStreamChunks } from "./read-chunks.js";

/** Where a dump comes from: a file, or standard input ("-"). */
export interface DumpSource {
  /** The name records carry in `file`: the path as reached from what the user gave, or "-". */
  readonly name: string;
  /** The path to open; undefined for standard input. */
  readonly path?: string;
  /** The file's size when it was found (to share work among parsers); it may change before it is read. */
  readonly size?: number;
  /**
   * Named on the command line and not a regular file (a FIFO, a device): read as a stream, on
   * the main thread, as standard input is. Anything else that is not a regular file when it is
   * opened is reported, not waited on.
   */
  readonly isStream?: boolean;
}

interface ReadOptions {
  timeZone?: TimeZone | undefined;
  stdin: Readable;
  /** Sees every chunk of bytes as read (to hash the file, say). */
  onBytes?: ((chunk: Buffer) => void) | undefined;
}

const REPLACEMENT = "\uFFFD";

/** Reads one dump; yields records and problems in file order. Throws InputError when unreadable. */
export async function* readDump(source: DumpSource, options: ReadOptions): AsyncGenerator<ParsedItem[]> {
  const chunks =
    source.path === undefined ? readStreamChunks(options.stdin) : source.isStream ? readSpecialFileChunks(source.path) : readFileChunks(source.path);
  const parser = new DumpParser({ file: source.name, timeZone: options.timeZone });
  const decoder = new DumpDecoder();
  const splitter = new LineSplitter((line, isCut) => {
    parser.push(line, { hasInvalidBytes: decoder.sawInvalidBytes && line.includes(REPLACEMENT), isCut });
  });
  try {
    for await (const chunk of chunks) {
      options.onBytes?.(chunk);
      splitter.write(decoder.write(chunk));
      const items = parser.take();
      if (items.length > 0) yield items;
    }
    splitter.write(decoder.end());
    splitter.end();
    parser.end();
  } catch (error) {
    if (error instanceof NotTextError || error instanceof NotRegularFileError) throw new InputError(source.name, error.message);
    if ((error as NodeJS.ErrnoException).code !== undefined) throw new InputError(source.name, describeSystemError(error));
    throw error;
  }
  const items = parser.take();
  if (items.length > 0) yield items;
}

// Which file a path or standard input really is (device and inode), so that an export never
// reads the file it is writing, however the two were named (a directory walk, a glob, `< file`).

import { stat } from "node:fs/promises";
import { promisify } from "node:util";
import { fstat as fstatCallback } from "node:fs";
import type { Readable } from "node:stream";
import type { DumpSource } from "./read-dump.js";
import { systemPath } from "./file-names.js";

export interface FileIdentity {
  dev: number;
  ino: number;
}

/** The identity of an existing file, or undefined when there is none at that path. */
export async function identifyFile(path: string): Promise<FileIdentity | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info === undefined ? undefined : { dev: info.dev, ino: info.ino };
}

const fstatDescriptor = promisify(fstatCallback);

export async function isSameFile(source: DumpSource, identity: FileIdentity, stdin: Readable): Promise<boolean> {
  let info: { dev: number; ino: number } | undefined;
  if (source.path !== undefined) {
    info = await stat(systemPath(source.path)).catch(() => undefined);
  } else {
    const descriptor = (stdin as Readable & { fd?: number }).fd;
    if (typeof descriptor === "number") info = await fstatDescriptor(descriptor).catch(() => undefined);
  }
  return info !== undefined && info.dev === identity.dev && info.ino === identity.ino;
}

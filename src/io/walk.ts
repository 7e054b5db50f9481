// Walking a directory for dumps: in the byte order of the files' paths (so every run, and an
// index, reads the same files in the same order), symbolic links followed but never round a loop, hidden entries
// skipped. A subdirectory or link that cannot be read is reported and the walk goes on; so is a
// FIFO, socket or device where a dump would be (opening a FIFO waits for a writer that may never
// come). Names are read as bytes, so that a name that is not UTF-8 is found and opened too
// (file-names.ts says how it is written).
// Directories are read and entries looked at with blocking calls, as files are read
// (read-chunks.ts): a call through the thread pool costs ten times as much, and the walk of
// 2,700 files waited a tenth of an export's time on them. The walk keeps its own stack of open
// directories and knows a directory by its device and inode, so that its cost grows with the
// entries it visits, not with how deep they are.

import { lstatSync, readdirSync, type Stats, statSync } from "node:fs";
import type { FileMatcher } from "../core/glob.js";
import { describeFileKind, describeSystemError, InputError } from "../errors.js";
import { nameOfBytes, systemPathBytes } from "./file-names.js";

/** A file found (with its size, as the walk saw it), or what could not be read. */
export type WalkEntry = { file: string; size: number } | { error: InputError };

export type { FileMatcher };

/** A directory being walked: its entries, sorted, and how far the walk has gone through them. */
interface OpenDirectory {
  /** Its path from the root, as bytes ("" for the root). */
  relative: Buffer;
  depth: number;
  entries: DirectoryEntry[];
  next: number;
}

interface DirectoryEntry {
  name: Buffer;
  info: Stats;
}

const SLASH = Buffer.from("/");
const DOT = 0x2e;

/**
 * The files under `root` that `matches` takes, by their path relative to it. Paths are `prefix`
 * (by default `root` and a slash) joined with the relative path.
 */
export async function* walkDirectory(root: string, matches: FileMatcher, options: { prefix?: string; deepest?: number } = {}): AsyncGenerator<WalkEntry> {
  const prefix = systemPathBytes(options.prefix ?? (root.endsWith("/") ? root : `${root}/`));
  const rootPath = systemPathBytes(root);
  /** How many directories down files are looked for (a pattern without ** names a depth). */
  const deepest = options.deepest ?? Infinity;
  /** Directories entered, by device and inode: one reached again is a loop, or a second way in. */
  const visited = new Set<string>();
  const pathOf = (relative: Buffer) => (relative.length === 0 ? rootPath : Buffer.concat([prefix, relative]));
  const nameOf = (relative: Buffer) => nameOfBytes(Buffer.concat([prefix, relative]));
  const join = (relative: Buffer, name: Buffer) => (relative.length === 0 ? name : Buffer.concat([relative, SLASH, name]));

  /** Reads a directory's entries; what cannot be looked at is reported. */
  function* open(relative: Buffer, depth: number, info: Stats | undefined): Generator<WalkEntry, OpenDirectory | undefined> {
    const directory = pathOf(relative);
    let names: Buffer[];
    try {
      const identity = info ?? statSync(directory);
      const key = `${identity.dev}:${identity.ino}`;
      if (visited.has(key)) return undefined;
      visited.add(key);
      names = readdirSync(directory, { encoding: "buffer" }).filter((name) => name[0] !== DOT);
    } catch (error) {
      yield { error: new InputError(relative.length === 0 ? root : nameOf(relative), describeSystemError(error)) };
      return undefined;
    }
    const entries: DirectoryEntry[] = [];
    for (const name of names) {
      const childRelative = join(relative, name);
      const child = pathOf(childRelative);
      try {
        entries.push({ name, info: statSync(child) }); // follows links
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A broken link is reported when it names a file that would have been read.
        if (code === "ENOENT" && matches(nameOfBytes(childRelative)) && isLink(child)) yield { error: new InputError(nameOf(childRelative), "broken symbolic link") };
        else if (code !== "ENOENT") yield { error: new InputError(nameOf(childRelative), describeSystemError(error)) };
        // ENOENT: removed while the walk went on
      }
    }
    // Taken in the byte order of their full paths (a directory sorts as "name/"), which is also
    // the order of an index: "a-b.txt" comes before "a/x.txt".
    const sortKey = (entry: DirectoryEntry) => (entry.info.isDirectory() ? Buffer.concat([entry.name, SLASH]) : entry.name);
    const keyed = entries.map((entry) => ({ entry, key: sortKey(entry) }));
    keyed.sort((a, b) => Buffer.compare(a.key, b.key));
    return { relative, depth, entries: keyed.map(({ entry }) => entry), next: 0 };
  }

  const stack: OpenDirectory[] = [];
  const top = yield* open(Buffer.alloc(0), 0, undefined);
  if (top !== undefined) stack.push(top);
  while (stack.length > 0) {
    const directory = stack[stack.length - 1]!;
    const entry = directory.entries[directory.next++];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    const childRelative = join(directory.relative, entry.name);
    if (entry.info.isDirectory()) {
      if (directory.depth < deepest) {
        const below = yield* open(childRelative, directory.depth + 1, entry.info);
        if (below !== undefined) stack.push(below);
      }
      continue;
    }
    if (!matches(nameOfBytes(childRelative))) continue;
    if (entry.info.isFile()) yield { file: nameOf(childRelative), size: entry.info.size };
    else {
      // A socket cannot be opened at all; a FIFO or a device can be read as a stream.
      const hint = entry.info.isSocket() ? undefined : "name it on the command line to read it as a stream";
      yield { error: new InputError(nameOf(childRelative), `${describeFileKind(entry.info)}, not a regular file: skipped`, hint) };
    }
  }
}

function isLink(file: Buffer): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

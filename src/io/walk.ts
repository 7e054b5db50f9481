// Walking a directory for dumps: in the byte order of the files' paths (so every run, and an
// index, reads the same files in the same order), symbolic links followed but never round a loop, hidden entries
// skipped. A subdirectory or link that cannot be read is reported and the walk goes on.
// Directories are read and entries looked at with blocking calls, as files are read
// (read-chunks.ts): a call through the thread pool costs ten times as much, and the walk of
// 2,700 files waited a tenth of an export's time on them.

import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import type { FileMatcher } from "../core/glob.js";
import { describeSystemError, InputError } from "../errors.js";

/** A file found (with its size, as the walk saw it), or what could not be read. */
export type WalkEntry = { file: string; size: number } | { error: InputError };

export type { FileMatcher };

/**
 * The files under `root` that `matches` takes, by their path relative to it. Paths are `prefix`
 * (by default `root` and a slash) joined with the relative path.
 */
export async function* walkDirectory(root: string, matches: FileMatcher, options: { prefix?: string; deepest?: number } = {}): AsyncGenerator<WalkEntry> {
  const prefix = options.prefix ?? (root.endsWith("/") ? root : `${root}/`);
  /** How many directories down files are looked for (a pattern without ** names a depth). */
  const deepest = options.deepest ?? Infinity;
  const visited = new Set<string>();

  async function* visit(directory: string, relative: string, depth: number): AsyncGenerator<WalkEntry> {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(directory);
      if (visited.has(real)) return; // reached again through a link: a loop, or a second way in
      visited.add(real);
      names = readdirSync(directory).filter((name) => !name.startsWith("."));
    } catch (error) {
      yield { error: new InputError(directory, describeSystemError(error)) };
      return;
    }
    // Looked at first, then taken in the byte order of their full paths (a directory sorts as
    // "name/"), which is also the order of an index: "a-b.txt" comes before "a/x.txt".
    const entries: { name: string; isDirectory: boolean; size: number }[] = [];
    for (const name of names) {
      const child = prefix + (relative === "" ? name : `${relative}/${name}`);
      try {
        const info = statSync(child); // follows links
        entries.push({ name, isDirectory: info.isDirectory(), size: info.size });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A broken link is reported when it names a file that would have been read.
        const childRelative = relative === "" ? name : `${relative}/${name}`;
        if (code === "ENOENT" && matches(childRelative) && isLink(child)) yield { error: new InputError(child, "broken symbolic link") };
        else if (code !== "ENOENT") yield { error: new InputError(child, describeSystemError(error)) };
        // ENOENT: removed while the walk went on
      }
    }
    entries.sort((a, b) => byteOrder(a.isDirectory ? `${a.name}/` : a.name, b.isDirectory ? `${b.name}/` : b.name));
    for (const { name, isDirectory, size } of entries) {
      const childRelative = relative === "" ? name : `${relative}/${name}`;
      const child = prefix + childRelative;
      if (isDirectory) {
        if (depth < deepest) yield* visit(child, childRelative, depth + 1);
      }
      else if (matches(childRelative)) yield { file: child, size };
    }
  }

  yield* visit(root, "", 0);
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

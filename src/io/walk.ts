// Walking a directory for dumps: in the byte order of the files' paths (so every run, and an
// index, reads the same files in the same order), symbolic links followed but never round a loop, hidden entries
// skipped. A subdirectory or link that cannot be read is reported and the walk goes on.

import { lstat, readdir, realpath, stat } from "node:fs/promises";
import type { FileMatcher } from "../core/glob.js";
import { describeSystemError, InputError } from "../errors.js";

/** A file found (with its size, as the walk saw it), or what could not be read. */
export type WalkEntry = { file: string; size: number } | { error: InputError };

export type { FileMatcher };

/** Entries of a directory looked at together: enough to keep the thread pool busy, few enough to hold. */
const STATS_AT_ONCE = 64;

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
      real = await realpath(directory);
      if (visited.has(real)) return; // reached again through a link: a loop, or a second way in
      visited.add(real);
      names = (await readdir(directory)).filter((name) => !name.startsWith("."));
    } catch (error) {
      yield { error: new InputError(directory, describeSystemError(error)) };
      return;
    }
    // Looked at first, then taken in the byte order of their full paths (a directory sorts as
    // "name/"), which is also the order of an index: "a-b.txt" comes before "a/x.txt".
    const entries: { name: string; isDirectory: boolean; size: number }[] = [];
    // Looked at STATS_AT_ONCE at a time: one by one, the walk waited on each in turn and took a
    // tenth of an export's time.
    for (let start = 0; start < names.length; start += STATS_AT_ONCE) {
      const batch = names.slice(start, start + STATS_AT_ONCE);
      const looks = await Promise.all(batch.map((name) => lookAt(prefix + (relative === "" ? name : `${relative}/${name}`))));
      for (const [index, look] of looks.entries()) {
        const name = batch[index]!;
        if (!("error" in look)) {
          entries.push({ name, isDirectory: look.isDirectory, size: look.size });
          continue;
        }
        const child = prefix + (relative === "" ? name : `${relative}/${name}`);
        const code = (look.error as NodeJS.ErrnoException).code;
        // A broken link is reported when it names a file that would have been read.
        const childRelative = relative === "" ? name : `${relative}/${name}`;
        if (code === "ENOENT" && matches(childRelative) && (await isLink(child))) yield { error: new InputError(child, "broken symbolic link") };
        else if (code !== "ENOENT") yield { error: new InputError(child, describeSystemError(look.error)) };
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

/** What stat says of an entry (links followed), or why it could not say. */
function lookAt(child: string): Promise<{ isDirectory: boolean; size: number } | { error: unknown }> {
  return stat(child).then(
    (info) => ({ isDirectory: info.isDirectory(), size: info.size }),
    (error: unknown) => ({ error }),
  );
}

async function isLink(file: string): Promise<boolean> {
  return lstat(file).then(
    (info) => info.isSymbolicLink(),
    () => false,
  );
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

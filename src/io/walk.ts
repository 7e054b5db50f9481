// Walking a directory for dumps: in the byte order of the files' paths (so every run, and an
// index, reads the same files in the same order), symbolic links followed but never round a loop, hidden entries
// skipped. A subdirectory or link that cannot be read is reported and the walk goes on.

import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { describeSystemError, InputError } from "../errors.js";

export type WalkEntry = { file: string } | { error: InputError };

/**
 * The files under `root` whose path relative to it matches `include` (a pattern without "/"
 * matches names at any depth). Paths are `root` joined with the relative path.
 */
export async function* walkDirectory(root: string, include: string): AsyncGenerator<WalkEntry> {
  const { default: picomatch } = await import("picomatch");
  const matches = picomatch(include, { basename: !include.includes("/"), dot: false });
  const visited = new Set<string>();
  const prefix = root.endsWith("/") ? root : `${root}/`;

  async function* visit(directory: string, relative: string): AsyncGenerator<WalkEntry> {
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
    const entries: { name: string; isDirectory: boolean }[] = [];
    for (const name of names) {
      const child = prefix + (relative === "" ? name : `${relative}/${name}`);
      try {
        entries.push({ name, isDirectory: (await stat(child)).isDirectory() }); // follows links
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT" && (await isLink(child))) yield { error: new InputError(child, "broken symbolic link") };
        else if (code !== "ENOENT") yield { error: new InputError(child, describeSystemError(error)) };
        // ENOENT: removed while the walk went on
      }
    }
    entries.sort((a, b) => byteOrder(a.isDirectory ? `${a.name}/` : a.name, b.isDirectory ? `${b.name}/` : b.name));
    for (const { name, isDirectory } of entries) {
      const childRelative = relative === "" ? name : `${relative}/${name}`;
      const child = prefix + childRelative;
      if (isDirectory) yield* visit(child, childRelative);
      else if (matches(childRelative)) yield { file: child };
    }
  }

  yield* visit(root, "");
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

/** Whether a --include pattern can be used; the reason when it cannot. */
export async function checkIncludePattern(include: string): Promise<string | undefined> {
  if (include.trim() === "") return "the pattern is empty";
  const { default: picomatch } = await import("picomatch");
  try {
    picomatch.makeRe(include);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}


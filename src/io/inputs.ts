// The PATH arguments of a command turned into the dumps to read, in a stable order: files as
// given, directories walked for `*.txt` (or --include), glob patterns expanded, "-" for
// standard input. A path that cannot be read is reported and the others are still read.

import { stat } from "node:fs/promises";
import path from "node:path";
import { describeSystemError, InputError, UsageError } from "../errors.js";
import type { DumpSource } from "./read-dump.js";
import { checkIncludePattern, walkDirectory } from "./walk.js";

export const DEFAULT_INCLUDE = "*.txt";
export const STDIN_NAME = "-";

export interface InputOptions {
  /** Which files a directory yields; a pattern without "/" matches names at any depth. */
  include: string;
  /** Standard input is a terminal (so it is not read unless "-" is given). */
  isStdinTerminal: boolean;
}

/**
 * Yields the dumps to read and, for paths that cannot be read, InputErrors (yielded, not
 * thrown, so that the caller reports them and goes on).
 */
export async function* expandInputs(paths: readonly string[], options: InputOptions): AsyncGenerator<DumpSource | InputError> {
  if (paths.length === 0) {
    if (options.isStdinTerminal) {
      throw new UsageError("no input: name files or directories, or pipe a dump into standard input", "e.g. newsctl parse seeds");
    }
    yield { name: STDIN_NAME };
    return;
  }
  const problem = await checkIncludePattern(options.include);
  if (problem !== undefined) throw new UsageError(`--include ${JSON.stringify(options.include)}: ${problem}`);
  const seen = new Set<string>();
  const once = function* (source: DumpSource): Generator<DumpSource> {
    const key = source.path === undefined ? STDIN_NAME : path.resolve(source.path);
    if (seen.has(key)) return;
    seen.add(key);
    yield source;
  };
  // Every path is looked at first, so that a missing one is reported even when --limit
  // stops the reading before its turn.
  const looks = await Promise.all(
    paths.map((given) =>
      given === STDIN_NAME
        ? undefined
        : stat(given).then(
            (info) => ({ isDirectory: info.isDirectory() }),
            (error: unknown) => ({ error }),
          ),
    ),
  );
  for (const [index, given] of paths.entries()) {
    const look = looks[index];
    if (look !== undefined && "error" in look && !(await isGlobPattern(given, look.error))) yield new InputError(given, describeSystemError(look.error));
  }
  for (const [index, given] of paths.entries()) {
    const look = looks[index];
    if (look === undefined) {
      yield* once({ name: STDIN_NAME });
    } else if ("isDirectory" in look) {
      if (look.isDirectory) yield* walk(given);
      else yield* once({ name: given, path: given });
    } else if (await isGlobPattern(given, look.error)) {
      const matches = await globFiles(given);
      if (!Array.isArray(matches)) yield new InputError(given, describeSystemError(matches.error));
      else if (matches.length === 0) yield new InputError(given, "no files match this pattern");
      else for (const file of matches) yield* once({ name: file, path: file });
    } // else: reported above
  }

  async function* walk(directory: string): AsyncGenerator<DumpSource | InputError> {
    let isEmpty = true;
    for await (const entry of walkDirectory(directory, options.include)) {
      isEmpty = false;
      if ("error" in entry) yield entry.error;
      else yield* once({ name: entry.file, path: entry.file });
    }
    if (isEmpty) yield new InputError(directory, `no files match ${options.include} in this directory`, "--include GLOB reads other files");
  }
}

/** A path that does not exist but has glob syntax is a pattern. */
async function isGlobPattern(given: string, error: unknown): Promise<boolean> {
  const code = (error as NodeJS.ErrnoException).code;
  return (code === "ENOENT" || code === "ENOTDIR") && (await loadFastGlob()).isDynamicPattern(given);
}

/** fast-glob, loaded only when a path is a pattern. */
async function loadFastGlob() {
  return (await import("fast-glob")).default;
}

async function globFiles(pattern: string): Promise<string[] | { error: unknown }> {
  try {
    const fg = await loadFastGlob();
    const files = await fg(pattern, {
      onlyFiles: true,
      followSymbolicLinks: true,
      unique: true,
    });
    // Byte order, so that every run and every machine reads the files in the same order.
    return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    return { error };
  }
}

// The PATH arguments of a command turned into the dumps to read, in a stable order: files as
// given, directories walked for `*.txt` (or --include), glob patterns expanded, "-" for
// standard input. A path that cannot be read is reported and the others are still read.

import { stat } from "node:fs/promises";
import path from "node:path";
import { describeSystemError, InputError, UsageError } from "../errors.js";
import type { DumpSource } from "./read-dump.js";
import { compileGlob, GlobSyntaxError, hasGlobSyntax } from "../core/glob.js";
import { systemPath } from "./file-names.js";
import { walkDirectory, type FileMatcher, type WalkEntry } from "./walk.js";

export const STDIN_NAME = "-";

/** Which files a directory yields: the --include pattern, compiled. */
export interface InputInclude {
  /** As given; a pattern without "/" matches names at any depth. */
  pattern: string;
  matches: FileMatcher;
}

interface InputOptions {
  include: InputInclude;
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
  const include = options.include.matches;
  const seen = new Set<string>();
  const walked = new Set<string>();
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
        : stat(systemPath(given)).then(
            (info) => ({ isDirectory: info.isDirectory(), isFile: info.isFile(), size: info.size }),
            (error: unknown) => ({ error }),
          ),
    ),
  );
  for (const [index, given] of paths.entries()) {
    const look = looks[index];
    if (look !== undefined && "error" in look && !isGlobPattern(given, look.error)) {
      // Only where the system gives no raw command line (file-names.ts) is such a name lost.
      const hint = given.includes("\uFFFD") ? "the name's bytes were not UTF-8 and were lost on the command line: name its directory instead" : undefined;
      yield new InputError(given, describeSystemError(look.error), hint);
    }
  }
  for (const [index, given] of paths.entries()) {
    const look = looks[index];
    if (look === undefined) {
      yield* once({ name: STDIN_NAME });
    } else if ("isDirectory" in look) {
      if (look.isDirectory) yield* walk(given);
      else if (look.isFile) yield* once({ name: given, path: given, size: look.size });
      else yield* once({ name: given, path: given, isStream: true });
    } else if (isGlobPattern(given, look.error)) {
      yield* glob(given);
    } // else: reported above
  }

  async function* walk(directory: string): AsyncGenerator<DumpSource | InputError> {
    if (walked.has(path.resolve(directory))) return; // a directory given twice is read once
    walked.add(path.resolve(directory));
    let isEmpty = true;
    for await (const entry of walkDirectory(directory, include)) {
      isEmpty = false;
      yield* fromEntry(entry);
    }
    if (isEmpty) yield new InputError(directory, `no files match ${options.include.pattern} in this directory`, "--include GLOB reads other files");
  }

  /** The files a pattern names: the directory before its first wildcard, walked and matched. */
  async function* glob(pattern: string): AsyncGenerator<DumpSource | InputError> {
    const { base, below } = splitPattern(pattern);
    let matcher: ReturnType<typeof compileGlob>;
    try {
      matcher = compileGlob(below);
    } catch (error) {
      if (!(error instanceof GlobSyntaxError)) throw error;
      yield new InputError(pattern, error.message);
      return;
    }
    const root = base === "" ? "." : base;
    let isEmpty = true;
    const isRootThere = await stat(systemPath(root)).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (isRootThere) {
      const walking = walkDirectory(root, (relative) => matcher.matches(relative), {
        // Files are named as the pattern names them: "dumps/a.txt" for dumps/*.txt, "a.txt" for *.txt.
        prefix: base === "" ? "" : base.endsWith("/") ? base : `${base}/`,
        deepest: below.includes("**") ? Infinity : below.split("/").length - 1,
      });
      for await (const entry of walking) {
        if (!("error" in entry)) isEmpty = false;
        yield* fromEntry(entry);
      }
    }
    if (isEmpty) yield new InputError(pattern, "no files match this pattern");
  }

  function* fromEntry(entry: WalkEntry): Generator<DumpSource | InputError> {
    if ("error" in entry) yield entry.error;
    else yield* once({ name: entry.file, path: entry.file, size: entry.size });
  }
}

/**
 * A pattern as the directories before its first segment with a wildcard ("" when it starts with
 * one) and the pattern below them.
 */
function splitPattern(pattern: string): { base: string; below: string } {
  const segments = pattern.split("/");
  const first = segments.findIndex((segment) => hasGlobSyntax(segment));
  const base = segments.slice(0, first).join("/");
  return { base: base === "" && pattern.startsWith("/") ? "/" : base, below: segments.slice(first).join("/") };
}

/** A path that does not exist but has glob syntax is a pattern. */
function isGlobPattern(given: string, error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return (code === "ENOENT" || code === "ENOTDIR") && hasGlobSyntax(given);
}

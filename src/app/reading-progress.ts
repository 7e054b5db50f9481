// The progress line drawn on a terminal's stderr while dumps are read: files, articles and bytes
// so far, and the totals that a second walk of the inputs, done beside the reading, finds.

import { stat } from "node:fs/promises";
import { InputError } from "../errors.js";
import { systemPath } from "../io/file-names.js";
import { expandInputs, type InputInclude } from "../io/inputs.js";
import type { OutputEnvironment } from "../output/environment.js";
import { type ProgressCounts, ProgressLine } from "../output/progress.js";

export class ReadingProgress {
  private readonly line: ProgressLine;

  constructor(paths: readonly string[], include: InputInclude, env: OutputEnvironment) {
    const line = new ProgressLine(env);
    this.line = line;
    // A walk that fails leaves the line without totals (the reading reports what is wrong).
    measureInputs(paths, include).then(
      (total) => {
        line.total = total;
      },
      () => {},
    );
  }

  update(counts: ProgressCounts): void {
    this.line.update(counts);
  }

  /** Removes the line (before anything else is printed on stderr). */
  clear(): void {
    this.line.clear();
  }
}

/** The size of a file, 0 when it cannot be found. */
export async function fileSize(path: string): Promise<number> {
  return stat(systemPath(path)).then(
    (info) => info.size,
    () => 0,
  );
}

/** How many files and bytes the inputs hold, for a progress line's time left. */
async function measureInputs(paths: readonly string[], include: InputInclude): Promise<{ files: number; bytes: number } | undefined> {
  if (paths.length === 0 || paths.includes("-")) return undefined;
  let files = 0;
  let bytes = 0;
  for await (const source of expandInputs(paths, { include, isStdinTerminal: true })) {
    if (source instanceof InputError || source.path === undefined) continue;
    files++;
    bytes += source.size ?? (await fileSize(source.path));
  }
  return { files, bytes };
}

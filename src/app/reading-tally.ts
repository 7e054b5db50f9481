// The bookkeeping of reading dumps that every reader shares (the record reader and the indexer):
// problems reported or kept quiet, unreadable paths, the progress line, and the exit status
// that all of it earns.

import { stat } from "node:fs/promises";
import type { DumpProblem } from "../core/record.js";
import { EXIT_SUCCESS, EXIT_TROUBLE, InputError } from "../errors.js";
import { systemPath } from "../io/file-names.js";
import { expandInputs, type InputInclude } from "../io/inputs.js";
import type { OutputEnvironment } from "../output/environment.js";
import { writeError, writeProblem } from "../output/messages.js";
import { type ProgressCounts, ProgressLine } from "../output/progress.js";

export interface TallyOptions {
  paths: readonly string[];
  include: InputInclude;
  /** Problems are not printed (they still count for --strict). */
  isQuiet: boolean;
  /** Problems make the exit status 2. */
  isStrict: boolean;
  /** A progress line is drawn on stderr (decided by the plan: a terminal, and not --quiet). */
  isShowingProgress: boolean;
}

export class ReadingTally {
  fileCount = 0;
  articleCount = 0;
  /** Bytes of the files read, counted only while a progress line shows them. */
  byteCount = 0;
  problemCount = 0;
  unreadableCount = 0;
  private readonly progress: ProgressLine | undefined;

  constructor(
    private readonly options: TallyOptions,
    private readonly env: OutputEnvironment,
    /** Where problems go; by default stderr, unless --quiet. */
    private readonly onProblem: (problem: DumpProblem) => void = (problem) => {
      if (!options.isQuiet) writeProblem(env, problem);
    },
  ) {
    if (!options.isShowingProgress) return;
    const progress = new ProgressLine(env);
    this.progress = progress;
    // The totals come from a second walk of the inputs, done beside the reading; a walk that
    // fails leaves the line without totals (the reading reports what is wrong).
    measureInputs(options.paths, options.include).then(
      (total) => {
        progress.total = total;
      },
      () => {},
    );
  }

  get isShowingProgress(): boolean {
    return this.progress !== undefined;
  }

  report(problem: DumpProblem): void {
    this.problemCount++;
    this.progress?.clear();
    this.onProblem(problem);
  }

  reportUnreadable(error: InputError): void {
    this.unreadableCount++;
    this.progress?.clear();
    writeError(this.env, error.message, error.hint);
  }

  /** Redraws the progress line with these counts, or the tally's own. */
  showProgress(counts: ProgressCounts = { files: this.fileCount, articles: this.articleCount, bytes: this.byteCount }): void {
    this.progress?.update(counts);
  }

  /** Removes the progress line (before anything else is printed on stderr at the end). */
  endProgress(): void {
    this.progress?.clear();
  }

  exitCode(): number {
    if (this.unreadableCount > 0) return EXIT_TROUBLE;
    if (this.options.isStrict && this.problemCount > 0) return EXIT_TROUBLE;
    return EXIT_SUCCESS;
  }
}

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

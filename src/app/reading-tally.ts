// The bookkeeping of reading dumps that every reader shares (the record reader and the indexer):
// problems reported or kept quiet, unreadable paths, and the exit status that all of it earns;
// the progress line (reading-progress.ts) is cleared before anything is said.

import type { DumpProblem } from "../core/record.js";
import { EXIT_SUCCESS, EXIT_TROUBLE, type InputError } from "../errors.js";
import type { InputInclude } from "../io/inputs.js";
import type { OutputEnvironment } from "../output/environment.js";
import { writeError, writeProblem } from "../output/messages.js";
import type { ProgressCounts } from "../output/progress.js";
import { ReadingProgress } from "./reading-progress.js";

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
  private readonly progress: ReadingProgress | undefined;

  constructor(
    private readonly options: TallyOptions,
    private readonly env: OutputEnvironment,
    /** Where problems go; by default stderr, unless --quiet. */
    private readonly onProblem: (problem: DumpProblem) => void = (problem) => {
      if (!options.isQuiet) writeProblem(env, problem);
    },
  ) {
    if (options.isShowingProgress) this.progress = new ReadingProgress(options.paths, options.include, env);
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

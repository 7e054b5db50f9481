// The reading half every command shares: PATH arguments to dumps, dumps to records, the
// filters, --limit, and the reporting of problems and unreadable paths along the way.

import type { Readable } from "node:stream";
import { hasFilter, makeRecordPredicate, type RecordFilter } from "../core/filters.js";
import { stat } from "node:fs/promises";
import type { ArticleRecord, DumpProblem } from "../core/record.js";
import type { TimeZone } from "../core/time-zone.js";
import { EXIT_SUCCESS, EXIT_TROUBLE, InputError, UsageError } from "../errors.js";
import { isSameFile, type FileIdentity } from "../io/file-identity.js";
import { expandInputs } from "../io/inputs.js";
import { parseSources } from "../io/parse-sources.js";
import type { DumpSource } from "../io/read-dump.js";
import type { OutputEnvironment } from "../output/environment.js";
import { writeError, writeProblem } from "../output/messages.js";
import { ProgressLine } from "../output/progress.js";

export interface ReadingOptions {
  paths: readonly string[];
  include: string;
  timeZone?: TimeZone | undefined;
  filter: RecordFilter;
  limit?: number | undefined;
  /** Problems are not printed (they still count for --strict). */
  isQuiet: boolean;
  /** Problems make the exit code 2. */
  isStrict: boolean;
  /** Threads at work: N - 1 workers parse files, this thread takes their records (1: all here). */
  jobs: number;
  /** A last say on each record the filters kept (a search's query); called once per record. */
  select?: ((record: ArticleRecord) => boolean) | undefined;
  /** A file that must not be read (the file an export is writing): reading it is refused. */
  forbiddenFile?: FileIdentity | undefined;
}

export interface ReadingContext {
  env: OutputEnvironment;
  stdin: Readable;
  isStdinTerminal: boolean;
}

/** Reads records with the user's filters; afterwards tells the exit code the reading earned. */
export class RecordReader {
  problemCount = 0;
  unreadableCount = 0;
  articleCount = 0;
  fileCount = 0;
  byteCount = 0;
  private progress: ProgressLine | undefined;

  constructor(
    private readonly options: ReadingOptions,
    private readonly context: ReadingContext,
    /** Where problems go; by default stderr, unless --quiet. */
    private readonly onProblem: (problem: DumpProblem) => void = (problem) => {
      if (!options.isQuiet) writeProblem(context.env, problem);
    },
  ) {}

  /**
   * The selected records in input order. With a filter, only the problems of selected records
   * are reported (the rest is noise for that question); without one, every problem is.
   */
  async *records(): AsyncGenerator<ArticleRecord> {
    const { options, context } = this;
    const isFiltered = hasFilter(options.filter) || options.select !== undefined;
    const passesFilters = makeRecordPredicate(options.filter);
    const { select } = options;
    const isSelected = select === undefined ? passesFilters : (record: ArticleRecord) => passesFilters(record) && select(record);
    const limit = options.limit ?? Infinity;
    let emitted = 0;
    const sources = expandInputs(options.paths, { include: options.include, isStdinTerminal: context.isStdinTerminal });
    for await (const event of parseSources(this.guardOutputFile(sources), { jobs: options.jobs, timeZone: options.timeZone, stdin: context.stdin })) {
      if (event.kind === "unreadable") {
        this.reportUnreadable(event.error);
        continue;
      }
      // Missing paths come first from expandInputs, so they are reported even with --limit 0.
      if (emitted >= limit) return;
      if (event.kind === "done") {
        this.fileCount++;
        if (this.progress !== undefined) {
          // Bytes are counted for the progress line only.
          if (event.source.path !== undefined) this.byteCount += await fileSize(event.source.path);
          this.showProgress();
          // Files are read with blocking reads: let the walk that counts the totals move on too.
          await new Promise((resolve) => setImmediate(resolve));
        }
        continue;
      }
      for (const { record, problems } of event.items) {
        if (record !== null) this.articleCount++;
        const isKept = record !== null && isSelected(record);
        if (!isFiltered || isKept) for (const problem of problems) this.report(problem);
        if (!isKept) continue;
        yield record;
        if (++emitted >= limit) return;
      }
    }
  }

  /** Refuses, before it is read, a source that is the file an export is writing. */
  private async *guardOutputFile(sources: AsyncIterable<DumpSource | InputError>): AsyncGenerator<DumpSource | InputError> {
    const { forbiddenFile } = this.options;
    for await (const source of sources) {
      if (forbiddenFile !== undefined && !(source instanceof InputError) && (await isSameFile(source, forbiddenFile, this.context.stdin))) {
        throw new UsageError(`${source.name} is also the output file; writing it would destroy what is being read`, "write the export somewhere else");
      }
      yield source;
    }
  }

  /**
   * Draws a progress line on stderr while reading, when stderr is a terminal and warnings are
   * not silenced; the totals come from a second walk of the inputs done beside the reading.
   */
  showProgressOnTerminal(): void {
    const { env } = this.context;
    if (!env.isStderrTerminal || this.options.isQuiet) return;
    const progress = new ProgressLine(env);
    this.progress = progress;
    void measureInputs(this.options.paths, this.options.include).then((total) => {
      progress.total = total;
    });
  }

  private showProgress(): void {
    this.progress?.update({ files: this.fileCount, articles: this.articleCount, bytes: this.byteCount });
  }

  /** Removes the progress line (call before printing anything else on stderr at the end). */
  endProgress(): void {
    this.progress?.clear();
  }

  exitCode(): number {
    if (this.unreadableCount > 0) return EXIT_TROUBLE;
    if (this.options.isStrict && this.problemCount > 0) return EXIT_TROUBLE;
    return EXIT_SUCCESS;
  }

  private report(problem: DumpProblem): void {
    this.problemCount++;
    this.progress?.clear();
    this.onProblem(problem);
  }

  private reportUnreadable(error: InputError): void {
    this.unreadableCount++;
    this.progress?.clear();
    writeError(this.context.env, error.message, error.hint);
  }
}

async function fileSize(path: string): Promise<number> {
  return stat(path).then(
    (info) => info.size,
    () => 0,
  );
}

/** How many files and bytes the inputs hold, for a progress line's time left. */
async function measureInputs(paths: readonly string[], include: string): Promise<{ files: number; bytes: number } | undefined> {
  if (paths.length === 0 || paths.includes("-")) return undefined;
  let files = 0;
  let bytes = 0;
  for await (const source of expandInputs(paths, { include, isStdinTerminal: true })) {
    if (source instanceof InputError || source.path === undefined) continue;
    files++;
    bytes += await fileSize(source.path);
  }
  return { files, bytes };
}


// The reading every command shares: dumps to records (one by one, or written out in batches by
// the threads that parse them), the filters and --limit. Which dumps are read is
// dump-sources.ts's job; what is reported and the exit status, reading-tally.ts's.

import type { Readable } from "node:stream";
import { hasFilter, makeRecordPredicate, type RecordFilter } from "../core/filters.js";
import type { ArticleRecord, DumpProblem } from "../core/record.js";
import type { TimeZone } from "../core/time-zone.js";
import type { InputError } from "../errors.js";
import type { FileIdentity } from "../io/file-identity.js";
import type { BatchEncoderSpec, EncodedBatch } from "../io/parse-file.js";
import { encodeSources, parseSources, type EncodeEvent, type FileEvent, type ParseEvent, type ParseOptions } from "../io/parse-sources.js";
import type { DumpSource } from "../io/read-dump.js";
import type { OutputEnvironment } from "../output/environment.js";
import { dumpSources } from "./dump-sources.js";
import { fileSize } from "./reading-progress.js";
import { ReadingTally, type TallyOptions } from "./reading-tally.js";

export interface ReadingOptions extends TallyOptions {
  timeZone?: TimeZone | undefined;
  filter: RecordFilter;
  limit?: number | undefined;
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
  /** What the reading met: files, articles, problems, unreadable paths. */
  readonly tally: ReadingTally;

  constructor(
    private readonly options: ReadingOptions,
    private readonly context: ReadingContext,
    /** Where problems go; by default stderr, unless --quiet. */
    onProblem?: (problem: DumpProblem) => void,
  ) {
    this.tally = new ReadingTally(options, context.env, onProblem);
  }

  /**
   * The selected records in input order. With a filter, only the problems of selected records
   * are reported (the rest is noise for that question); without one, every problem is.
   */
  async *records(): AsyncGenerator<ArticleRecord> {
    const { options, tally } = this;
    const isFiltered = hasFilter(options.filter) || options.select !== undefined;
    const passesFilters = makeRecordPredicate(options.filter);
    const { select } = options;
    const isSelected = select === undefined ? passesFilters : (record: ArticleRecord) => passesFilters(record) && select(record);
    const limit = options.limit ?? Infinity;
    let emitted = 0;
    for await (const event of this.recordEvents(parseSources(this.sources(), this.parseOptions()), () => emitted >= limit)) {
      if (event.kind !== "items") continue;
      for (const { record, problems } of event.items) {
        if (record !== null) tally.articleCount++;
        const isKept = record !== null && isSelected(record);
        if (!isFiltered || isKept) for (const problem of problems) tally.report(problem);
        if (!isKept) continue;
        yield record;
        if (++emitted >= limit) return;
      }
    }
  }

  /**
   * The records the filters keep, already written out by `batchEncoder` on whichever thread
   * parsed them (as records() would give them, with no --limit and no `select`), and their
   * problems reported.
   */
  async *encodedBatches(batchEncoder: BatchEncoderSpec): AsyncGenerator<EncodedBatch> {
    const { tally } = this;
    for await (const event of this.recordEvents(encodeSources(this.sources(), { ...this.parseOptions(), batchEncoder }), () => false)) {
      if (event.kind !== "encoded") continue;
      const { batch } = event;
      tally.articleCount += batch.articles;
      for (const problem of batch.problems) tally.report(problem);
      yield batch;
    }
  }

  private sources(): AsyncGenerator<DumpSource | InputError> {
    return dumpSources(this.options, this.context);
  }

  private parseOptions(): ParseOptions {
    return { jobs: this.options.jobs, timeZone: this.options.timeZone, stdin: this.context.stdin };
  }

  /**
   * The events that carry records; the others (unreadable paths, files done) are counted and
   * reported here. `isStopped` ends the reading (--limit reached) once unreadable paths found
   * so far are reported.
   */
  private async *recordEvents(events: AsyncIterable<ParseEvent | EncodeEvent>, isStopped: () => boolean): AsyncGenerator<Exclude<ParseEvent | EncodeEvent, FileEvent>> {
    const { tally } = this;
    for await (const event of events) {
      if (event.kind === "unreadable") {
        tally.reportUnreadable(event.error);
        continue;
      }
      // Missing paths come first from expandInputs, so they are reported even with --limit 0.
      if (isStopped()) return;
      if (event.kind === "done") {
        tally.fileCount++;
        if (tally.isShowingProgress) {
          const { source } = event;
          // Bytes are counted for the progress line only.
          if (source.path !== undefined) tally.byteCount += source.size ?? (await fileSize(source.path));
          tally.showProgress();
          // Files are read with blocking reads: let the walk that counts the totals move on too.
          await new Promise((resolve) => setImmediate(resolve));
        }
        continue;
      }
      yield event;
    }
  }

  /** Removes the progress line (call before printing anything else on stderr at the end). */
  endProgress(): void {
    this.tally.endProgress();
  }

  exitCode(): number {
    return this.tally.exitCode();
  }
}

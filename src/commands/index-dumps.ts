// `newsctl index [PATH...] --db FILE`: builds or updates the embedded index. A rerun reads only
// files whose size or time changed (and replaces their articles only when their bytes did),
// and drops the articles of files that are gone. Files are written in batches, each batch one
// transaction, so an interrupted run leaves a consistent index that the next run completes.

import type { Stats } from "node:fs";
import path from "node:path";
import { stat } from "node:fs/promises";
import type { Command } from "commander";
import type { IndexTexts } from "../core/fts-terms.js";
import type { ArticleRecord, DumpProblem } from "../core/record.js";
import { describeSystemError, EXIT_SUCCESS, EXIT_TROUBLE, InputError, UsageError } from "../errors.js";
import type { ArticleIndex, FileState } from "../io/article-index.js";
import { expandInputs } from "../io/inputs.js";
import { parseSources } from "../io/parse-sources.js";
import type { DumpSource } from "../io/read-dump.js";
import { PROGRAM, writeError, writeProblem } from "../output/messages.js";
import { ProgressLine } from "../output/progress.js";
import { addInputOptions, readReadingOptions, type RawOptions } from "./options.js";
import type { ReadingContext } from "./read-records.js";

interface IndexOptions extends RawOptions {
  db?: string;
}

// Articles gathered before a transaction writes them: large enough that commits cost little,
// small enough that an interrupted run loses little, memory stays flat, and the parse workers
// (whose files this thread hands out only between transactions) do not run dry meanwhile.
// Measured at 30,000 articles with two jobs: 500 took 8.4-8.7 s, 200 took 6.2 s.
const ARTICLES_PER_TRANSACTION = 200;

export function declareIndex(program: Command, context: ReadingContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("index")
    .description("build or update the embedded index (SQLite) that search, export, show and stats --db read")
    .argument("[path...]", "files, directories or glob patterns")
    .requiredOption("--db <file>", "the index file (created when new)");
  addInputOptions(command);
  command.addHelpText(
    "after",
    `
A rerun reads only the files that changed and drops the articles of files that are gone. An
article number met twice keeps the newer article (published later) and says so.

Examples:
  newsctl index dumps --db news.db
  newsctl search 'الجيش' --db news.db`,
  );
  command.action(async (paths: string[], raw: IndexOptions) => {
    setExitCode(await runIndex(paths, raw, context));
  });
}

interface PendingFile {
  /** The file's full path: how the index knows it. */
  key: string;
  state: FileState;
  records: ArticleRecord[];
  terms: IndexTexts[];
}

export async function runIndex(paths: readonly string[], raw: IndexOptions, context: ReadingContext): Promise<number> {
  const options = readReadingOptions(paths, raw);
  if (paths.length === 0 || paths.includes("-")) throw new UsageError("index reads files: name files, directories or glob patterns", "e.g. newsctl index dumps --db news.db");
  const { ArticleIndex } = await import("../io/article-index.js");
  const index = ArticleIndex.open(raw.db!, true);
  const { env } = context;
  const report = (problem: DumpProblem) => {
    problemCount++;
    progress?.clear();
    if (!options.isQuiet) writeProblem(env, problem);
  };
  let problemCount = 0;
  let unreadableCount = 0;
  let changedFiles = 0;
  let unchangedFiles = 0;
  let pending: PendingFile[] = [];
  let pendingArticles = 0;
  let articlesRead = 0;
  let bytesRead = 0;
  const progress = env.isStderrTerminal && !options.isQuiet ? new ProgressLine(env) : undefined;

  const flush = () => {
    const batch = pending;
    pending = [];
    pendingArticles = 0;
    const duplicates = index.inTransaction(() => batch.flatMap((file) => index.replaceFile(file.key, file.state, file.records, file.terms)));
    for (const { id, kept, dropped } of duplicates) {
      report({
        file: dropped.file,
        line: dropped.line,
        code: "duplicate-id",
        message: `article ${id} is also at ${kept.file}:${kept.line}; the index shows that one (published later; at equal times, the earlier file and line)`,
      });
    }
  };

  // Files whose size and time are as indexed are passed over before they are read; the rest
  // are parsed (by the worker pool when --jobs > 1) with their hashes and index columns.
  const looked = new Map<string, { info: Stats; held: FileState | undefined }>();
  async function* changedSources(): AsyncGenerator<DumpSource | InputError> {
    for await (const source of expandInputs(paths, { include: options.include, isStdinTerminal: true })) {
      if (source instanceof InputError) {
        yield source;
        continue;
      }
      let info: Stats;
      try {
        info = await stat(source.path!);
      } catch (error) {
        yield new InputError(source.name, describeSystemError(error));
        continue;
      }
      bytesRead += info.size;
      // Files are known by their full path, however they were named on the command line.
      const held = index.fileState(path.resolve(source.path!));
      if (held !== undefined && held.size === info.size && held.mtimeMs === info.mtimeMs) {
        unchangedFiles++;
        continue;
      }
      looked.set(source.name, { info, held });
      yield source;
    }
  }

  try {
    let records: ArticleRecord[] = [];
    let terms: IndexTexts[] = [];
    const parsing = parseSources(changedSources(), { jobs: options.jobs, timeZone: options.timeZone, stdin: context.stdin, isForIndex: true });
    for await (const event of parsing) {
      if (event.kind === "unreadable") {
        unreadableCount++;
        progress?.clear();
        writeError(env, event.error.message, event.error.hint);
        // What was read of that file before it failed belongs to no file of the index.
        records = [];
        terms = [];
        continue;
      }
      if (event.kind === "items") {
        event.items.forEach((item, position) => {
          for (const problem of item.problems) report(problem);
          if (item.record === null) return;
          records.push(item.record);
          terms.push(event.terms![position]!);
        });
        continue;
      }
      const { info, held } = looked.get(event.source.name)!;
      looked.delete(event.source.name);
      const key = path.resolve(event.source.path!);
      const state: FileState = { size: info.size, mtimeMs: info.mtimeMs, hash: event.hash! };
      if (held !== undefined && held.hash === state.hash) {
        index.touchFile(key, state);
        unchangedFiles++;
      } else {
        changedFiles++;
        articlesRead += records.length;
        pending.push({ key, state, records, terms });
        pendingArticles += records.length;
        if (pendingArticles >= ARTICLES_PER_TRANSACTION) flush();
      }
      records = [];
      terms = [];
      progress?.update({ files: changedFiles + unchangedFiles, articles: articlesRead, bytes: bytesRead });
    }
    if (pending.length > 0) flush();
    progress?.clear();
    const removed = await removeVanishedFiles(index);
    if (!options.isQuiet) {
      env.stderr.write(
        `${PROGRAM}: ${index.path}: ${changedFiles} files indexed, ${unchangedFiles} unchanged, ${removed} gone; ${index.articleCount()} articles in the index\n`,
      );
    }
  } finally {
    index.close();
  }
  if (unreadableCount > 0 || (options.isStrict && problemCount > 0)) return EXIT_TROUBLE;
  return EXIT_SUCCESS;
}

/** Drops the files that no longer exist; returns how many. */
async function removeVanishedFiles(index: ArticleIndex): Promise<number> {
  const gone: string[] = [];
  for (const path of index.indexedPaths()) {
    const exists = await stat(path).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code !== "ENOENT",
    );
    if (!exists) gone.push(path);
  }
  if (gone.length > 0) {
    index.inTransaction(() => {
      for (const path of gone) index.removeFile(path);
    });
  }
  return gone.length;
}

// The writing side of `newsctl index`: which sources changed since they were indexed, and the
// parsed files gathered into batches, each batch one transaction, so that an interrupted run
// leaves a consistent index that the next run completes.

import type { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { IndexTexts } from "../core/fts-terms.js";
import type { ArticleRecord, DumpProblem } from "../core/record.js";
import { describeSystemError, InputError } from "../errors.js";
import type { ArticleIndex, DuplicateArticle, FileInPieces, FileState } from "../io/article-index.js";
import { systemPath } from "../io/file-names.js";
import { expandInputs, type InputInclude } from "../io/inputs.js";
import type { DumpSource } from "../io/read-dump.js";

// Articles gathered before a transaction writes them: large enough that commits cost little,
// small enough that an interrupted run loses little, memory stays flat, and the parse workers
// (whose files this thread hands out only between transactions) do not run dry meanwhile.
// Measured at 30,000 articles with two jobs: 500 took 8.4-8.7 s, 200 took 6.2 s.
const ARTICLES_PER_TRANSACTION = 200;
// A file found to hold more articles than this, before it is read to its end, is written as it
// is read, in a transaction of its own (FileInPieces): memory does not grow with one file's
// articles, however many it holds.
const ARTICLES_HELD_PER_FILE = 2000;

/** One parsed file, waiting for its batch's transaction. */
interface PendingFile {
  /** The file's full path: how the index knows it. */
  key: string;
  state: FileState;
  records: ArticleRecord[];
  terms: IndexTexts[];
}

/** What a file looked like when it was found, and what the index held of it then. */
interface LookedAt {
  info: Stats;
  held: FileState | undefined;
}

/** The file being read: its records so far, or, once it holds many, the file being written in pieces. */
interface FileInHand {
  source: DumpSource;
  records: ArticleRecord[];
  terms: IndexTexts[];
  articles: number;
  inPieces?: { writing: FileInPieces; duplicates: DuplicateArticle[] };
}

export class IndexBatcher {
  changedFiles = 0;
  unchangedFiles = 0;
  articlesRead = 0;
  bytesSeen = 0;
  private pending: PendingFile[] = [];
  private pendingArticles = 0;
  private readonly looked = new Map<string, LookedAt>();
  private inHand: FileInHand | undefined;

  constructor(
    private readonly index: ArticleIndex,
    /** Where an article number met twice is reported. */
    private readonly report: (problem: DumpProblem) => void,
  ) {}

  /**
   * The sources to parse: files whose size and time are as indexed are passed over before they
   * are read; the others are yielded, with what was seen of them kept for `addFile`.
   */
  async *changedSources(paths: readonly string[], include: InputInclude): AsyncGenerator<DumpSource | InputError> {
    for await (const source of expandInputs(paths, { include, isStdinTerminal: true })) {
      if (source instanceof InputError) {
        yield source;
        continue;
      }
      let info: Stats;
      try {
        info = await stat(systemPath(source.path!));
      } catch (error) {
        yield new InputError(source.name, describeSystemError(error));
        continue;
      }
      this.bytesSeen += info.size;
      // Files are known by their full path, however they were named on the command line.
      const held = this.index.fileState(path.resolve(source.path!));
      if (held !== undefined && held.size === info.size && held.mtimeMs === info.mtimeMs) {
        this.unchangedFiles++;
        continue;
      }
      this.looked.set(source.name, { info, held });
      yield source;
    }
  }

  /** Records of the file being read, in order: held until it ends, or written as they come once there are many. */
  addRecords(source: DumpSource, records: readonly ArticleRecord[], terms: readonly IndexTexts[]): void {
    if (this.inHand?.source !== source) this.inHand = { source, records: [], terms: [], articles: 0 };
    const file = this.inHand;
    file.articles += records.length;
    if (file.inPieces !== undefined) {
      for (const duplicate of file.inPieces.writing.add(records, terms)) file.inPieces.duplicates.push(duplicate);
      return;
    }
    for (const record of records) file.records.push(record);
    for (const texts of terms) file.terms.push(texts);
    if (file.records.length <= ARTICLES_HELD_PER_FILE) return;
    // The other files first, in their own transaction: this file's stays open until it ends.
    this.flush();
    const { info } = this.looked.get(source.name)!;
    const writing = this.index.startFileInPieces(path.resolve(source.path!), { size: info.size, mtimeMs: info.mtimeMs, hash: "" });
    file.inPieces = { writing, duplicates: writing.add(file.records, file.terms) };
    file.records = [];
    file.terms = [];
  }

  /** The file being read could not be read to its end: what was read of it belongs to no file of the index. */
  dropFile(): void {
    this.inHand?.inPieces?.writing.abandon();
    this.inHand = undefined;
  }

  /** A file read whole: its articles replace the ones indexed, unless its bytes are as they were. */
  endFile(source: DumpSource, hash: string): void {
    const file = this.inHand?.source === source ? this.inHand : { source, records: [], terms: [], articles: 0 };
    this.inHand = undefined;
    const { info, held } = this.looked.get(source.name)!;
    this.looked.delete(source.name);
    const key = path.resolve(source.path!);
    const state: FileState = { size: info.size, mtimeMs: info.mtimeMs, hash };
    if (held !== undefined && held.hash === state.hash) {
      file.inPieces?.writing.abandon();
      this.index.touchFile(key, state);
      this.unchangedFiles++;
      return;
    }
    this.changedFiles++;
    this.articlesRead += file.articles;
    if (file.inPieces !== undefined) {
      file.inPieces.writing.finish(hash);
      this.reportDuplicates(file.inPieces.duplicates);
      return;
    }
    this.pending.push({ key, state, records: file.records, terms: file.terms });
    this.pendingArticles += file.records.length;
    if (this.pendingArticles >= ARTICLES_PER_TRANSACTION) this.flush();
  }

  /** Writes the files gathered so far in one transaction; reports numbers met twice. */
  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingArticles = 0;
    const index = this.index;
    this.reportDuplicates(index.inTransaction(() => batch.flatMap((file) => index.replaceFile(file.key, file.state, file.records, file.terms))));
  }

  private reportDuplicates(duplicates: readonly DuplicateArticle[]): void {
    for (const { id, kept, dropped } of duplicates) {
      this.report({
        file: dropped.file,
        line: dropped.line,
        code: "duplicate-id",
        message: `article ${id} is also at ${kept.file}:${kept.line}; the index shows that one (published later; at equal times, the earlier file and line)`,
      });
    }
  }
}

/** Drops the files that no longer exist; returns how many. */
export async function removeVanishedFiles(index: ArticleIndex): Promise<number> {
  const gone: string[] = [];
  for (const path of index.indexedPaths()) {
    const exists = await stat(systemPath(path)).then(
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

// Writing the index: a file's records put in (with their tokens and stems) or taken out, its new
// size and time noted, in transactions. Of articles that share a number, one is shown: the newest.

import { foldAgency } from "../core/filters.js";
import { indexTexts, type IndexTexts } from "../core/fts-terms.js";
import { comparePublished, publishedDay } from "../core/dates.js";
import { comparePlaces } from "../core/record-place.js";
import { SEARCH_FIELDS } from "../core/query.js";
import type { ArticleRecord } from "../core/record.js";
import { DayTotalsChange } from "./day-totals.js";
import { describeIndexError, type IndexConnection, LENGTH_COLUMNS } from "./index-database.js";
import type { FileState } from "./index-reads.js";
import { dropStagedLengths, PAGE_ARTICLES, saveLengthPages, stageLengths } from "./length-pages.js";
import { addArticleWords, countArticleWords, dropWordChange, saveWordChange } from "./word-table.js";

/** An article number met twice: the newer article stays. */
export interface DuplicateArticle {
  id: string;
  kept: ArticleRecord;
  dropped: ArticleRecord;
}

/** Runs `work` in one transaction: all of it lands, or none. */
export function inTransaction<T>(connection: IndexConnection, work: () => T): T {
  try {
    return connection.db
      .transaction(() => {
        const result = work();
        saveStaged(connection);
        return result;
      })
      .immediate();
  } catch (error) {
    dropStaged(connection);
    throw describeIndexError(connection.path, error);
  }
}

/** Writes what a transaction staged (field lengths, word counts); call it before it commits. */
function saveStaged(connection: IndexConnection): void {
  saveLengthPages(connection);
  saveWordChange(connection);
}

/** Forgets what a rolled-back transaction staged. */
function dropStaged(connection: IndexConnection): void {
  dropStagedLengths(connection);
  dropWordChange(connection);
}

/** Notes a file's new size and time when its bytes did not change. */
export function touchFile(connection: IndexConnection, path: string, state: FileState): void {
  inTransaction(connection, () => connection.sql("UPDATE files SET size = ?, mtime_ms = ? WHERE path = ?").run(state.size, state.mtimeMs, path));
}

/**
 * Replaces what the index holds of a file with these records. An article number already held
 * for another article keeps the newer of the two (published later; the one being added when
 * equal), and the pair is returned.
 */
export function replaceFile(connection: IndexConnection, path: string, state: FileState, records: readonly ArticleRecord[], terms?: readonly IndexTexts[]): DuplicateArticle[] {
  // A batch's transaction writes the length pages once, at its end (inTransaction).
  if (!connection.db.inTransaction) return inTransaction(connection, () => replaceFile(connection, path, state, records, terms));
  return addArticles(connection, startFile(connection, path, state), records, terms);
}

/** Drops what the index holds of a file and notes it anew, without articles yet; gives its id. Call it in a transaction. */
function startFile(connection: IndexConnection, path: string, state: FileState): number {
  removeFile(connection, path);
  return Number(connection.sql("INSERT INTO files (path, size, mtime_ms, hash) VALUES (?, ?, ?, ?)").run(path, state.size, state.mtimeMs, state.hash).lastInsertRowid);
}

/** Notes the hash of a file's bytes, once all of them are read. */
function setFileHash(connection: IndexConnection, fileId: number, hash: string): void {
  connection.sql("UPDATE files SET hash = ? WHERE file_id = ?").run(hash, fileId);
}

/**
 * Adds records of the file `fileId` (startFile), as replaceFile does. Call it in a transaction.
 */
function addArticles(connection: IndexConnection, fileId: number, records: readonly ArticleRecord[], terms?: readonly IndexTexts[]): DuplicateArticle[] {
  const insert = connection.sql(
    `INSERT INTO articles (file_id, path, line, id, published, agency_key, is_shadowed, ${LENGTH_COLUMNS.join(", ")}, record)
       VALUES (?, ?, ?, ?, ?, ?, ?, ${SEARCH_FIELDS.map(() => "?").join(", ")}, ?)`,
  );
  const columns = `rowid, ${SEARCH_FIELDS.join(", ")}`;
  const values = `?, ${SEARCH_FIELDS.map(() => "?").join(", ")}`;
  const insertTokens = connection.sql(`INSERT INTO article_tokens (${columns}) VALUES (${values})`);
  const insertStems = connection.sql(`INSERT INTO article_stems (${columns}) VALUES (${values})`);
  const findShown = connection.sql("SELECT article_id, record FROM articles WHERE id = ? AND is_shadowed = 0");
  const shadow = connection.sql("UPDATE articles SET is_shadowed = 1 WHERE article_id = ?");
  const duplicates: DuplicateArticle[] = [];
  const change = new ShownChange();
  for (const [position, record] of records.entries()) {
    let isShadowed = false;
    if (record.id !== null) {
      const shown = findShown.get(record.id) as { article_id: number; record: string } | undefined;
      if (shown !== undefined) {
        const other = JSON.parse(shown.record) as ArticleRecord;
        isShadowed = isPreferred(other, record);
        if (isShadowed) duplicates.push({ id: record.id, kept: other, dropped: record });
        else {
          duplicates.push({ id: record.id, kept: record, dropped: other });
          shadow.run(shown.article_id);
          change.add(other, -1);
          countArticleWords(connection, shown.article_id, -1);
        }
      }
    }
    const lengths = fieldLengths(record);
    if (!isShadowed) change.add(record, 1);
    const agencyKey = record.agency === null ? null : foldAgency(record.agency);
    const texts = terms?.[position] ?? indexTexts(record);
    const articleId = insert.run(fileId, record.file, record.line, record.id, record.published, agencyKey, isShadowed ? 1 : 0, ...lengths, texts.record).lastInsertRowid;
    stageLengths(connection, Number(articleId), lengths, record.published === null ? null : publishedDay(record.published));
    addArticleWords(connection, Number(articleId), texts.words, !isShadowed);
    const { tokens, stems } = texts;
    insertTokens.run(articleId, ...tokens);
    insertStems.run(articleId, ...stems);
  }
  change.save(connection);
  return duplicates;
}

/**
 * A file written in pieces, as it is read, in one transaction of its own that stays open from
 * `start` to `finish` (or `abandon`): a file of any number of articles is written with the
 * memory of one piece, and lands whole or not at all.
 */
export class FileInPieces {
  private articlesStaged = 0;

  private constructor(
    private readonly connection: IndexConnection,
    private readonly fileId: number,
  ) {}

  /** Begins the transaction and drops what the index holds of the file; `state.hash` is set by finish. */
  static start(connection: IndexConnection, path: string, state: FileState): FileInPieces {
    connection.db.exec("BEGIN IMMEDIATE");
    try {
      return new FileInPieces(connection, startFile(connection, path, state));
    } catch (error) {
      connection.db.exec("ROLLBACK");
      throw error;
    }
  }

  /** Adds a piece of the file's records, as replaceFile does. */
  add(records: readonly ArticleRecord[], terms?: readonly IndexTexts[]): DuplicateArticle[] {
    const duplicates = addArticles(this.connection, this.fileId, records, terms);
    // The staged length pages are written about once per page of articles, not per piece.
    this.articlesStaged += records.length;
    if (this.articlesStaged >= PAGE_ARTICLES) {
      saveStaged(this.connection);
      this.articlesStaged = 0;
    }
    return duplicates;
  }

  /** Notes the hash of the file's bytes and commits. */
  finish(hash: string): void {
    try {
      setFileHash(this.connection, this.fileId, hash);
      saveStaged(this.connection);
      this.connection.db.exec("COMMIT");
    } catch (error) {
      this.abandon();
      throw error;
    }
  }

  /** Rolls the file back: the index holds what it held before start. */
  abandon(): void {
    dropStaged(this.connection);
    if (this.connection.db.inTransaction) this.connection.db.exec("ROLLBACK");
  }
}

/** Drops a file and its articles. */
export function removeFile(connection: IndexConnection, path: string): void {
  const file = connection.sql("SELECT file_id FROM files WHERE path = ?").get(path) as { file_id: number } | undefined;
  if (file === undefined) return;
  const numbers = (connection.sql("SELECT DISTINCT id FROM articles WHERE file_id = ? AND id IS NOT NULL").all(file.file_id) as { id: string }[]).map((row) => row.id);
  const change = new ShownChange();
  const shown = connection.sql(`SELECT count(*), ${LENGTH_COLUMNS.map((column) => `coalesce(sum(${column}), 0)`).join(", ")} FROM articles WHERE file_id = ? AND is_shadowed = 0`).raw().get(file.file_id) as number[];
  change.subtract(shown);
  change.days.subtractFile(connection, file.file_id);
  const shownIds = connection.sql("SELECT article_id FROM articles WHERE file_id = ? AND is_shadowed = 0").pluck().all(file.file_id) as number[];
  for (const articleId of shownIds) countArticleWords(connection, articleId, -1);
  connection.sql("DELETE FROM article_words WHERE article_id IN (SELECT article_id FROM articles WHERE file_id = ?)").run(file.file_id);
  connection.sql("DELETE FROM article_tokens WHERE rowid IN (SELECT article_id FROM articles WHERE file_id = ?)").run(file.file_id);
  connection.sql("DELETE FROM article_stems WHERE rowid IN (SELECT article_id FROM articles WHERE file_id = ?)").run(file.file_id);
  connection.sql("DELETE FROM articles WHERE file_id = ?").run(file.file_id);
  connection.sql("DELETE FROM files WHERE file_id = ?").run(file.file_id);
  // An article that a removed one shadowed is shown again, as the files now have it alone.
  for (const id of numbers) showNewestOf(connection, id, change);
  change.save(connection);
}

/** Makes the newest article with this number the one shown, when none is. */
function showNewestOf(connection: IndexConnection, id: string, change: ShownChange): void {
  const rows = connection.sql("SELECT article_id, record, is_shadowed FROM articles WHERE id = ?").all(id) as { article_id: number; record: string; is_shadowed: number }[];
  if (rows.length === 0 || rows.some((row) => row.is_shadowed === 0)) return;
  let newest = rows[0]!;
  for (const row of rows.slice(1)) {
    if (isPreferred(JSON.parse(row.record) as ArticleRecord, JSON.parse(newest.record) as ArticleRecord)) newest = row;
  }
  connection.sql("UPDATE articles SET is_shadowed = 0 WHERE article_id = ?").run(newest.article_id);
  change.add(JSON.parse(newest.record) as ArticleRecord, 1);
  countArticleWords(connection, newest.article_id, 1);
}

/** A record's field lengths in characters, in the order of SEARCH_FIELDS (what ranking weighs by). */
function fieldLengths(record: ArticleRecord): number[] {
  return SEARCH_FIELDS.map((field) => record[field]?.length ?? 0);
}

/**
 * How a write changes the shown articles' count and total field lengths (shown_totals) and their
 * counts per day and agency (day_totals), added up as it goes and saved once, in the write's
 * transaction.
 */
class ShownChange {
  private readonly totals = new Array<number>(1 + SEARCH_FIELDS.length).fill(0);
  readonly days = new DayTotalsChange();

  /** An article shown (sign 1) or no longer shown (sign -1). */
  add(record: ArticleRecord, sign: 1 | -1): void {
    this.days.add(record, sign);
    this.totals[0]! += sign;
    fieldLengths(record).forEach((length, field) => {
      this.totals[1 + field]! += sign * length;
    });
  }

  /** Shown articles removed: their count, then their total field lengths. */
  subtract(totals: readonly number[]): void {
    totals.forEach((total, column) => {
      this.totals[column]! -= total;
    });
  }

  save(connection: IndexConnection): void {
    this.days.save(connection);
    if (this.totals.every((total) => total === 0)) return;
    // The row by its key: an UPDATE of the whole table (of one row) cost 1.7–2.5 s of a 6 s build
    // of 6,000 articles, against 50 ms by key. SQLite opens a statement journal for a statement
    // that may change several rows, and the full-text tables write out their pending terms then.
    connection.sql(`UPDATE shown_totals SET articles = articles + ?, ${LENGTH_COLUMNS.map((column) => `${column} = ${column} + ?`).join(", ")} WHERE only_row = 1`).run(...this.totals);
  }
}

/**
 * Whether article `a` is the one shown rather than `b`, of two with one number: the later
 * published, and between equal times the earlier place (file, then line), so that what the
 * index shows never depends on the order files were indexed in.
 */
function isPreferred(a: ArticleRecord, b: ArticleRecord): boolean {
  const byTime = comparePublished(a.published, b.published);
  if (byTime !== 0) return byTime > 0;
  return comparePlaces(a.file, a.line, b.file, b.line) < 0;
}

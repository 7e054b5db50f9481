// The index's SQLite database: its schema and format version, opening one (creating it in a new
// file, refusing another program's database or another newsctl format; only reading it where
// only a read is asked, even from a folder that cannot be written), the connection that the
// other index modules share, and the words for SQLite's errors and for a damaged index.

import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { SEARCH_FIELDS } from "../core/query.js";
import { NewsctlError, UsageError } from "../errors.js";
import { openSqlite, type SqliteDatabase, type SqliteStatement } from "./sqlite-binding.js";

/**
 * The layout of the database and of what it stores (folding, stemming, tokens). Any change to
 * those makes old indexes mean something else: raise it, and old indexes are refused.
 */
export const INDEX_FORMAT = 10;

const APPLICATION_ID = 0x4e57_4354; // "NWCT": marks the file as a newsctl index
const BUSY_TIMEOUT_MS = 10_000;

/** The articles table's columns of the search fields' lengths, in the order of SEARCH_FIELDS. */
export const LENGTH_COLUMNS = SEARCH_FIELDS.map((field) => `length_${field}`);

/**
 * The word table (word-table.ts writes it, index-words.ts reads it). A stem's `kept_` counts leave out the forms of the project's stop words
 * (`is_stop`), which `words` leaves out unless told otherwise: a change to that list changes
 * what these mean, and is a new index format.
 */
const WORD_TABLE_SCHEMA = `
CREATE TABLE word_stems (
  stem_id INTEGER PRIMARY KEY,
  stem TEXT NOT NULL UNIQUE,
  occurrences INTEGER NOT NULL DEFAULT 0,
  articles INTEGER NOT NULL DEFAULT 0,
  kept_occurrences INTEGER NOT NULL DEFAULT 0,
  kept_articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE word_forms (
  form_id INTEGER PRIMARY KEY,
  form TEXT NOT NULL UNIQUE,
  stem_id INTEGER NOT NULL,
  is_stop INTEGER NOT NULL,
  occurrences INTEGER NOT NULL DEFAULT 0,
  articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE word_spellings (
  spelling_id INTEGER PRIMARY KEY,
  spelling TEXT NOT NULL UNIQUE,
  form_id INTEGER NOT NULL,
  occurrences INTEGER NOT NULL DEFAULT 0
);
-- Each article's words (shown or not): every token's spelling id as a varint, 0 after each field (article-words.ts).
CREATE TABLE article_words (article_id INTEGER PRIMARY KEY, words BLOB NOT NULL);
-- Changes to the counts not yet added to them, one per transaction (saveWordChange).
CREATE TABLE word_changes (change_id INTEGER PRIMARY KEY, change TEXT NOT NULL);
CREATE TABLE word_totals (only_row INTEGER PRIMARY KEY CHECK (only_row = 1), tokens INTEGER NOT NULL);
INSERT INTO word_totals VALUES (1, 0);
`;

const SCHEMA = `
CREATE TABLE files (
  file_id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE articles (
  article_id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES files(file_id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  line INTEGER NOT NULL,
  id TEXT,
  published TEXT,
  agency_key TEXT,
  -- 1 for an article whose number another, newer article also has: kept, but not shown.
  is_shadowed INTEGER NOT NULL DEFAULT 0,
  ${LENGTH_COLUMNS.map((column) => `${column} INTEGER NOT NULL`).join(",\n  ")},
  record TEXT NOT NULL
);
CREATE INDEX articles_by_file ON articles(file_id);
CREATE INDEX articles_by_place ON articles(path, line);
CREATE INDEX articles_by_id ON articles(id);
-- Small indexes that let counts, ranking, the newest matches and the facets of a search skip
-- the table, whose rows hold records: articles_ranking is looked up by id, or read whole.
CREATE INDEX articles_shadowed ON articles(article_id) WHERE is_shadowed = 1;
CREATE INDEX articles_ranking ON articles(article_id, is_shadowed, ${LENGTH_COLUMNS.join(", ")}, published, agency_key);
-- The shown articles' count and total field lengths, which ranking weighs by, kept up to date
-- in the same transactions as the articles (index-writes.ts): read at once, never summed at
-- search time.
CREATE TABLE shown_totals (
  only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
  articles INTEGER NOT NULL,
  ${LENGTH_COLUMNS.map((column) => `${column} INTEGER NOT NULL`).join(",\n  ")}
);
INSERT INTO shown_totals VALUES (1, 0, ${LENGTH_COLUMNS.map(() => "0").join(", ")});
-- The shown articles per day as written (NULL: undated) and agency key, kept like shown_totals
-- (day-totals.ts): a trend's totals are read here. group_key is JSON of [day, agency_key].
CREATE TABLE day_totals (
  group_key TEXT PRIMARY KEY,
  day TEXT,
  agency_key TEXT,
  agency TEXT,
  articles INTEGER NOT NULL
);
-- The search fields' lengths, a row per field and 8,000 article ids, read by ranking
-- (length-pages.ts).
CREATE TABLE length_pages (page_key INTEGER PRIMARY KEY, lengths BLOB NOT NULL);
CREATE VIRTUAL TABLE article_tokens USING fts5(${SEARCH_FIELDS.join(", ")}, content='', contentless_delete=1, tokenize='ascii');
CREATE VIRTUAL TABLE article_stems USING fts5(${SEARCH_FIELDS.join(", ")}, content='', contentless_delete=1, detail='column', tokenize='ascii');
-- Each batch adds a segment to each full-text table; merging them 16 at a time rather than 4
-- (FTS5's default) spends a quarter less time writing an index, and queries stay quick.
INSERT INTO article_tokens (article_tokens, rank) VALUES ('automerge', 16);
INSERT INTO article_stems (article_stems, rank) VALUES ('automerge', 16);
${WORD_TABLE_SCHEMA}`;

/** An open index: its path, its database, and the statements prepared on it. */
export class IndexConnection {
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(
    readonly path: string,
    readonly db: SqliteDatabase,
    /**
     * Read as an immutable file: its folder cannot be written, so SQLite cannot make the files
     * its write-ahead log needs to share the index with a writer; what it holds is read as it is.
     */
    readonly isImmutable = false,
  ) {}

  /** A prepared statement, prepared once per connection. */
  sql(text: string): SqliteStatement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}

/** How an index is opened: made when new, written, or only read. */
type IndexAccess = "create" | "write" | "read";

/**
 * Opens an index; creates it when `access` is "create" and the file is new. A connection that
 * only reads can never change the file, whatever is asked of it; where SQLite cannot make the
 * files it shares a database through (a folder that cannot be written: read-only media, another
 * user's folder), it reads the file as immutable (`isImmutable`).
 */
export function openIndex(path: string, access: IndexAccess): IndexConnection {
  if (path === "" || path === ":memory:") {
    throw new UsageError(`--db: ${path === "" ? "an empty name" : '":memory:"'} names no file, and an index that is in no file is lost when newsctl ends`, "name the index's file, e.g. --db news.db");
  }
  try {
    return openAs(path, access, false);
  } catch (error) {
    if (!isUnwritableFolder(error)) throw error;
    // Only a read can do without the files SQLite makes beside the index.
    if (access !== "read") throw new NewsctlError(`${path}: the index's folder cannot be written here, so the index cannot be updated`, undefined, "run newsctl index as a user who can write that folder, or on a copy of the index");
    return openAs(path, access, true);
  }
}

function openAs(path: string, access: IndexAccess, isImmutable: boolean): IndexConnection {
  const isCreating = access === "create";
  const isReadOnly = access === "read";
  let db: SqliteDatabase;
  try {
    // The full path: SQLite reads a name that starts with "file:" as a URI.
    db = openSqlite(isImmutable ? `${pathToFileURL(resolve(path)).href}?immutable=1` : resolve(path), { fileMustExist: !isCreating, readonly: isReadOnly });
  } catch (error) {
    const reason = !isCreating && !existsSync(path) ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new NewsctlError(`${path}: cannot open the index: ${reason}`, undefined, isCreating ? undefined : "build it with: newsctl index PATH... --db " + path);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    prepare(path, db, isCreating, isReadOnly);
    return new IndexConnection(path, db, isImmutable);
  } catch (error) {
    db.close();
    if (!isImmutable && isUnwritableFolder(error)) throw error;
    throw describeIndexError(path, error);
  }
}

/** SQLite could not make the files a shared read needs beside the index. */
function isUnwritableFolder(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "SQLITE_READONLY_DIRECTORY" || code === "SQLITE_READONLY_CANTINIT" || code === "SQLITE_CANTOPEN";
}

/**
 * What to say once when an index is read as immutable: that it is, and what that misses (a
 * writer's changes meanwhile; changes left in a write-ahead log that no writer finished).
 */
export function immutableReadingNote(path: string): string {
  const walPath = `${path}-wal`;
  const hasLog = existsSync(walPath) && statSync(walPath, { throwIfNoEntry: false })?.size !== 0;
  return `${path}: its folder cannot be written, so the index is read as it stands, as an immutable file: changes made to it meanwhile are not seen${hasLog ? `, nor those still in ${walPath}` : ""}`;
}

/** Creates the schema in a new file, checks that the file is an index of this format, and sets it up for writing. */
function prepare(path: string, db: SqliteDatabase, isCreating: boolean, isReadOnly: boolean): void {
  if (isCreating && isBlank(db)) {
    db.pragma("journal_mode = WAL");
    // Looked at and created under one write lock, so two indexers starting on a new file at
    // once do not both create it.
    db.transaction(() => {
      if (isBlank(db)) {
        db.exec(SCHEMA);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${INDEX_FORMAT}`);
      }
    }).immediate();
  } else if (isBlank(db)) {
    throw new NewsctlError(`${path}: the index is empty`, undefined, `build it with: newsctl index PATH... --db ${path}`);
  }
  const applicationId = db.pragma("application_id", { simple: true }) as number;
  if (applicationId !== APPLICATION_ID) {
    throw new NewsctlError(`${path}: not a newsctl index (another program's SQLite database)`, undefined, "name a file that newsctl index made, or a new file");
  }
  const format = db.pragma("user_version", { simple: true }) as number;
  if (format > INDEX_FORMAT) {
    throw new NewsctlError(`${path}: made by a newer newsctl (index format ${format}; this one reads ${INDEX_FORMAT})`, undefined, "update newsctl, or build a new index");
  }
  if (format < INDEX_FORMAT) {
    throw new NewsctlError(`${path}: made by an older newsctl (index format ${format}; this one reads ${INDEX_FORMAT})`, undefined, `delete it and build it again: newsctl index PATH... --db ${path}`);
  }
  if (isReadOnly) return;
  db.pragma("journal_mode = WAL");
  // In WAL mode NORMAL never corrupts the database; a power cut may only lose the last batches,
  // which the next run indexes again.
  db.pragma("synchronous = NORMAL");
}

/** A new file: no schema and no mark of any program. */
function isBlank(db: SqliteDatabase): boolean {
  const applicationId = db.pragma("application_id", { simple: true }) as number;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number };
  return applicationId === 0 && tables.n === 0;
}

function isSqliteError(error: unknown): boolean {
  return typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("SQLITE_");
}

/** What went wrong with the database, in words for the user. */
function describeDatabaseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "SQLITE_BUSY" || code?.startsWith("SQLITE_BUSY_")) return "the index is busy (another newsctl is writing it); try again when it is done";
  if (isDamage(error)) return DAMAGED;
  if (code === "SQLITE_READONLY" || code?.startsWith("SQLITE_READONLY_")) return "the index cannot be written here (a read-only file or folder)";
  return error instanceof Error ? error.message : String(error);
}

const DAMAGED = "the index is damaged; delete it and build it again";

/**
 * SQLite found its pages damaged, the file is no longer a database, or a value the index stored
 * cannot be decoded (a record's JSON): in any case, only building the index again helps.
 */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    // SQLite's JSON functions, given a record that does not decode.
    if (code === "SQLITE_ERROR" && (error as Error).message === "malformed JSON") return true;
    return code === "SQLITE_CORRUPT" || code.startsWith("SQLITE_CORRUPT_") || code === "SQLITE_NOTADB";
  }
  return error instanceof SyntaxError;
}

/**
 * An error met in reading or writing the index, as the user is to see it: a damaged index, or
 * SQLite's trouble, in words with the index's path; a NewsctlError as it is; anything else is
 * a bug, left as it is.
 */
export function describeIndexError(path: string, error: unknown): unknown {
  if (error instanceof NewsctlError) return error;
  if (isDamage(error)) return new NewsctlError(`${path}: ${DAMAGED}`, undefined, `newsctl index PATH... --db ${path}`);
  if (isSqliteError(error)) return new NewsctlError(`${path}: ${describeDatabaseError(error)}`);
  return error;
}

// The index's SQLite database: its schema and format version, opening one (creating it in a new
// file, refusing another program's database or another newsctl format), the connection that the
// other index modules share, and the words for SQLite's errors.

import { SEARCH_FIELDS } from "../core/query.js";
import { NewsctlError } from "../errors.js";
import { openSqlite, type SqliteDatabase, type SqliteStatement } from "./sqlite-binding.js";

/**
 * The layout of the database and of what it stores (folding, stemming, tokens). Any change to
 * those makes old indexes mean something else: raise it, and old indexes are refused.
 */
export const INDEX_FORMAT = 8;

const APPLICATION_ID = 0x4e57_4354; // "NWCT": marks the file as a newsctl index
const BUSY_TIMEOUT_MS = 10_000;

/** The articles table's columns of the search fields' lengths, in the order of SEARCH_FIELDS. */
export const LENGTH_COLUMNS = SEARCH_FIELDS.map((field) => `length_${field}`);

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
-- The search fields' lengths, a row per field and 8,000 article ids, read by ranking
-- (length-pages.ts).
CREATE TABLE length_pages (page_key INTEGER PRIMARY KEY, lengths BLOB NOT NULL);
CREATE VIRTUAL TABLE article_tokens USING fts5(${SEARCH_FIELDS.join(", ")}, content='', contentless_delete=1, tokenize='ascii');
CREATE VIRTUAL TABLE article_stems USING fts5(${SEARCH_FIELDS.join(", ")}, content='', contentless_delete=1, detail='column', tokenize='ascii');
-- Each batch adds a segment to each full-text table; merging them 16 at a time rather than 4
-- (FTS5's default) spends a quarter less time writing an index, and queries stay quick.
INSERT INTO article_tokens (article_tokens, rank) VALUES ('automerge', 16);
INSERT INTO article_stems (article_stems, rank) VALUES ('automerge', 16);
`;

/** An open index: its path, its database, and the statements prepared on it. */
export class IndexConnection {
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(
    readonly path: string,
    readonly db: SqliteDatabase,
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

/**
 * Opens an index; creates it when `isCreating` and the file is new. A read-only connection
 * (`newsctl serve`) can never change the file, whatever is asked of it.
 */
export function openIndex(path: string, isCreating: boolean, isReadOnly = false): IndexConnection {
  let db: SqliteDatabase;
  try {
    db = openSqlite(path, { fileMustExist: !isCreating, readonly: isReadOnly });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NewsctlError(`${path}: cannot open the index: ${reason}`, undefined, isCreating ? undefined : "build it with: newsctl index PATH... --db " + path);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    prepare(path, db, isCreating, isReadOnly);
    return new IndexConnection(path, db);
  } catch (error) {
    db.close();
    if (error instanceof NewsctlError) throw error;
    throw new NewsctlError(`${path}: ${describeDatabaseError(error)}`);
  }
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

export function isSqliteError(error: unknown): boolean {
  return typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("SQLITE_");
}

/** What went wrong with the database, in words for the user. */
export function describeDatabaseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "SQLITE_BUSY" || code?.startsWith("SQLITE_BUSY_")) return "the index is busy (another newsctl is writing it); try again when it is done";
  if (code === "SQLITE_NOTADB") return "not a newsctl index (not an SQLite database)";
  if (code === "SQLITE_CORRUPT") return "the index is damaged; delete it and build it again";
  return error instanceof Error ? error.message : String(error);
}

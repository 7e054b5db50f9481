// The embedded index: records kept in SQLite (through better-sqlite3), with an FTS5 table of the
// core's folded tokens and stems for finding candidates. Written in WAL mode, a batch of files
// per transaction, so a process killed at any moment leaves a consistent database that a rerun
// completes; a database made by another newsctl format is recognised and explained.

import { createRequire } from "node:module";
import type BetterSqlite3 from "better-sqlite3";
import { toAsciiDigits } from "../core/digits.js";
import type { RecordFilter, TimeBound } from "../core/filters.js";
import { foldAgency, hasFilter, isWithinBounds } from "../core/filters.js";
import { indexTexts, ftsQuery, ftsTerm, type IndexTexts } from "../core/fts-terms.js";
import type { ParsedQuery, QueryClause } from "../core/query.js";
import { SEARCH_FIELDS, type SearchField } from "../core/query.js";
import { selectNewest } from "../core/first-matches.js";
import { canRankFromOccurrences, FIELD_CODES, type OccurrenceLists, selectBestMatches, slotsOf } from "../core/occurrence-ranking.js";
import { emptyStats, type CollectionStats } from "../core/rank.js";
import type { ArticleRecord } from "../core/record.js";
import { comparePlaces } from "../core/record-place.js";
import { comparePublished } from "../core/dates.js";
import { positiveTerms, type MatchOptions } from "../core/search-match.js";
import { NewsctlError } from "../errors.js";

/**
 * The layout of the database and of what it stores (folding, stemming, tokens). Any change to
 * those makes old indexes mean something else: raise it, and old indexes are refused.
 */
export const INDEX_FORMAT = 6;
// Required rather than imported: a CommonJS package costs the ESM loader a few ms to translate,
// and a search of the index should start about as fast as Node itself.
const Database = createRequire(import.meta.url)("better-sqlite3") as typeof BetterSqlite3;

const APPLICATION_ID = 0x4e57_4354; // "NWCT": marks the file as a newsctl index
const BUSY_TIMEOUT_MS = 10_000;
// Fewer matches than this, or than a quarter of the articles, have their lengths and times
// looked up one by one; more are found in one pass over all (lookupsBeforeScanOf).
const MOST_LOOKUPS = 5_000;
const LENGTH_COLUMNS = SEARCH_FIELDS.map((field) => `length_${field}`);

/** What is known of an indexed file, to tell whether it changed. */
export interface FileState {
  size: number;
  mtimeMs: number;
  hash: string;
}

/** The first few matches of a search, read, and how many match in all. */
export interface FirstMatches {
  records: ArticleRecord[];
  matchCount: number;
}

/** An article number met twice: the newer article stays. */
export interface DuplicateArticle {
  id: string;
  kept: ArticleRecord;
  dropped: ArticleRecord;
}

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
  ${SEARCH_FIELDS.map((field) => `length_${field} INTEGER NOT NULL`).join(",\n  ")},
  record TEXT NOT NULL
);
CREATE INDEX articles_by_file ON articles(file_id);
CREATE INDEX articles_by_place ON articles(path, line);
CREATE INDEX articles_by_id ON articles(id);
-- Small indexes that let counts, ranking statistics and the newest matches skip the table, whose
-- rows hold records.
CREATE INDEX articles_shadowed ON articles(article_id) WHERE is_shadowed = 1;
CREATE INDEX articles_lengths ON articles(is_shadowed, ${SEARCH_FIELDS.map((field) => `length_${field}`).join(", ")}, published);
CREATE VIRTUAL TABLE article_tokens USING fts5(${SEARCH_FIELDS.join(", ")}, content='', contentless_delete=1, tokenize='ascii');
CREATE VIRTUAL TABLE article_stems USING fts5(${SEARCH_FIELDS.join(", ")}, content='', contentless_delete=1, detail='column', tokenize='ascii');
-- Each batch adds a segment to each full-text table; merging them 16 at a time rather than 4
-- (FTS5's default) spends a quarter less time writing an index, and queries stay quick.
INSERT INTO article_tokens (article_tokens, rank) VALUES ('automerge', 16);
INSERT INTO article_stems (article_stems, rank) VALUES ('automerge', 16);
`;

export class ArticleIndex {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  private constructor(
    readonly path: string,
    private readonly db: BetterSqlite3.Database,
  ) {}

  /** A prepared statement, prepared once per connection. */
  private sql(text: string): BetterSqlite3.Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Opens an index; creates it when `isCreating` and the file is new. */
  static open(path: string, isCreating: boolean): ArticleIndex {
    let db: BetterSqlite3.Database;
    try {
      db = new Database(path, { fileMustExist: !isCreating });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new NewsctlError(`${path}: cannot open the index: ${reason}`, undefined, isCreating ? undefined : "build it with: newsctl index PATH... --db " + path);
    }
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      const index = new ArticleIndex(path, db);
      index.prepare(isCreating);
      return index;
    } catch (error) {
      db.close();
      if (error instanceof NewsctlError) throw error;
      throw new NewsctlError(`${path}: ${describeDatabaseError(error)}`);
    }
  }

  private prepare(isCreating: boolean): void {
    const { db } = this;
    if (isCreating && this.isBlank()) {
      db.pragma("journal_mode = WAL");
      // Looked at and created under one write lock, so two indexers starting on a new file at
      // once do not both create it.
      db.transaction(() => {
        if (this.isBlank()) {
          db.exec(SCHEMA);
          db.pragma(`application_id = ${APPLICATION_ID}`);
          db.pragma(`user_version = ${INDEX_FORMAT}`);
        }
      }).immediate();
    } else if (this.isBlank()) {
      throw new NewsctlError(`${this.path}: the index is empty`, undefined, `build it with: newsctl index PATH... --db ${this.path}`);
    }
    const applicationId = db.pragma("application_id", { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      throw new NewsctlError(`${this.path}: not a newsctl index (another program's SQLite database)`, undefined, "name a file that newsctl index made, or a new file");
    }
    const format = db.pragma("user_version", { simple: true }) as number;
    if (format > INDEX_FORMAT) {
      throw new NewsctlError(`${this.path}: made by a newer newsctl (index format ${format}; this one reads ${INDEX_FORMAT})`, undefined, "update newsctl, or build a new index");
    }
    if (format < INDEX_FORMAT) {
      throw new NewsctlError(`${this.path}: made by an older newsctl (index format ${format}; this one reads ${INDEX_FORMAT})`, undefined, `delete it and build it again: newsctl index PATH... --db ${this.path}`);
    }
    db.pragma("journal_mode = WAL");
    // In WAL mode NORMAL never corrupts the database; a power cut may only lose the last batches,
    // which the next run indexes again.
    db.pragma("synchronous = NORMAL");
  }

  /** A new file: no schema and no mark of any program. */
  private isBlank(): boolean {
    const applicationId = this.db.pragma("application_id", { simple: true }) as number;
    const tables = this.db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number };
    return applicationId === 0 && tables.n === 0;
  }

  close(): void {
    this.db.close();
  }

  /** Runs `work` in one transaction: all of it lands, or none. */
  inTransaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      if (error instanceof NewsctlError || !isSqliteError(error)) throw error;
      throw new NewsctlError(`${this.path}: ${describeDatabaseError(error)}`);
    }
  }

  fileState(path: string): FileState | undefined {
    const row = this.sql("SELECT size, mtime_ms, hash FROM files WHERE path = ?").get(path) as { size: number; mtime_ms: number; hash: string } | undefined;
    return row === undefined ? undefined : { size: row.size, mtimeMs: row.mtime_ms, hash: row.hash };
  }

  /** Notes a file's new size and time when its bytes did not change. */
  touchFile(path: string, state: FileState): void {
    this.inTransaction(() => this.sql("UPDATE files SET size = ?, mtime_ms = ? WHERE path = ?").run(state.size, state.mtimeMs, path));
  }

  /**
   * Replaces what the index holds of a file with these records. An article number already held
   * for another article keeps the newer of the two (published later; the one being added when
   * equal), and the pair is returned.
   */
  replaceFile(path: string, state: FileState, records: readonly ArticleRecord[], terms?: readonly IndexTexts[]): DuplicateArticle[] {
    this.removeFile(path);
    const fileId = this.sql("INSERT INTO files (path, size, mtime_ms, hash) VALUES (?, ?, ?, ?)").run(path, state.size, state.mtimeMs, state.hash).lastInsertRowid;
    const insert = this.sql(
      `INSERT INTO articles (file_id, path, line, id, published, agency_key, is_shadowed, ${SEARCH_FIELDS.map((f) => `length_${f}`).join(", ")}, record)
       VALUES (?, ?, ?, ?, ?, ?, ?, ${SEARCH_FIELDS.map(() => "?").join(", ")}, ?)`,
    );
    const columns = `rowid, ${SEARCH_FIELDS.join(", ")}`;
    const values = `?, ${SEARCH_FIELDS.map(() => "?").join(", ")}`;
    const insertTokens = this.sql(`INSERT INTO article_tokens (${columns}) VALUES (${values})`);
    const insertStems = this.sql(`INSERT INTO article_stems (${columns}) VALUES (${values})`);
    const findShown = this.sql("SELECT article_id, record FROM articles WHERE id = ? AND is_shadowed = 0");
    const shadow = this.sql("UPDATE articles SET is_shadowed = 1 WHERE article_id = ?");
    const duplicates: DuplicateArticle[] = [];
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
          }
        }
      }
      const lengths = SEARCH_FIELDS.map((field) => record[field]?.length ?? 0);
      const agencyKey = record.agency === null ? null : foldAgency(record.agency);
      const texts = terms?.[position] ?? indexTexts(record);
      const articleId = insert.run(fileId, record.file, record.line, record.id, record.published, agencyKey, isShadowed ? 1 : 0, ...lengths, texts.record).lastInsertRowid;
      const { tokens, stems } = texts;
      insertTokens.run(articleId, ...tokens);
      insertStems.run(articleId, ...stems);
    }
    return duplicates;
  }

  /** Drops a file and its articles. */
  removeFile(path: string): void {
    const file = this.sql("SELECT file_id FROM files WHERE path = ?").get(path) as { file_id: number } | undefined;
    if (file === undefined) return;
    const numbers = (this.sql("SELECT DISTINCT id FROM articles WHERE file_id = ? AND id IS NOT NULL").all(file.file_id) as { id: string }[]).map((row) => row.id);
    this.sql("DELETE FROM article_tokens WHERE rowid IN (SELECT article_id FROM articles WHERE file_id = ?)").run(file.file_id);
    this.sql("DELETE FROM article_stems WHERE rowid IN (SELECT article_id FROM articles WHERE file_id = ?)").run(file.file_id);
    this.sql("DELETE FROM articles WHERE file_id = ?").run(file.file_id);
    this.sql("DELETE FROM files WHERE file_id = ?").run(file.file_id);
    // An article that a removed one shadowed is shown again, as the files now have it alone.
    for (const id of numbers) this.showNewestOf(id);
  }

  /** Makes the newest article with this number the one shown, when none is. */
  private showNewestOf(id: string): void {
    const rows = this.sql("SELECT article_id, record, is_shadowed FROM articles WHERE id = ?").all(id) as { article_id: number; record: string; is_shadowed: number }[];
    if (rows.length === 0 || rows.some((row) => row.is_shadowed === 0)) return;
    let newest = rows[0]!;
    for (const row of rows.slice(1)) {
      if (isPreferred(JSON.parse(row.record) as ArticleRecord, JSON.parse(newest.record) as ArticleRecord)) newest = row;
    }
    this.sql("UPDATE articles SET is_shadowed = 0 WHERE article_id = ?").run(newest.article_id);
  }

  /** Every indexed file's path. */
  indexedPaths(): string[] {
    return (this.db.prepare("SELECT path FROM files ORDER BY path").all() as { path: string }[]).map((row) => row.path);
  }

  /** Articles shown (one per article number). */
  articleCount(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM articles WHERE is_shadowed = 0").get() as { n: number }).n;
  }

  /** Records that pass the filter, in the order of their files' paths and lines. */
  *records(filter: RecordFilter, limit?: number): Generator<ArticleRecord> {
    const where = this.filterSql(filter);
    const statement = this.db.prepare(`SELECT record FROM articles AS a WHERE ${where.sql} ORDER BY path, line${limit === undefined ? "" : " LIMIT ?"}`);
    const parameters = limit === undefined ? where.parameters : [...where.parameters, limit];
    for (const row of statement.iterate(...parameters) as Iterable<{ record: string }>) yield JSON.parse(row.record) as ArticleRecord;
  }

  /** The collection statistics of the articles a filter selects, for ranking (rank.ts). */
  searchStats(query: ParsedQuery, options: MatchOptions, filter: RecordFilter): CollectionStats {
    const where = this.filterSql(filter);
    const totals = this.db
      .prepare(`SELECT count(*) AS n, ${SEARCH_FIELDS.map((f) => `coalesce(sum(length_${f}), 0) AS ${f}`).join(", ")} FROM articles AS a WHERE ${where.sql}`)
      .get(...where.parameters) as Record<SearchField, number> & { n: number };
    const terms = positiveTerms(query);
    const stats = emptyStats(terms.length);
    stats.articleCount = totals.n;
    for (const field of SEARCH_FIELDS) stats.totalLength[field] = totals[field];
    terms.forEach((term, index) => {
      const occurs = this.matchSql({ clauses: [{ alternatives: [term], isNegated: false, column: 1 }] }, options, filter);
      stats.documentFrequency[index] = (this.db.prepare(`SELECT count(*) AS n FROM ${occurs.from}`).get(...occurs.parameters) as { n: number }).n;
    });
    return stats;
  }

  /**
   * Records that match the query's terms and the filter, in no particular order (ranking puts
   * them in one). The token and stem tables hold exactly what matching looks at, so these are
   * the matches (ranking still looks at each to weigh its occurrences).
   */
  *candidates(query: ParsedQuery, options: MatchOptions, filter: RecordFilter): Generator<ArticleRecord> {
    const { from, parameters } = this.matchSql(query, options, filter, true);
    const statement = this.db.prepare(`SELECT record FROM ${from}`);
    for (const row of statement.iterate(...parameters) as Iterable<{ record: string }>) yield JSON.parse(row.record) as ArticleRecord;
  }

  /**
   * Runs `reading` on one snapshot of the index: a search that asks several questions gets
   * answers that agree even while `newsctl index` commits.
   */
  readConsistently<T>(reading: () => T): T {
    return this.db.transaction(reading).deferred();
  }

  /**
   * The matches that can be among the best `limit` by relevance, and how many match in all,
   * reading only those articles: the others are scored from the token table's occurrence lists
   * (occurrence-ranking.ts); of many that tie with the limit-th, only the newest are read (their
   * times are enough to tell). Null when the query has a term those lists cannot count.
   * `lookupsBeforeScan`: see shownColumns. Call it within readConsistently.
   */
  bestMatches(
    query: ParsedQuery,
    options: MatchOptions,
    filter: RecordFilter,
    stats: CollectionStats,
    limit: number,
    lookupsBeforeScan = lookupsBeforeScanOf(stats),
  ): FirstMatches | null {
    if (!canRankFromOccurrences(query)) return null;
    const ids = this.matchingIds(query, options, filter);
    const lengths = new Int32Array(ids.length * SEARCH_FIELDS.length);
    this.shownColumns(ids, LENGTH_COLUMNS, lookupsBeforeScan).forEach((column, field) => {
      column.forEach((length, slot) => {
        lengths[slot * SEARCH_FIELDS.length + field] = length as number;
      });
    });
    const { better, tied } = selectBestMatches(query, options, ids, lengths, this.occurrenceLists(), stats, limit);
    let chosen = [...better, ...tied];
    if (tied.length > limit - better.length) {
      const [published] = this.shownColumns(tied, ["published"], lookupsBeforeScan) as [(string | null)[]];
      const newest = selectNewest(published, limit - better.length);
      if (newest !== null) chosen = [...better, ...newest.map((slot) => tied[slot]!)];
    }
    return { records: this.recordsOf(chosen), matchCount: ids.length };
  }

  /**
   * The matches that can be among the `limit` newest, and how many match in all, reading only
   * those articles. Null when the matches' publication times are not in one order (see
   * selectNewest). Call it within readConsistently.
   */
  newestMatches(
    query: ParsedQuery,
    options: MatchOptions,
    filter: RecordFilter,
    stats: CollectionStats,
    limit: number,
    lookupsBeforeScan = lookupsBeforeScanOf(stats),
  ): FirstMatches | null {
    const ids = this.matchingIds(query, options, filter);
    const [published] = this.shownColumns(ids, ["published"], lookupsBeforeScan) as [(string | null)[]];
    const chosen = selectNewest(published, limit);
    if (chosen === null) return null;
    return { records: this.recordsOf(chosen.map((slot) => ids[slot]!)), matchCount: ids.length };
  }

  /** The ids of the shown articles that match the query and the filter. */
  private matchingIds(query: ParsedQuery, options: MatchOptions, filter: RecordFilter): number[] {
    const { from, parameters, idColumn } = this.matchSql(query, options, filter);
    return this.db.prepare(`SELECT ${idColumn} FROM ${from}`).pluck().all(...parameters) as number[];
  }

  private recordsOf(ids: readonly number[]): ArticleRecord[] {
    const reading = this.sql("SELECT record FROM articles WHERE article_id = ?").pluck();
    return ids.map((id) => JSON.parse(reading.get(id) as string) as ArticleRecord);
  }

  /**
   * Columns of the small index `articles_lengths` for the shown articles `ids`: one array per
   * column, in the order of `ids`. Fewer than `lookupsBeforeScan` are looked up one by one; more
   * are found in one pass over every shown article, each column gathered by SQLite into one JSON
   * array (a row at a time through JavaScript is much slower).
   */
  private shownColumns(ids: readonly number[], columns: readonly string[], lookupsBeforeScan: number): unknown[][] {
    if (ids.length < lookupsBeforeScan) {
      const lookup = this.sql(`SELECT ${columns.join(", ")} FROM articles WHERE article_id = ?`).raw();
      const rows = ids.map((id) => lookup.get(id) as unknown[]);
      return columns.map((_, column) => rows.map((row) => row[column]));
    }
    const arrays = this.sql(`SELECT ${["article_id", ...columns].map((column) => `json_group_array(${column})`).join(", ")} FROM articles INDEXED BY articles_lengths WHERE is_shadowed = 0`)
      .raw()
      .get() as string[];
    const [shownIds, ...shown] = arrays.map((array) => JSON.parse(array) as unknown[]);
    const slotOf = slotsOf(ids);
    const values = columns.map(() => new Array<unknown>(ids.length));
    (shownIds as number[]).forEach((id, row) => {
      const slot = slotOf(id);
      if (slot < 0) return;
      shown.forEach((column, number) => {
        values[number]![slot] = column[row];
      });
    });
    return values;
  }

  /** The token table's terms and occurrences, through FTS5's vocabulary tables. */
  private occurrenceLists(): OccurrenceLists {
    this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_terms USING fts5vocab(main, 'article_tokens', 'row');
CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_instances USING fts5vocab(main, 'article_tokens', 'instance');`);
    const terms = this.sql("SELECT term FROM temp.token_terms WHERE term >= ? AND term < ?").pluck();
    const fieldCode = `CASE col ${SEARCH_FIELDS.map((field, number) => `WHEN '${field}' THEN ${number}`).join(" ")} ELSE ${FIELD_CODES - 1} END`;
    const instances = this.sql(`SELECT json_group_array(doc * ${FIELD_CODES} + ${fieldCode}) FROM temp.token_instances WHERE term = ?`).pluck();
    return {
      // Terms are in the order of their UTF-8 bytes, so those that start with `start` lie
      // between it and `start` followed by the last code point. (The vocabulary table reads
      // every posting of each term it passes, so the range must not go a term too far.)
      tokensStartingWith: (start: string) => terms.all(start, `${start}\u{10FFFF}`) as string[],
      occurrences: (token: string) => JSON.parse(instances.get(token) as string) as number[],
    };
  }

  /** How many articles match the query and the filter, without reading them. */
  countMatches(query: ParsedQuery, options: MatchOptions, filter: RecordFilter): number {
    const { from, parameters } = this.matchSql(query, options, filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM ${from}`).get(...parameters) as { n: number }).n;
  }

  /**
   * A FROM clause whose rows are the shown articles that match the query and the filter. The
   * query is answered by set operations on the full-text tables' row ids, which never touch the
   * articles table, whose rows hold whole records; that table is joined only when a filter needs
   * its columns, or when `isReadingRecords`.
   */
  private matchSql(query: ParsedQuery, options: MatchOptions, filter: RecordFilter, isReadingRecords = false): { from: string; parameters: unknown[]; idColumn: string } {
    const matching = matchingIdsSql(query, options);
    if (!isReadingRecords && !hasFilter(filter)) return { from: `(${matching.sql})`, parameters: matching.parameters, idColumn: "id" };
    // The ids are of shown articles already; asking again would lead SQLite to scan the shown
    // ones rather than look the ids up.
    const where = this.filterSql(filter, false);
    return {
      from: `articles AS a WHERE a.article_id IN (${matching.sql}) AND ${where.sql}`,
      parameters: [...matching.parameters, ...where.parameters],
      idColumn: "a.article_id",
    };
  }

  /**
   * SQL for a filter. Times go through a function that applies the same rule as a scan
   * (filters.ts), so that offsets compare as instants where both sides have one.
   */
  private filterSql(filter: RecordFilter, isShownOnly = true): { sql: string; parameters: unknown[] } {
    const conditions: string[] = isShownOnly ? ["a.is_shadowed = 0"] : ["1"];
    const parameters: unknown[] = [];
    if (filter.ids?.length) {
      conditions.push(`a.id IN (${filter.ids.map(() => "?").join(", ")})`);
      parameters.push(...filter.ids.map((id) => toAsciiDigits(id.trim())));
    }
    if (filter.agencies?.length) {
      conditions.push(`a.agency_key IN (${filter.agencies.map(() => "?").join(", ")})`);
      parameters.push(...filter.agencies.map(foldAgency));
    }
    if (filter.since !== undefined || filter.until !== undefined) {
      const since = filter.since;
      const until = filter.until;
      this.db.function("newsctl_within_bounds", { deterministic: true }, (published: unknown) =>
        typeof published === "string" && isWithinBounds(published, since as TimeBound | undefined, until as TimeBound | undefined) ? 1 : 0,
      );
      conditions.push("newsctl_within_bounds(a.published)");
    }
    return { sql: conditions.join(" AND "), parameters };
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

/**
 * A SELECT of the ids (column `id`) of the shown articles a query matches. When one full-text
 * table can answer the whole query, that is one MATCH; otherwise a compound SELECT of the terms'
 * row sets: a clause is the union of its terms', the positive clauses are intersected, and the
 * negated ones and the shadowed articles taken away.
 */
function matchingIdsSql(query: ParsedQuery, options: MatchOptions): { sql: string; parameters: string[] } {
  const notShadowed = "rowid NOT IN (SELECT article_id FROM articles WHERE is_shadowed = 1)";
  const whole = ftsQuery(query, options);
  if (whole !== null) {
    return { sql: `SELECT rowid AS id FROM article_${whole.table} WHERE article_${whole.table} MATCH ? AND ${notShadowed}`, parameters: [whole.expression] };
  }
  const parameters: string[] = [];
  const clauseSql = (clause: QueryClause): string => {
    const selects = clause.alternatives.map((term) => {
      const { table, expression } = ftsTerm(term, options);
      parameters.push(expression);
      return `SELECT rowid AS id FROM article_${table} WHERE article_${table} MATCH ?`;
    });
    return `SELECT id FROM (${selects.join(" UNION ")})`;
  };
  const positive = query.clauses.filter((clause) => !clause.isNegated).map(clauseSql);
  const negated = query.clauses.filter((clause) => clause.isNegated).map(clauseSql);
  const base = positive.length > 0 ? positive.join(" INTERSECT ") : "SELECT article_id AS id FROM articles WHERE is_shadowed = 0";
  const sql = [base, ...negated, "SELECT article_id AS id FROM articles WHERE is_shadowed = 1"].join(" EXCEPT ");
  return { sql, parameters };
}

/** How many matches are looked up one by one before one pass over all is quicker. */
function lookupsBeforeScanOf(stats: CollectionStats): number {
  return Math.max(MOST_LOOKUPS, stats.articleCount / 4);
}

function isSqliteError(error: unknown): boolean {
  return typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("SQLITE_");
}

function describeDatabaseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "SQLITE_BUSY" || code?.startsWith("SQLITE_BUSY_")) return "the index is busy (another newsctl is writing it); try again when it is done";
  if (code === "SQLITE_NOTADB") return "not a newsctl index (not an SQLite database)";
  if (code === "SQLITE_CORRUPT") return "the index is damaged; delete it and build it again";
  return error instanceof Error ? error.message : String(error);
}

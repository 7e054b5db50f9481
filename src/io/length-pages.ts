// The search fields' lengths and the day of every article, kept in pages: a ranked search of a
// word found in 20,000 articles reads the lengths it needs, and a trend the days of its matches,
// from about a hundred rows, where looking each article up in a B-tree cost 3-5 µs apiece.
//
// A page holds one column (a field's lengths, or the days) for PAGE_ARTICLES consecutive article
// ids, as 16-bit little-endian numbers; a length too large for one (LONG_LENGTH or more), or a
// day outside what one can say, is read from the articles table instead. The page of column c
// and page number p is the row c + COLUMN_COUNT × p, so that ranking reads only the fields its
// matches occur in. Entries of ids no longer in the index are left as they were: nothing matches
// those ids, and an id used again is written again.

import { dayNumber, dayOfNumber } from "../core/periods.js";
import { SEARCH_FIELDS } from "../core/query.js";
import type { IndexConnection } from "./index-database.js";

/**
 * Articles per page: 16,000 bytes. A row read costs tens of µs whatever its size, so few large
 * rows are quicker: the body lengths of 300,000 articles with two other fields took 9 ms as 114
 * rows, 20 ms as 453 rows of 4,000 bytes. A batch of files rewrites one or two pages per field.
 */
export const PAGE_ARTICLES = 8000;
const FIELD_COUNT = SEARCH_FIELDS.length;
/** The columns kept: the fields' lengths, then the days. */
const COLUMN_COUNT = FIELD_COUNT + 1;
const DAY_COLUMN = FIELD_COUNT;
const PAGE_BYTES = PAGE_ARTICLES * 2;
/** The entry of a length that does not fit in 16 bits, or of a day outside the days kept. */
const LONG_LENGTH = 0xffff;
/** The entry of an article without a date; a day is kept as its number (dayNumber) plus 1. */
const UNDATED = 0;

/**
 * Lengths written by a transaction, held until it is about to commit so that a batch of files
 * writes each page once.
 */
const pendingByConnection = new WeakMap<IndexConnection, Map<number, Buffer>>();

function pageKey(articleId: number, column: number): number {
  return column + COLUMN_COUNT * Math.floor(articleId / PAGE_ARTICLES);
}

/** An article's day (YYYY-MM-DD as written, null: undated) as its entry. */
function dayEntry(day: string | null): number {
  if (day === null) return UNDATED;
  const number = dayNumber(day);
  return number === null || number + 1 >= LONG_LENGTH ? LONG_LENGTH : number + 1;
}

/**
 * Notes an article's field lengths (in the order of SEARCH_FIELDS) and its day (YYYY-MM-DD as
 * written; null: undated); saved by saveLengthPages.
 */
export function stageLengths(connection: IndexConnection, articleId: number, lengths: readonly number[], day: string | null): void {
  let pending = pendingByConnection.get(connection);
  if (pending === undefined) {
    pending = new Map();
    pendingByConnection.set(connection, pending);
  }
  const offset = (articleId % PAGE_ARTICLES) * 2;
  for (let column = 0; column < COLUMN_COUNT; column++) {
    const key = pageKey(articleId, column);
    let bytes = pending.get(key);
    if (bytes === undefined) {
      const saved = connection.sql("SELECT lengths FROM length_pages WHERE page_key = ?").pluck().get(key) as Buffer | undefined;
      bytes = Buffer.alloc(PAGE_BYTES);
      saved?.copy(bytes);
      pending.set(key, bytes);
    }
    bytes.writeUInt16LE(column === DAY_COLUMN ? dayEntry(day) : Math.min(lengths[column]!, LONG_LENGTH), offset);
  }
}

/** Writes the pages that staged lengths changed; call it inside the transaction that wrote the articles. */
export function saveLengthPages(connection: IndexConnection): void {
  const pending = pendingByConnection.get(connection);
  if (pending === undefined || pending.size === 0) return;
  const save = connection.sql("INSERT OR REPLACE INTO length_pages (page_key, lengths) VALUES (?, ?)");
  for (const [key, bytes] of pending) save.run(key, bytes);
  pending.clear();
}

/** Forgets staged lengths (their transaction was rolled back). */
export function dropStagedLengths(connection: IndexConnection): void {
  pendingByConnection.get(connection)?.clear();
}

/** A reader of articles' entries (by id and column) that reads each page once. */
function entryReader(connection: IndexConnection): (id: number, column: number) => number {
  const reading = connection.sql("SELECT lengths FROM length_pages WHERE page_key = ?").pluck();
  const pages = new Map<number, Buffer>();
  return (id, column) => {
    const key = pageKey(id, column);
    let page = pages.get(key);
    if (page === undefined) {
      page = reading.get(key) as Buffer | undefined;
      if (page === undefined) throw new Error(`the index has no ${column === DAY_COLUMN ? "day" : "lengths"} for article ${id}`);
      pages.set(key, page);
    }
    return page.readUInt16LE((id % PAGE_ARTICLES) * 2);
  };
}

/**
 * The field lengths of these articles that `isWanted` (one flag per id and field) asks for:
 * FIELD_COUNT numbers per id, in the order of `ids` and of SEARCH_FIELDS, 0 where not asked.
 * Each page the wanted ones fall in is read once.
 */
export function readLengths(connection: IndexConnection, ids: readonly number[], isWanted: Uint8Array): Int32Array {
  const lengths = new Int32Array(ids.length * FIELD_COUNT);
  const entryOf = entryReader(connection);
  for (let slot = 0; slot < ids.length; slot++) {
    const id = ids[slot]!;
    for (let field = 0; field < FIELD_COUNT; field++) {
      if (isWanted[slot * FIELD_COUNT + field] === 0) continue;
      const length = entryOf(id, field);
      lengths[slot * FIELD_COUNT + field] = length === LONG_LENGTH ? longLength(connection, id, field) : length;
    }
  }
  return lengths;
}

/** A length of LONG_LENGTH or more, from the articles table. */
function longLength(connection: IndexConnection, id: number, field: number): number {
  return connection.sql(`SELECT length_${SEARCH_FIELDS[field]} FROM articles WHERE article_id = ?`).pluck().get(id) as number;
}

/** How many of these articles there are of each day (YYYY-MM-DD as written; null: undated); each page read once. */
export function countDays(connection: IndexConnection, ids: readonly number[]): Map<string | null, number> {
  const entryOf = entryReader(connection);
  const perEntry = new Map<number, number>();
  const days = new Map<string | null, number>();
  const count = (day: string | null, articles: number) => days.set(day, (days.get(day) ?? 0) + articles);
  for (const id of ids) {
    const entry = entryOf(id, DAY_COLUMN);
    if (entry === LONG_LENGTH) count(connection.sql("SELECT substr(published, 1, 10) FROM articles WHERE article_id = ?").pluck().get(id) as string | null, 1);
    else perEntry.set(entry, (perEntry.get(entry) ?? 0) + 1);
  }
  // Each day's name is made once, not once per article.
  for (const [entry, articles] of perEntry) count(entry === UNDATED ? null : dayOfNumber(entry - 1), articles);
  return days;
}

// The SQL that finds articles in the index: a query's terms as MATCHes on the full-text tables,
// a filter as conditions on the articles table, and the two put together.

import type { SqliteDatabase } from "./sqlite-binding.js";
import { toAsciiDigits } from "../core/digits.js";
import type { RecordFilter, TimeBound } from "../core/filters.js";
import { foldAgency, hasFilter, isWithinBounds } from "../core/filters.js";
import { anyOf, ftsQuery, ftsTerm, type FtsQuery, type FtsTable } from "../core/fts-terms.js";
import type { ParsedQuery } from "../core/query.js";
import type { MatchOptions } from "../core/search-match.js";

const FTS_TABLES: readonly FtsTable[] = ["tokens", "stems"];

/** A piece of SQL and the values of its `?`s, in order. */
interface SqlPart {
  sql: string;
  parameters: unknown[];
}

/** A FROM clause, the values of its `?`s, and the column that holds the article ids. */
interface MatchingFrom {
  from: string;
  parameters: unknown[];
  idColumn: string;
}

/**
 * What a statement reads of the matching articles: their ids only; the small columns that
 * articles_ranking holds (published, agency_key, the lengths) as `a`; or any column, as `a`.
 */
type MatchReading = "ids" | "small columns" | "records";

/**
 * A FROM clause whose rows are the shown articles that match the query and the filter. The
 * query is answered by set operations on the full-text tables' row ids, which never touch the
 * articles table, whose rows hold whole records; that table is joined only when a filter needs
 * its columns, or when `reading` asks for more than ids. The small columns are read from the
 * index that holds them (articles_ranking), whose pages pack far more articles than the table's.
 */
export function matchSql(db: SqliteDatabase, query: ParsedQuery, options: MatchOptions, filter: RecordFilter, reading: MatchReading = "ids"): MatchingFrom {
  const matching = matchingIdsSql(query, options);
  if (reading === "ids" && !hasFilter(filter)) return { from: `(${matching.sql})`, parameters: matching.parameters, idColumn: "id" };
  // The ids are of shown articles already; asking again would lead SQLite to scan the shown
  // ones rather than look the ids up.
  const where = filterSql(db, filter, false);
  const table = reading === "small columns" ? "articles AS a INDEXED BY articles_ranking" : "articles AS a";
  return {
    from: `${table} WHERE a.article_id IN (${matching.sql}) AND ${where.sql}`,
    parameters: [...matching.parameters, ...where.parameters],
    idColumn: "a.article_id",
  };
}

/**
 * SQL for a filter, on the articles table as `a`; with `isShownOnly`, of the shown articles
 * only. Times go through a function, defined on `db`, that applies the same rule as a scan
 * (filters.ts), so that offsets compare as instants where both sides have one.
 */
export function filterSql(db: SqliteDatabase, filter: RecordFilter, isShownOnly = true): SqlPart {
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
    db.function("newsctl_within_bounds", { deterministic: true }, (published: unknown) =>
      typeof published === "string" && isWithinBounds(published, since as TimeBound | undefined, until as TimeBound | undefined) ? 1 : 0,
    );
    conditions.push("newsctl_within_bounds(a.published)");
  }
  return { sql: conditions.join(" AND "), parameters };
}

/**
 * A SELECT of the ids (column `id`) of the shown articles a query matches. When one full-text
 * table can answer the whole query, that is one MATCH; otherwise a compound SELECT of row sets,
 * each one MATCH per table: the positive clauses that look at one table are one MATCH (their
 * terms joined by AND), a clause whose alternatives look at both is the union of two, these are
 * intersected, and every excluded term, in one MATCH per table, is taken away with the shadowed
 * articles. So the statement has at most a few parts more than the clauses that look at both
 * tables, well within SQLite's 500 for any query the parser accepts.
 */
function matchingIdsSql(query: ParsedQuery, options: MatchOptions): { sql: string; parameters: string[] } {
  const notShadowed = "rowid NOT IN (SELECT article_id FROM articles WHERE is_shadowed = 1)";
  const whole = ftsQuery(query, options);
  if (whole !== null) {
    return { sql: `SELECT rowid AS id FROM article_${whole.table} WHERE article_${whole.table} MATCH ? AND ${notShadowed}`, parameters: [whole.expression] };
  }
  // Each part keeps its own values, put in the order the parts are written.
  const parts = (terms: readonly FtsQuery[], combine: (terms: FtsQuery[]) => string): SqlPart[] =>
    FTS_TABLES.flatMap((table) => {
      const forTable = terms.filter((term) => term.table === table);
      return forTable.length === 0 ? [] : [{ sql: `SELECT rowid AS id FROM article_${table} WHERE article_${table} MATCH ?`, parameters: [combine(forTable)] }];
    });
  const oneTable: FtsQuery[] = [];
  const bothTables: SqlPart[] = [];
  for (const clause of query.clauses.filter((clause) => !clause.isNegated)) {
    const terms = clause.alternatives.map((term) => ftsTerm(term, options));
    if (new Set(terms.map((term) => term.table)).size === 1) {
      oneTable.push({ table: terms[0]!.table, expression: anyOf(terms) });
    } else {
      const union = parts(terms, anyOf);
      bothTables.push({ sql: `SELECT id FROM (${union.map((part) => part.sql).join(" UNION ")})`, parameters: union.flatMap((part) => part.parameters) });
    }
  }
  const positive = [...parts(oneTable, (clauses) => clauses.map((clause) => clause.expression).join(" AND ")), ...bothTables];
  const excluded = parts(
    query.clauses.filter((clause) => clause.isNegated).flatMap((clause) => clause.alternatives.map((term) => ftsTerm(term, options))),
    anyOf,
  );
  const base = positive.length > 0 ? positive.map((part) => part.sql).join(" INTERSECT ") : "SELECT article_id AS id FROM articles WHERE is_shadowed = 0";
  const sql = [base, ...excluded.map((part) => part.sql), "SELECT article_id AS id FROM articles WHERE is_shadowed = 1"].join(" EXCEPT ");
  const parameters = [...positive, ...excluded].flatMap((part) => part.parameters) as string[];
  return { sql, parameters };
}

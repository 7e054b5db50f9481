// The SQL that finds articles in the index: a query's terms as MATCHes on the full-text tables,
// a filter as conditions on the articles table, and the two put together.

import type { SqliteDatabase } from "./sqlite-binding.js";
import { toAsciiDigits } from "../core/digits.js";
import type { RecordFilter, TimeBound } from "../core/filters.js";
import { foldAgency, hasFilter, isWithinBounds } from "../core/filters.js";
import { ftsQuery, ftsTerm } from "../core/fts-terms.js";
import type { ParsedQuery, QueryClause } from "../core/query.js";
import type { MatchOptions } from "../core/search-match.js";

/** A piece of SQL and the values of its `?`s, in order. */
export interface SqlPart {
  sql: string;
  parameters: unknown[];
}

/** A FROM clause, the values of its `?`s, and the column that holds the article ids. */
export interface MatchingFrom {
  from: string;
  parameters: unknown[];
  idColumn: string;
}

/**
 * A FROM clause whose rows are the shown articles that match the query and the filter. The
 * query is answered by set operations on the full-text tables' row ids, which never touch the
 * articles table, whose rows hold whole records; that table is joined only when a filter needs
 * its columns, or when `isReadingRecords`.
 */
export function matchSql(db: SqliteDatabase, query: ParsedQuery, options: MatchOptions, filter: RecordFilter, isReadingRecords = false): MatchingFrom {
  const matching = matchingIdsSql(query, options);
  if (!isReadingRecords && !hasFilter(filter)) return { from: `(${matching.sql})`, parameters: matching.parameters, idColumn: "id" };
  // The ids are of shown articles already; asking again would lead SQLite to scan the shown
  // ones rather than look the ids up.
  const where = filterSql(db, filter, false);
  return {
    from: `articles AS a WHERE a.article_id IN (${matching.sql}) AND ${where.sql}`,
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

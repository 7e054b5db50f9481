// What a full-text index holds for an article, and the parsed query as that index's query:
// SQLite's FTS5 knows nothing of Arabic (harakat split its words, alef forms stay apart), so it
// is given the core's own folded tokens and light stems, and queries built from parsed terms
// (never the user's text), every token quoted. Matching through these is the same as matching
// by search-match.ts: a token column for exact, prefix and phrase terms, a stem column for stems.

import { type ArticleWords, articleWords } from "./article-words.js";
import { foldArabic } from "./fold.js";
import { tokenTexts } from "./tokens.js";
import { SEARCH_FIELDS, type ParsedQuery, type QueryTerm } from "./query.js";
import type { ArticleRecord } from "./record.js";
import { cachedStem, type MatchOptions } from "./search-match.js";

/**
 * What the index stores of an article, made where it is parsed (off the thread that writes
 * SQLite): the record as JSON, and the text of each full-text column, in the token table every
 * folded token and in the stem table every token's light stem, so that a stemmed word is looked
 * up in one table; and its words as the word table counts them (article-words.ts).
 */
export interface IndexTexts {
  record: string;
  tokens: string[];
  stems: string[];
  words: ArticleWords;
}

export function indexTexts(record: ArticleRecord): IndexTexts {
  const tokens: string[] = [];
  const stems: string[] = [];
  for (const field of SEARCH_FIELDS) {
    const text = record[field];
    const fieldTokens = text === null ? [] : tokenTexts(foldArabic(text));
    tokens.push(fieldTokens.join(" "));
    stems.push(fieldTokens.map(cachedStem).join(" "));
  }
  return { record: JSON.stringify(record), tokens, stems, words: articleWords(record) };
}

/** FTS5 string literal: double quotes, inner ones doubled. Tokens never hold one, but be sure. */
function quote(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

function columnFilter(columns: readonly string[], expression: string): string {
  return `{${columns.join(" ")}} : ${expression}`;
}

/** Which full-text table answers a term: folded tokens, or their light stems. */
export type FtsTable = "tokens" | "stems";

/** An FTS5 expression and the table it is for. */
export interface FtsQuery {
  table: FtsTable;
  expression: string;
}

/**
 * A term as an FTS5 expression. A word matches by stem when its stem and the token's are one
 * (tokens equal when folded have equal stems), so a stemmed word is one stem lookup; exact
 * words, phrases and prefixes look at the tokens.
 */
export function ftsTerm(term: QueryTerm, options: MatchOptions): FtsQuery {
  const fields = term.field === null ? SEARCH_FIELDS : [term.field];
  switch (term.kind) {
    case "phrase":
      return { table: "tokens", expression: columnFilter(fields, quote(term.tokens.join(" "))) };
    case "prefix":
      return { table: "tokens", expression: columnFilter(fields, `${quote(term.token)} *`) };
    case "word":
      if (!options.isStemming || term.isExact) return { table: "tokens", expression: columnFilter(fields, quote(term.token)) };
      return { table: "stems", expression: columnFilter(fields, quote(term.stem)) };
  }
}

/**
 * The whole query as one FTS5 expression, when all its terms are for one table and one clause
 * at least is positive (FTS5 has no NOT on its own); null otherwise, and the terms' row sets are
 * combined instead. The expression is flat, however many terms: the clauses joined by AND, and
 * every excluded term in one OR taken away by one NOT (FTS5's parser overflows on deep nesting).
 */
export function ftsQuery(query: ParsedQuery, options: MatchOptions): FtsQuery | null {
  const clauses = query.clauses.map((clause) => ({ isNegated: clause.isNegated, terms: clause.alternatives.map((term) => ftsTerm(term, options)) }));
  const tables = new Set(clauses.flatMap((clause) => clause.terms.map((term) => term.table)));
  const positive = clauses.filter((clause) => !clause.isNegated);
  if (tables.size !== 1 || positive.length === 0) return null;
  const expression = positive.map((clause) => anyOf(clause.terms)).join(" AND ");
  const excluded = clauses.filter((clause) => clause.isNegated).flatMap((clause) => clause.terms);
  return { table: [...tables][0]!, expression: excluded.length === 0 ? expression : `(${expression}) NOT ${anyOf(excluded)}` };
}

/** Terms for one table as one FTS5 expression that any of them satisfies. */
export function anyOf(terms: readonly FtsQuery[]): string {
  return `(${terms.map((term) => `(${term.expression})`).join(" OR ")})`;
}

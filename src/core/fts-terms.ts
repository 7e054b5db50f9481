// What a full-text index holds for an article, and the parsed query as that index's query:
// SQLite's FTS5 knows nothing of Arabic (harakat split its words, alef forms stay apart), so it
// is given the core's own folded tokens and light stems, and queries built from parsed terms
// (never the user's text), every token quoted. Matching through these is the same as matching
// by search-match.ts: a token column for exact, prefix and phrase terms, a stem column for stems.

import { stemArabic } from "./arabic-stem.js";
import { foldArabic, tokenTexts } from "./fold.js";
import { SEARCH_FIELDS, type ParsedQuery, type QueryTerm, type SearchField } from "./query.js";
import type { ArticleRecord } from "./record.js";
import type { MatchOptions } from "./search-match.js";

/** Column of the stems of a field's tokens. */
export function stemColumn(field: SearchField): string {
  return `${field}_stem`;
}

export const FTS_COLUMNS: readonly string[] = [...SEARCH_FIELDS, ...SEARCH_FIELDS.map(stemColumn)];

/** The text of each FTS column for an article: tokens, then stems, space-separated. */
export function ftsColumnTexts(record: ArticleRecord): string[] {
  const tokens = SEARCH_FIELDS.map((field) => {
    const text = record[field];
    return text === null ? [] : tokenTexts(foldArabic(text));
  });
  return [...tokens.map((list) => list.join(" ")), ...tokens.map((list) => list.map(stemArabic).join(" "))];
}

/** FTS5 string literal: double quotes, inner ones doubled. Tokens never hold one, but be sure. */
function quote(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

function columnFilter(columns: readonly string[], expression: string): string {
  return `{${columns.join(" ")}} : ${expression}`;
}

/** The FTS5 expression for the articles a term occurs in. */
export function ftsTerm(term: QueryTerm, options: MatchOptions): string {
  const fields = term.field === null ? SEARCH_FIELDS : [term.field];
  switch (term.kind) {
    case "phrase":
      return columnFilter(fields, quote(term.tokens.join(" ")));
    case "prefix":
      return columnFilter(fields, `${quote(term.token)} *`);
    case "word": {
      const exact = columnFilter(fields, quote(term.token));
      if (!options.isStemming || term.isExact) return exact;
      return `(${exact} OR ${columnFilter(fields.map(stemColumn), quote(term.stem))})`;
    }
  }
}

/** The candidates of a query: articles where each positive clause has a term and no negated one. */
export interface FtsQuery {
  /** Every positive clause ANDed; null when the query has only negated clauses. */
  positive: string | null;
  /** Any negated clause ORed; null when there is none. */
  negative: string | null;
}

export function ftsQuery(query: ParsedQuery, options: MatchOptions): FtsQuery {
  const clause = (terms: readonly QueryTerm[]) => `(${terms.map((term) => ftsTerm(term, options)).join(" OR ")})`;
  const positive = query.clauses.filter((c) => !c.isNegated).map((c) => clause(c.alternatives));
  const negative = query.clauses.filter((c) => c.isNegated).map((c) => clause(c.alternatives));
  return {
    positive: positive.length > 0 ? positive.join(" AND ") : null,
    negative: negative.length > 0 ? negative.join(" OR ") : null,
  };
}

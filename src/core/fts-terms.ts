// What a full-text index holds for an article, and the parsed query as that index's query:
// SQLite's FTS5 knows nothing of Arabic (harakat split its words, alef forms stay apart), so it
// is given the core's own folded tokens and light stems, and queries built from parsed terms
// (never the user's text), every token quoted. Matching through these is the same as matching
// by search-match.ts: a token column for exact, prefix and phrase terms, a stem column for stems.

import { stemArabic } from "./arabic-stem.js";
import { foldArabic, tokenTexts } from "./fold.js";
import { SEARCH_FIELDS, type ParsedQuery, type QueryTerm, type SearchField } from "./query.js";
import type { ArticleRecord } from "./record.js";
import { cachedStem, type MatchOptions } from "./search-match.js";

/**
 * The text of each column for an article: in the token table, every folded token; in the stem
 * table, the light stem of each token whose stem is not the token itself (the others are found
 * in the token table, see ftsTerm), which keeps the stem table small.
 */
export interface FtsColumnTexts {
  tokens: string[];
  stems: string[];
}

export function ftsColumnTexts(record: ArticleRecord): FtsColumnTexts {
  const tokens: string[] = [];
  const stems: string[] = [];
  for (const field of SEARCH_FIELDS) {
    const text = record[field];
    const fieldTokens = text === null ? [] : tokenTexts(foldArabic(text));
    tokens.push(fieldTokens.join(" "));
    const fieldStems: string[] = [];
    for (const token of fieldTokens) {
      const stem = cachedStem(token);
      if (stem !== token) fieldStems.push(stem);
    }
    stems.push(fieldStems.join(" "));
  }
  return { tokens, stems };
}

/** FTS5 string literal: double quotes, inner ones doubled. Tokens never hold one, but be sure. */
function quote(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

function columnFilter(columns: readonly string[], expression: string): string {
  return `{${columns.join(" ")}} : ${expression}`;
}

/** The FTS5 expressions that find the articles a term occurs in: either table may hold it. */
export interface FtsTermQuery {
  tokens: string;
  /** null when the stem table cannot hold the term. */
  stems: string | null;
}

/**
 * A term as FTS5 expressions. A token x matches a word by stem when stem(x) is the word's stem
 * s: either x's stem is in the stem table (stem(x) differs from x), or x is s itself and s is
 * its own stem (then x is in the token table).
 */
export function ftsTerm(term: QueryTerm, options: MatchOptions): FtsTermQuery {
  const fields = term.field === null ? SEARCH_FIELDS : [term.field];
  switch (term.kind) {
    case "phrase":
      return { tokens: columnFilter(fields, quote(term.tokens.join(" "))), stems: null };
    case "prefix":
      return { tokens: columnFilter(fields, `${quote(term.token)} *`), stems: null };
    case "word": {
      if (!options.isStemming || term.isExact) return { tokens: columnFilter(fields, quote(term.token)), stems: null };
      const tokens = [term.token];
      if (term.stem !== term.token && stemArabic(term.stem) === term.stem) tokens.push(term.stem);
      return {
        tokens: columnFilter(fields, tokens.length === 1 ? quote(term.token) : `(${tokens.map(quote).join(" OR ")})`),
        stems: columnFilter(fields, quote(term.stem)),
      };
    }
  }
}

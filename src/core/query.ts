// The search query language of docs/search.md, parsed into terms that were folded like the text:
// words (all must match), OR between words, -word, "phrases", prefix*, and field:word. A query
// that cannot be parsed is a QuerySyntaxError that says where; nothing typed can crash it, and
// the parsed form (never the raw text) is what any search engine below is given.

import { stemArabic } from "./arabic-stem.js";
import { foldArabic } from "./fold.js";
import type { QueryProblemName } from "../errors.js";
import { tokenTexts } from "./tokens.js";

export const SEARCH_FIELDS = ["headline", "subheadline", "lead", "body", "agency"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export type QueryTerm =
  /** One folded token; `stem` is its light stem; a quoted word matches only exactly. */
  | { kind: "word"; field: SearchField | null; token: string; stem: string; isExact: boolean; source: string }
  /** Folded tokens that must stand next to each other, in order. */
  | { kind: "phrase"; field: SearchField | null; tokens: string[]; source: string }
  /** Tokens that begin with the folded text. */
  | { kind: "prefix"; field: SearchField | null; token: string; source: string };

/** Alternatives joined by OR; a clause matches when any of them does. */
interface QueryClause {
  alternatives: QueryTerm[];
  isNegated: boolean;
  /** 1-based column where the clause starts in the query. */
  column: number;
}

export interface ParsedQuery {
  /** All positive clauses must match and no negated one may. */
  clauses: QueryClause[];
}

export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based column (in characters) of the problem in the query. */
    readonly column: number,
    /** The problem by name, with the values its message names. */
    readonly problem: { name: QueryProblemName; values?: Record<string, string | number> },
  ) {
    super(message);
  }
}

interface RawPiece {
  text: string;
  column: number;
  isQuoted: boolean;
  isNegated: boolean;
  field: SearchField | null;
}

const FIELD_PREFIX = /^([A-Za-z]+):/;
const OR = "OR";

/**
 * The most words a query may hold (each word, prefix and word of a phrase, excluded or not).
 * Far beyond what anyone types (the server's 500 characters hold at most 250), and it bounds
 * what a query costs: a scan matches every word against every article, and the index's SQL
 * grows with the words.
 */
export const MAX_QUERY_WORDS = 256;

/** Parses a query as the user typed it. Throws QuerySyntaxError. */
export function parseQuery(query: string): ParsedQuery {
  const pieces = splitPieces(query);
  if (pieces.length === 0) throw new QuerySyntaxError("the query is empty", 1, { name: "query-empty" });
  const clauses: QueryClause[] = [];
  let expectAlternative = false;
  let words = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (!piece.isQuoted && !piece.isNegated && piece.field === null && piece.text === OR) {
      if (clauses.length === 0 || expectAlternative) throw new QuerySyntaxError("OR needs a word before it", piece.column, { name: "or-without-word-before" });
      if (i === pieces.length - 1) throw new QuerySyntaxError("OR needs a word after it", piece.column, { name: "or-without-word-after" });
      const before = clauses[clauses.length - 1]!;
      if (before.isNegated) throw new QuerySyntaxError("-word cannot be one side of OR", before.column, { name: "negated-alternative" });
      expectAlternative = true;
      continue;
    }
    const term = makeTerm(piece);
    words += term.kind === "phrase" ? term.tokens.length : 1;
    if (words > MAX_QUERY_WORDS) throw new QuerySyntaxError(`the query has more than ${MAX_QUERY_WORDS} words, the most a search takes`, piece.column, { name: "too-many-words", values: { most: MAX_QUERY_WORDS } });
    if (expectAlternative) {
      const clause = clauses[clauses.length - 1]!;
      if (piece.isNegated) throw new QuerySyntaxError("-word cannot be one side of OR", piece.column, { name: "negated-alternative" });
      clause.alternatives.push(term);
      expectAlternative = false;
    } else {
      clauses.push({ alternatives: [term], isNegated: piece.isNegated, column: piece.column });
    }
  }
  return { clauses };
}

/** Splits the query at white space outside quotes, reading -, field: and quotes. */
function splitPieces(query: string): RawPiece[] {
  const pieces: RawPiece[] = [];
  const characters = [...query]; // by code point, so columns count characters, not UTF-16 units
  let i = 0;
  while (i < characters.length) {
    if (/\s/u.test(characters[i]!)) {
      i++;
      continue;
    }
    const startColumn = i + 1;
    let isNegated = false;
    if (characters[i] === "-" && i + 1 < characters.length && !/\s/u.test(characters[i + 1]!)) {
      isNegated = true;
      i++;
    }
    let field: SearchField | null = null;
    const rest = characters.slice(i, i + 20).join("");
    const fieldMatch = FIELD_PREFIX.exec(rest);
    if (fieldMatch) {
      const name = fieldMatch[1]!.toLowerCase();
      if (!(SEARCH_FIELDS as readonly string[]).includes(name)) {
        throw new QuerySyntaxError(`unknown field "${fieldMatch[1]}:" (fields: ${SEARCH_FIELDS.join(", ")})`, i + 1, { name: "unknown-field", values: { field: `${fieldMatch[1]}:`, fields: SEARCH_FIELDS.join(", ") } });
      }
      field = name as SearchField;
      i += fieldMatch[0].length;
      if (i >= characters.length || /\s/u.test(characters[i]!)) throw new QuerySyntaxError(`"${name}:" needs a word after it`, i + 1, { name: "field-without-word", values: { field: `${name}:` } });
    }
    if (characters[i] === '"') {
      const quoteColumn = i + 1;
      let end = i + 1;
      while (end < characters.length && characters[end] !== '"') end++;
      if (end >= characters.length) throw new QuerySyntaxError("this quote is never closed", quoteColumn, { name: "unclosed-quote" });
      pieces.push({ text: characters.slice(i + 1, end).join(""), column: quoteColumn, isQuoted: true, isNegated, field });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < characters.length && !/\s/u.test(characters[end]!)) {
      if (characters[end] === '"') throw new QuerySyntaxError("a quote must start a word", end + 1, { name: "quote-inside-word" });
      end++;
    }
    pieces.push({ text: characters.slice(i, end).join(""), column: startColumn, isQuoted: false, isNegated, field });
    i = end;
  }
  return pieces;
}

function makeTerm(piece: RawPiece): QueryTerm {
  const { field } = piece;
  const source = piece.text;
  if (!piece.isQuoted && piece.text.endsWith("*")) {
    const stem = piece.text.slice(0, -1);
    if (stem.includes("*")) throw new QuerySyntaxError("* may only end a word", piece.column, { name: "star-inside-word" });
    const tokens = tokenTexts(foldArabic(stem));
    if (tokens.length === 0) throw new QuerySyntaxError("* needs letters or digits before it", piece.column, { name: "star-without-letters" });
    if (tokens.length > 1) throw new QuerySyntaxError(`"${piece.text}" is more than one word; * ends a single word`, piece.column, { name: "star-after-words", values: { word: piece.text } });
    return { kind: "prefix", field, token: tokens[0]!, source };
  }
  if (piece.text.includes("*")) throw new QuerySyntaxError("* may only end a word", piece.column, { name: "star-inside-word" });
  const tokens = tokenTexts(foldArabic(piece.text));
  if (tokens.length === 0) {
    throw piece.isQuoted
      ? new QuerySyntaxError("the quotes hold no word", piece.column, { name: "empty-quotes" })
      : new QuerySyntaxError(`"${piece.text}" has no letters or digits to search for`, piece.column, { name: "no-letters", values: { word: piece.text } });
  }
  if (tokens.length > 1 || piece.isQuoted) {
    if (tokens.length === 1) return { kind: "word", field, token: tokens[0]!, stem: stemArabic(tokens[0]!), isExact: true, source };
    return { kind: "phrase", field, tokens, source };
  }
  return { kind: "word", field, token: tokens[0]!, stem: stemArabic(tokens[0]!), isExact: false, source };
}

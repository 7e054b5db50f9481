// The record newsctl emits (the README's "The record") and the warning codes it can carry. These
// names are a public contract: exports, NDJSON streams, the JSON Schema in schema/ and the index
// use them.

/** One article, as the README's "The record" defines it. Field order here is the order of every output. */
export type ArticleRecord = {
  id: string | null;
  headline: string | null;
  subheadline: string | null;
  lead: string | null;
  agency: string | null;
  published: string | null;
  desk: string | null;
  body: string;
  file: string;
  line: number;
  warnings: WarningCode[];
};

export const RECORD_FIELDS = [
  "id",
  "headline",
  "subheadline",
  "lead",
  "agency",
  "published",
  "desk",
  "body",
  "file",
  "line",
  "warnings",
] as const satisfies ReadonlyArray<keyof ArticleRecord>;

/**
 * What can be wrong with an article or a file, as stable machine-readable codes; docs/format.md
 * says what each means, and the message printed with it says what was found.
 */
const WARNING_CODES = [
  "missing-number",
  "missing-header",
  "missing-headline",
  "missing-body",
  "invalid-date",
  "nonexistent-time",
  "weekday-mismatch",
  "header-in-body",
  "invalid-utf8",
  "stray-text",
  "line-too-long",
  // Reported by `newsctl index` only: the index keeps one article per number.
  "duplicate-id",
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

/** A problem found while reading, tied to a line of a file; printed as FILE:LINE: code: message. */
export interface DumpProblem {
  file: string;
  line: number;
  code: WarningCode;
  message: string;
}

/** An article and the problems found in it, or (record null) problems outside any article. */
export interface ParsedItem {
  record: ArticleRecord | null;
  problems: DumpProblem[];
}

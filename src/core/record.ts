// The record newsctl emits (record.md) and the warning codes it can carry. These names are a
// public contract: exports, NDJSON streams, the JSON Schema in schema/ and the index use them.

/** One article, as record.md defines it. Field order here is the order of every output. */
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

/** What can be wrong with an article or a file, as a stable machine-readable code. */
export const WARNING_CODES = {
  "missing-number": "the article has no number line (رقم: ...); it ends where the next one starts",
  "missing-header": "text closed by a number line has no header (agency line and date line)",
  "missing-headline": "the header has an agency and a date line but no headline above them",
  "missing-body": "the article has no body paragraph",
  "invalid-date": "the date line names a date or time that cannot exist; published is null",
  "nonexistent-time": "the local time does not exist in the --tz zone (clocks went forward); published is null",
  "weekday-mismatch": "the weekday on the date line is not the weekday of that date",
  "invalid-utf8": "bytes that are not UTF-8 were replaced by U+FFFD",
  "stray-text": "lines outside any article were skipped",
} as const;

export type WarningCode = keyof typeof WARNING_CODES;

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

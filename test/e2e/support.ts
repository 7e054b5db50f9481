// Shared by the end-to-end tests: the seed's expected record (from dump-format.md's line-by-line description), schema validation, a strict CSV reader, temp dirs and hand-written dumps.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { expect } from "vitest";
import { projectRoot, seedPath } from "../helpers/run-newsctl.js";

export const ESC = "\u001b";

/** The 11 fields record.md defines, in its order. */
export const RECORD_FIELDS = ["id", "headline", "subheadline", "lead", "agency", "published", "desk", "body", "file", "line", "warnings"] as const;

export type ExpectedRecord = {
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
  warnings: string[];
};

/** The seed's lines as the spec counts them (1-based index = line number), each trimmed. */
export function seedLines(): string[] {
  const text = readFileSync(seedPath, "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim());
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * The seed's record from dump-format.md: 1 lead, 2 headline, 3 subheadline, 4 agency, 5 date
 * line, 6-17 body (6 repeats the lead), 18 desk code, 19 article number.
 */
export function expectedSeedRecord(file: string): ExpectedRecord {
  const lines = seedLines();
  const line = (n: number) => lines[n - 1]!;
  // Guards on the test's own reading of the seed, not on newsctl.
  if (lines.length !== 19) throw new Error(`the seed should have 19 lines, has ${lines.length}`);
  if (line(6) !== line(1)) throw new Error("seed line 6 should repeat the lead");
  if (line(18) !== "/110" || !/^رقم\s*:\s*490728$/.test(line(19))) throw new Error("seed lines 18-19 are not as the spec says");
  const body = lines.slice(5, 17).filter((paragraph) => paragraph !== "");
  return {
    id: "490728",
    headline: line(2),
    subheadline: line(3),
    lead: line(1),
    agency: line(4),
    published: "2021-01-25T11:27:00",
    desk: "110",
    body: body.join("\n"),
    file,
    line: 1,
    warnings: [],
  };
}

export function seedBodyParagraphs(): string[] {
  return seedLines()
    .slice(5, 17)
    .filter((paragraph) => paragraph !== "");
}

/** The record's 11 contract fields (more fields may follow; these must be exact). */
export function contractFields(record: unknown): Record<string, unknown> {
  expect(record).toBeTypeOf("object");
  expect(record).not.toBeNull();
  const object = record as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS) {
    expect(object, `record lacks field ${field}`).toHaveProperty(field);
    picked[field] = object[field];
  }
  return picked;
}

const schema = JSON.parse(readFileSync(path.join(projectRoot, "schema", "record.schema.json"), "utf8")) as object;
// ajv's CommonJS default export arrives as the module object or the class depending on interop.
type AjvLike = {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
  errorsText(errors?: unknown): string;
};
const AjvClass = ((Ajv2020 as unknown as { default?: unknown }).default ?? Ajv2020) as unknown as new (options: object) => AjvLike;
const ajv = new AjvClass({ allErrors: true, allowUnionTypes: true });
const validateRecord = ajv.compile(schema);

/** Fails the test unless every record validates against schema/record.schema.json. */
export function expectValidRecords(records: readonly unknown[]): void {
  for (const record of records) {
    const ok = validateRecord(record);
    expect(ok, `record does not match the schema: ${ajv.errorsText(validateRecord.errors)}\n${JSON.stringify(record)}`).toBe(true);
  }
}

/** NDJSON: every line is one JSON value; the output ends with a newline. */
export function parseNdjson(text: string): unknown[] {
  if (text === "") return [];
  expect(text.endsWith("\n"), "NDJSON output should end with a newline").toBe(true);
  return text
    .slice(0, -1)
    .split("\n")
    .map((line) => {
      expect(line.trim(), "NDJSON has a blank line").not.toBe("");
      return JSON.parse(line) as unknown;
    });
}

/** A strict RFC 4180 reader: throws on a stray quote, an unclosed quote or text after a closing quote. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let cell = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error("CSV: unclosed quoted field");
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += c;
        i++;
      }
      if (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") throw new Error(`CSV: text after a closing quote at ${i}`);
    } else {
      while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
        if (text[i] === '"') throw new Error(`CSV: quote inside an unquoted field at ${i}`);
        cell += text[i];
        i++;
      }
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    if (text[i] === ",") {
      i++;
      continue;
    }
    // End of record: \n or \r\n.
    if (text[i] === "\r") {
      if (text[i + 1] !== "\n") throw new Error(`CSV: bare CR at ${i}`);
      i++;
    }
    i++;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
}

/** CSV rows to objects keyed by the header row; every row must have the header's width. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(text);
  expect(header, "CSV has no header row").toBeDefined();
  for (const row of rows) expect(row.length, "a CSV row has a different number of cells than the header").toBe(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]!])));
}

/** TSV cell unescaping (\t \n \r \\). */
export function unescapeTsv(cell: string): string {
  return cell.replace(/\\(.)/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\" })[c] ?? c);
}

export async function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), "newsctl-e2e-"));
}

export async function removeTempDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

export interface ArticleText {
  lead?: string;
  headline: string;
  subheadline?: string;
  agency: string;
  date: string;
  /** Paragraphs; "" is a blank line inside the body. */
  body: string[];
  desk?: string;
  /** The number line's digits; undefined leaves the number line out (a damaged article). */
  number?: string;
}

export function articleLines(article: ArticleText): string[] {
  const firstParagraph = article.body.find((paragraph) => paragraph !== "");
  const lines: string[] = [];
  if (article.lead !== undefined) {
    if (article.lead !== firstParagraph) throw new Error("a lead must repeat the first body paragraph");
    lines.push(article.lead);
  }
  lines.push(article.headline);
  if (article.subheadline !== undefined) lines.push(article.subheadline);
  lines.push(article.agency, article.date, ...article.body);
  if (article.desk !== undefined) lines.push(`/${article.desk}`);
  if (article.number !== undefined) lines.push(`رقم: ${article.number}`);
  return lines;
}

/**
 * A dump of several articles; `separators[i]` blank lines follow article i (default 1).
 * Returns the text and the 1-based first line of every article.
 */
export function buildDump(articles: readonly ArticleText[], separators: readonly number[] = []): { text: string; firstLines: number[] } {
  const lines: string[] = [];
  const firstLines: number[] = [];
  articles.forEach((article, index) => {
    firstLines.push(lines.length + 1);
    lines.push(...articleLines(article));
    if (index < articles.length - 1) for (let k = 0; k < (separators[index] ?? 1); k++) lines.push("");
  });
  return { text: lines.join("\n") + "\n", firstLines };
}

/** The record the spec gives for a hand-written article. */
export function expectedRecord(article: ArticleText, published: string | null, file: string, line: number, warnings: string[] = []): ExpectedRecord {
  return {
    id: article.number ?? null,
    headline: article.headline,
    subheadline: article.subheadline ?? null,
    lead: article.lead ?? null,
    agency: article.agency,
    published,
    desk: article.desk ?? null,
    body: article.body.filter((paragraph) => paragraph !== "").join("\n"),
    file,
    line,
    warnings,
  };
}

export async function writeDump(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text, "utf8");
  return file;
}

/** A good article, a damaged one (no number line), and a good one; with what the spec expects. */
export const DAMAGED_DUMP: readonly ArticleText[] = [
  {
    headline: "ارتفاع أسعار القمح في الأسواق المحلية",
    agency: "واس",
    date: "25 Jan 2021 ساعة 09:00",
    body: ["ارتفعت أسعار القمح هذا الأسبوع بنسبة ملحوظة.", "وعزا التجار ذلك إلى تراجع المحاصيل."],
    number: "2001",
  },
  {
    headline: "فريق الجامعة يفوز ببطولة الشطرنج",
    agency: "واس",
    date: "26 Jan 2021 ساعة 10:00",
    body: ["فاز فريق الجامعة ببطولة الشطرنج الإقليمية بعد مباراة حاسمة.", "وأشاد المدرب بأداء اللاعبين."],
  },
  {
    headline: "أمطار غزيرة تغمر شوارع العاصمة",
    agency: "واس",
    date: "27 Jan 2021 ساعة 11:00",
    body: ["غمرت الأمطار الغزيرة شوارع العاصمة صباح اليوم."],
    number: "2003",
  },
];
export const DAMAGED_PUBLISHED = ["2021-01-25T09:00:00", "2021-01-26T10:00:00", "2021-01-27T11:00:00"];

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

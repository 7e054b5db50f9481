// Shared by the end-to-end and in-process tests: the seed's expected record (from the layout docs/format.md describes), schema validation, strict NDJSON and CSV reading, temp dirs and a damaged dump.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { parse as parseCsv } from "csv-parse/sync";
import { expect } from "vitest";
import type { ArticleRecord } from "../../src/core/record.js";
import { articleRecord } from "./article-record.js";
import type { ArticleText } from "./dump-text.js";
import { projectRoot, seedPath } from "./run-newsctl.js";

export const ESC = "\u001b";

/** The 11 fields of the record (README's "The record"), in its order. */
export const RECORD_FIELDS = ["id", "headline", "subheadline", "lead", "agency", "published", "desk", "body", "file", "line", "warnings"] as const;

/** The seed's lines as the spec counts them (1-based index = line number), each trimmed. */
export function seedLines(): string[] {
  const text = readFileSync(seedPath, "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim());
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * The seed's record from docs/format.md: 1 lead, 2 headline, 3 subheadline, 4 agency, 5 date
 * line, 6-17 body (6 repeats the lead), 18 desk code, 19 article number.
 */
export function expectedSeedRecord(file: string): ArticleRecord {
  const lines = seedLines();
  const line = (n: number) => lines[n - 1]!;
  // Guards on the test's own reading of the seed, not on newsctl.
  if (lines.length !== 19) throw new Error(`the seed should have 19 lines, has ${lines.length}`);
  if (line(6) !== line(1)) throw new Error("seed line 6 should repeat the lead");
  if (line(18) !== "/110" || !/^رقم\s*:\s*490728$/.test(line(19))) throw new Error("seed lines 18-19 are not as the spec says");
  const body = lines.slice(5, 17).filter((paragraph) => paragraph !== "");
  return articleRecord({
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
  });
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

/**
 * CSV rows to objects keyed by the header row, read strictly (a stray quote, an unclosed one or
 * text after a closing one is an error); every row must have the header's width.
 */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, { relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][];
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

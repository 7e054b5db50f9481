// Tables for people: every column starts at the same place on a terminal in every row, whatever
// the Arabic holds (harakat, tatweel, bidi marks, joiners) beside Latin and both digit sets; a
// text too long for its column is cut with "…", and one that fits is shown whole.

import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/core/record.js";
import type { TextStyle, TextView } from "../../src/output/environment.js";
import { makeTableWriter } from "../../src/output/record-table.js";
import { TextSink } from "../../src/output/sink.js";
import { articleRecord as record } from "../helpers/article-record.js";

const ANSI = /\u001b\[[0-9;]*m/g;
const same = (text: string) => text;
const STYLE: TextStyle = { bold: (text) => `\u001b[1m${text}\u001b[22m`, dim: same, yellow: same, red: same, highlight: same };
const COLUMNS = 80;

/**
 * Columns a terminal gives the text: none for combining marks (harakat) and format characters
 * (bidi marks, joiners), one for any other character (these tests hold no wide ones).
 */
function terminalWidth(text: string): number {
  return [...text.replace(ANSI, "")].filter((character) => !/[\p{Mn}\p{Me}\p{Cf}]/u.test(character)).length;
}

async function renderText(records: readonly ArticleRecord[], fields?: readonly string[]): Promise<string> {
  let out = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString("utf8");
      done();
    },
  });
  const view: TextView = { style: STYLE, columns: COLUMNS };
  const writer = makeTableWriter(new TextSink(stream), view, fields);
  for (const one of records) await writer.write(one);
  await writer.end();
  return out;
}

/** The table's lines; every one ends with a line break. */
async function renderTable(records: readonly ArticleRecord[], fields?: readonly string[]): Promise<string[]> {
  const out = await renderText(records, fields);
  expect(out.endsWith("\n")).toBe(true);
  return out.slice(0, -1).split("\n");
}

/** A line's cells (parted by two spaces or more) and the terminal column each starts at. */
function cellsOf(line: string): Array<{ text: string; start: number }> {
  const plain = line.replace(ANSI, "");
  let index = 0;
  return plain.split(/ {2,}/).map((text) => {
    index = plain.indexOf(text, index);
    const start = terminalWidth(plain.slice(0, index));
    index += text.length;
    return { text, start };
  });
}

const FITS_WITH_HARAKAT = "وَزِيرُ الخَارِجِيَّةِ يَلْتَقِي نَظِيرَهُ";
const TOO_LONG_WITH_HARAKAT = "وَزِيرُ الخَارِجِيَّةِ يَلْتَقِي نَظِيرَهُ فِي الرِّيَاضِ لِبَحْثِ العَلَاقَاتِ";
const TATWEEL_LATIN_DIGITS = "الجيــــش يعلن خطة 2021 لـ NATO";
const LRM_LATIN_ARABIC_DIGITS = "\u200eDr. Smith\u200e في جدة ١٢٣٤";
const ROWS = [
  record({ id: "1001", agency: "واس", headline: FITS_WITH_HARAKAT }),
  record({ id: "1002", agency: "تنا\u200f", headline: TATWEEL_LATIN_DIGITS, desk: "110" }),
  record({ id: "1003", agency: "وَكَالَةُ الأَنْبَاءِ السُّورِيَّةِ", headline: LRM_LATIN_ARABIC_DIGITS }),
  record({ id: null, agency: "ا\u200cل\u200dمركز", headline: TOO_LONG_WITH_HARAKAT, published: null }),
  record({ id: "1005", agency: "\u061cسبأ", headline: "خبر قصير", desk: "7" }),
];

describe("a table of Arabic records", () => {
  it("starts every column at the same terminal column in the head and every row, within the terminal's width", async () => {
    const lines = await renderTable(ROWS);
    expect(lines).toHaveLength(ROWS.length + 1);
    // id 9, published 16, agency 14, each followed by two spaces; the headline takes the rest.
    for (const line of lines) {
      expect(cellsOf(line).map((cell) => cell.start), line).toEqual([0, 11, 29, 45]);
      expect(terminalWidth(line)).toBeLessThan(COLUMNS);
    }
    expect(cellsOf(lines[0]!).map((cell) => cell.text)).toEqual(["id", "published", "agency", "headline"]);
    expect(lines[0]).toContain("\u001b[1mheadline\u001b[22m");
  });

  it("shows a text that fits whole, however many harakat and marks it holds, and cuts one that does not to its column", async () => {
    const rows = (await renderTable(ROWS)).slice(1).map((line) => cellsOf(line).map((cell) => cell.text));
    expect(rows[0]).toEqual(["1001", "2021-01-25 11:27", "واس", FITS_WITH_HARAKAT]);
    expect(rows[1]).toEqual(["1002", "2021-01-25 11:27", "تنا\u200f", TATWEEL_LATIN_DIGITS]);
    expect(rows[2]![3]).toBe(LRM_LATIN_ARABIC_DIGITS);
    expect(rows[3]!.slice(0, 3)).toEqual(["—", "—", "ا\u200cل\u200dمركز"]);
    expect(rows[4]![2]).toBe("\u061cسبأ");
    const agency = rows[2]![2]!;
    expect(agency.endsWith("…")).toBe(true);
    expect(terminalWidth(agency)).toBe(14);
    expect(ROWS[2]!.agency!.startsWith(agency.slice(0, -1))).toBe(true);
    const headline = rows[3]![3]!;
    expect(headline.endsWith("…")).toBe(true);
    expect(terminalWidth(headline)).toBe(COLUMNS - 45 - 1);
    expect(TOO_LONG_WITH_HARAKAT.startsWith(headline.slice(0, -1))).toBe(true);
  });

  it("pads a text column followed by others, so that those line up too", async () => {
    const lines = await renderTable(ROWS, ["agency", "headline", "desk", "id"]);
    // agency 14, headline what the others leave (80 - 14 - 5 - 9 - 3 gaps of 2 - 1 = 45), desk 5.
    for (const line of lines) expect(cellsOf(line).map((cell) => cell.start), line).toEqual([0, 16, 63, 70]);
    expect(cellsOf(lines[2]!).map((cell) => cell.text)).toEqual(["تنا\u200f", TATWEEL_LATIN_DIGITS, "110", "1002"]);
  });

  it("draws nothing, not even the head, for no records", async () => {
    expect(await renderText([])).toBe("");
  });
});

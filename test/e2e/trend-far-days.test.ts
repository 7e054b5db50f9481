// The index keeps each article's day in pages, as a number of days since 1900 in 16 bits; the
// days it cannot say so (before 1900, after mid-2079) it reads from the articles themselves. A
// trend from the index gives the same days as the dumps for both, and for undated articles.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { csvObjects, makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";

const ARTICLES: readonly ArticleText[] = [
  { headline: "الجيش في 1899", agency: "واس", date: "31 Dec 1899 ساعة 10:00", body: ["دخل الجيش المدينة."], number: "71" },
  { headline: "الجيش في 1900", agency: "واس", date: "01 Jan 1900 ساعة 10:00", body: ["دخل الجيش المدينة."], number: "72" },
  { headline: "الجيش في 2079", agency: "واس", date: "05 Jun 2079 ساعة 10:00", body: ["دخل الجيش المدينة."], number: "73" },
  { headline: "الجيش في 2101", agency: "واس", date: "01 Jan 2101 ساعة 10:00", body: ["دخل الجيش المدينة."], number: "74" },
  { headline: "بلا تاريخ", agency: "واس", date: "", body: ["الجيش بلا تاريخ."], number: "75" },
  { headline: "السوق", agency: "واس", date: "01 Jan 2101 ساعة 11:00", body: ["لا شيء."], number: "76" },
];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
  await writeDump(dir, "far.txt", buildDump(ARTICLES).text);
  const indexed = await runInProcess(["index", "far.txt", "--db", "far.db", "--quiet"], { cwd: dir });
  expect(indexed.code, indexed.stderr).toBe(0);
});
afterAll(() => removeTempDir(dir));

async function trend(args: readonly string[]) {
  const result = await runInProcess(["trend", "الجيش", ...args, "--by", "year", "--csv"], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return { rows: csvObjects(result.stdout), stderr: result.stderr };
}

describe("a trend's days from the index", () => {
  it("are the dumps' days, before 1900 and after 2079 too, with the undated article counted apart", async () => {
    const fromIndex = await trend(["--db", "far.db"]);
    const fromDumps = await trend(["far.txt"]);
    expect(fromIndex.rows).toEqual(fromDumps.rows);
    const byYear = new Map(fromIndex.rows.map((row) => [row.period, [Number(row.matches), Number(row.total)]]));
    expect(byYear.get("1899")).toEqual([1, 1]);
    expect(byYear.get("1900")).toEqual([1, 1]);
    expect(byYear.get("2079")).toEqual([1, 1]);
    expect(byYear.get("2101")).toEqual([1, 2]);
    expect(byYear.get("2000")).toEqual([0, 0]);
    for (const { stderr } of [fromIndex, fromDumps]) expect(stderr).toContain("1 article without a date left out of every period (of them, 1 match الجيش)");
  });
});

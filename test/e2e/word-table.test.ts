// The index's word table and its counts per day stay right as the files change: after a file is
// indexed again with other words, and after a file is removed (which shows again an article it
// shadowed), `words`, `collocates` and `trend` from the index give what a fresh index of the
// same files gives, and what the dumps give; counts read while changes are still logged (an
// index run not yet ended) are right too; and an index of the format before the word table kept
// its articles' words in order is refused, with the usual message.

import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wordsInIndex } from "../../src/app/words.js";
import { parseQuery } from "../../src/core/query.js";
import { defaultStopWords } from "../../src/core/stop-words.js";
import { ArticleIndex } from "../../src/io/article-index.js";
import { openSqlite } from "../../src/io/sqlite-binding.js";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { runNewsctl } from "../helpers/run-newsctl.js";
import { makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";

const FIRST: readonly ArticleText[] = [
  { headline: "الجيش يتقدم نحو المدينة", agency: "واس", date: "01 Jan 2021 ساعة 10:00", body: ["قال مسؤول إن الجيشَ دخل المدينة صباحا والأمير في السوق."], number: "61" },
  { headline: "سوق المدينة", agency: "تنا", date: "02 Jan 2021 ساعة 10:00", body: ["افتتح الأمير سوق المدينة والجيش يحرسها في الليل."], number: "62" },
];
const FIRST_CHANGED: readonly ArticleText[] = [
  { headline: "الطقس معتدل", agency: "واس", date: "01 Jan 2021 ساعة 10:00", body: ["الطقس معتدل في المدينة والامير يزور الجيش."], number: "61" },
];
// Article 62 again, published later: shown instead of the first file's while this file is there.
const SECOND: readonly ArticleText[] = [
  { headline: "سوق المدينة الكبير", agency: "تنا", date: "03 Jan 2021 ساعة 10:00", body: ["أغلق سوق المدينة الكبير وقال الأمير إن الجيش سيبقى."], number: "62" },
  { headline: "الإمارة تحتفل", agency: "سانا", date: "04 Jan 2021 ساعة 10:00", body: ["احتفلت المدينة بالأمير والجيش في الساحة الكبيرة."], number: "63" },
];
// A file that stays: ﷺ is one written word of four tokens; the node stands beside itself.
const THIRD: readonly ArticleText[] = [
  { headline: "الجيش الجيش", agency: "سانا", date: "04 Jan 2021 ساعة 11:00", body: ["قال النبي ﷺ إن الجيش في المدينة", "والجيشُ في الساحة."], number: "64" },
];

/** What each analysis prints, the same from the index and from the dumps. */
const ANALYSES: readonly (readonly string[])[] = [
  ["words", "--stop-words", "none"],
  ["words"],
  ["words", "--exact"],
  ["words", "الجيش"],
  ["words", "المدينة", "--exact", "--stop-words", "none"],
  ["words", "--agency", "واس"],
  ["collocates", "المدينة", "--min-together", "1"],
  ["collocates", "الجيش", "--min-together", "1", "--exact", "--window", "2"],
  ["collocates", "الله", "--min-together", "1", "--window", "3", "--stop-words", "none"],
  ["collocates", "الجيش", "--min-together", "1", "--window", "1", "--measure", "together"],
  ["trend", "الجيش", "--by", "day", "--split", "agency"],
  ["trend", "المدينة", "--by", "day"],
  ["trend", "-e", "الأمير", "-e", "الطقس", "--by", "month", "--agency", "واس"],
];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
  await mkdir(path.join(dir, "data"));
  await writeDump(dir, "data/first.txt", buildDump(FIRST).text);
  await writeDump(dir, "data/second.txt", buildDump(SECOND).text);
  await writeDump(dir, "data/third.txt", buildDump(THIRD).text);
});
afterAll(() => removeTempDir(dir));

async function run(args: readonly string[]): Promise<string> {
  const result = await runInProcess([...args, "--json"], { cwd: dir });
  expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function index(db: string): Promise<void> {
  const result = await runInProcess(["index", "data", "--db", db, "--quiet"], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
}

/**
 * Each analysis from the kept index equals a fresh index's, and the dumps' when no article
 * number is held twice (the dumps count both copies, the index shows one).
 */
async function expectSameAsFresh(kept: string, fresh: string, isLikeDumps: boolean): Promise<void> {
  await index(fresh);
  for (const analysis of ANALYSES) {
    const fromKept = await run([...analysis, "--db", kept]);
    expect(fromKept, analysis.join(" ")).toBe(await run([...analysis, "--db", fresh]));
    if (isLikeDumps) expect(fromKept, analysis.join(" ")).toBe(await run([...analysis, "data"]));
  }
}

describe("the word table and the counts per day", () => {
  it("counts as the dumps do after a file is indexed again with other words, and after a file is removed", async () => {
    await index("kept.db");
    await expectSameAsFresh("kept.db", "fresh-1.db", false);
    await writeDump(dir, "data/first.txt", buildDump(FIRST_CHANGED).text);
    await index("kept.db");
    await expectSameAsFresh("kept.db", "fresh-2.db", true);
    // The second file held the shown copy of article 62: removing it shows the first file's again.
    await writeDump(dir, "data/first.txt", buildDump(FIRST).text);
    await rm(path.join(dir, "data/second.txt"));
    await index("kept.db");
    await expectSameAsFresh("kept.db", "fresh-3.db", true);
    await writeDump(dir, "data/second.txt", buildDump(SECOND).text);
  });

  it("counts right while a removal's change is logged and not yet added to the counts", async () => {
    await index("logged.db");
    const writing = ArticleIndex.open(path.join(dir, "logged.db"), false);
    try {
      writing.inTransaction(() => writing.removeFile(path.join(dir, "data/second.txt")));
      await rm(path.join(dir, "data/second.txt"));
      const request = { query: null, matchOptions: { isStemming: true }, filter: {}, isExact: false, stopWords: [...defaultStopWords()], top: 100, minCount: 1 };
      expect(wordsInIndex(writing, request).rows).toEqual(JSON.parse(await run(["words", "data"])));
      expect(wordsInIndex(writing, { ...request, query: parseQuery("الجيش") }).rows).toEqual(JSON.parse(await run(["words", "الجيش", "data"])));
    } finally {
      writing.close();
      await writeDump(dir, "data/second.txt", buildDump(SECOND).text);
    }
  });

  it("is not read from an index of the format before it (the word table stored counts, not sequences): exit 2, 'made by an older newsctl'", async () => {
    await index("format-9.db");
    const raw = openSqlite(path.join(dir, "format-9.db"));
    raw.pragma("user_version = 9");
    raw.close();
    for (const args of [["words"], ["collocates", "الجيش"], ["kwic", "الجيش"]]) {
      const result = await runNewsctl([...args, "--db", "format-9.db"], { cwd: dir });
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("format-9.db: made by an older newsctl (index format 9; this one reads 10)");
      expect(result.stderr).toContain("hint: delete it and build it again");
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

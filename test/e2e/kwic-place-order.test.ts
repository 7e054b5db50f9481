// kwic from the index gives its lines in the order of files and lines, as from the dumps, both
// when the matches are few (their places sorted) and when they are many (the index of places
// walked in order): here the file first in place order is indexed last, so that the index's own
// order of articles is not the place order.

import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { csvObjects, makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";

/** Articles per file: two files hold more matches than the index sorts by place (it walks its index of places beyond 2,000). */
const MANY = 1_300;

function articles(first: number, count: number): ArticleText[] {
  return Array.from({ length: count }, (_, k) => ({
    headline: `خبر رقم ${first + k}`,
    agency: "واس",
    date: "01 Jan 2021 ساعة 10:00",
    // Every article holds الجيش; one in 500 holds نادرة too.
    body: [`قال المتحدث إن الجيش وصل ${(first + k) % 500 === 0 ? "نادرة " : ""}إلى الموقع ${first + k}.`],
    number: String(first + k),
  }));
}

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
  await mkdir(path.join(dir, "data"));
  await writeDump(dir, "data/b.txt", buildDump(articles(1, MANY)).text);
  const first = await runInProcess(["index", "data", "--db", "news.db", "--quiet"], { cwd: dir });
  expect(first.code, first.stderr).toBe(0);
  await writeDump(dir, "data/a.txt", buildDump(articles(5001, MANY)).text);
  const second = await runInProcess(["index", "data", "--db", "news.db", "--quiet"], { cwd: dir });
  expect(second.code, second.stderr).toBe(0);
}, 120_000);
afterAll(() => removeTempDir(dir));

async function kwic(args: readonly string[]): Promise<Record<string, string>[]> {
  const result = await runInProcess(["kwic", ...args, "--csv", "--width", "2"], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return csvObjects(result.stdout) as Record<string, string>[];
}

describe("kwic from the index, in place order", () => {
  it("gives every line of a word in 2,600 articles as the dumps do, a.txt's first", async () => {
    const fromIndex = await kwic(["الجيش", "--db", "news.db"]);
    expect(fromIndex).toHaveLength(2 * MANY);
    expect(fromIndex).toEqual(await kwic(["الجيش", "data"]));
    expect(fromIndex.slice(0, 3).map((line) => [line.file, line.id])).toEqual([
      ["data/a.txt", "5001"],
      ["data/a.txt", "5002"],
      ["data/a.txt", "5003"],
    ]);
  });

  it("stops at --limit with the first lines in place order", async () => {
    const limited = await kwic(["الجيش", "--db", "news.db", "--limit", "4"]);
    expect(limited.map((line) => line.id)).toEqual(["5001", "5002", "5003", "5004"]);
  });

  it("gives a rare word's lines (sorted by place) as the dumps do", async () => {
    const fromIndex = await kwic(["نادرة", "--db", "news.db"]);
    expect(fromIndex.map((line) => [line.file, line.id])).toEqual([
      ["data/a.txt", "5500"],
      ["data/a.txt", "6000"],
      ["data/b.txt", "500"],
      ["data/b.txt", "1000"],
    ]);
    expect(fromIndex).toEqual(await kwic(["نادرة", "data"]));
  });
});

// The index at its edges: a file that fails half-way, a folder named two ways, an export onto
// the index itself, and duplicates with equal times.

import { readFile, writeFile, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { runNewsctl } from "../helpers/run-newsctl.js";
import { makeTempDir, parseNdjson, removeTempDir } from "../helpers/support.js";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await removeTempDir(dir);
});

const article = (number: string, body: string, date = "2021-03-01 10:00"): ArticleText => ({
  headline: `خبر رقم ${number}`,
  agency: "واس",
  date,
  body: [body],
  number,
});

describe("the index at its edges", () => {
  it("keeps no record of a file that fails half-way, and files none under the next file", async () => {
    const folder = path.join(dir, "half");
    await mkdir(folder, { recursive: true });
    // ASCII articles (no number lines, so no Arabic) for longer than one read, parsed while the
    // encoding is still open, then NUL bytes: the file turns out not to be text.
    const weather = (i: number): ArticleText => ({ headline: `Weather report ${i}`, agency: "Agency", date: "25 Jan 2021 11:27", body: ["A short ASCII paragraph about the weather."] });
    const { text } = buildDump(Array.from({ length: 3000 }, (_, i) => weather(i)));
    await writeFile(path.join(folder, "a.txt"), Buffer.concat([Buffer.from(text), Buffer.alloc(70_000)]));
    await writeFile(path.join(folder, "b.txt"), buildDump([article("1", "افتتاح معرض الكتاب.")]).text);
    const db = path.join(dir, "half.db");
    const result = await runNewsctl(["index", folder, "--db", db, "--jobs", "1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("a.txt: not a text file");
    const records = parseNdjson((await runNewsctl(["export", "--db", db])).stdout) as Array<{ id: string; file: string }>;
    expect(records.map((record) => [record.id, path.basename(record.file)])).toEqual([["1", "b.txt"]]);
  });

  it("knows a folder named two ways as the same files", async () => {
    const folder = path.join(dir, "named");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "a.txt"), buildDump([article("7", "اجتماع وزاري.")]).text);
    const db = path.join(dir, "named.db");
    expect((await runNewsctl(["index", "named", "--db", db], { cwd: dir })).code).toBe(0);
    const again = await runNewsctl(["index", `./named/`, "--db", db], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("0 files indexed, 1 unchanged, 0 gone; 1 articles in the index");
    // From elsewhere, by its full path: still the same file, nothing gone.
    const elsewhere = await runNewsctl(["index", folder, "--db", db], { cwd: "/" });
    expect(elsewhere.stderr).toContain("0 files indexed, 1 unchanged, 0 gone");
  });

  it("refuses to export onto the index it reads", async () => {
    const folder = path.join(dir, "self");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "a.txt"), buildDump([article("9", "تقرير.")]).text);
    const db = path.join(dir, "self.db");
    await runNewsctl(["index", folder, "--db", db]);
    const before = await readFile(db);
    const result = await runNewsctl(["export", "--db", db, "-o", db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is the index being read");
    expect((await readFile(db)).equals(before)).toBe(true);
  });

  it("shows the same one of equal-time duplicates whatever the order of indexing", async () => {
    const folder = path.join(dir, "dupes");
    await mkdir(folder, { recursive: true });
    for (const name of ["a", "b", "c"]) await writeFile(path.join(folder, `${name}.txt`), buildDump([article("42", `نسخة ${name}.`)]).text);
    const db = path.join(dir, "dupes.db");
    await runNewsctl(["index", folder, "--db", db]);
    const shown = async () => path.basename((parseNdjson((await runNewsctl(["show", "42", "--db", db, "--json"])).stdout)[0] as { file: string }).file);
    expect(await shown()).toBe("a.txt"); // equal times: the earliest file
    await writeFile(path.join(folder, "a.txt"), buildDump([article("42", "نسخة أ معدلة."), article("43", "خبر آخر.")]).text);
    await runNewsctl(["index", folder, "--db", db]);
    expect(await shown()).toBe("a.txt");
    await rm(path.join(folder, "a.txt"));
    await runNewsctl(["index", folder, "--db", db]);
    expect(await shown()).toBe("b.txt"); // as a fresh index of b and c would show
  });
});

// Defects of the command layer that a user met, run through run() in process: an option offered
// and ignored, an option accepted that does nothing, a promise that failed with no one to hear.

import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-in-process.js";
import { DAMAGED_DUMP, makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";
import { buildDump } from "../helpers/dump-text.js";

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe("show --fields", () => {
  it("prints only the fields named, in that order", async () => {
    const result = await runInProcess(["show", "490728", "seeds", "--json", "--fields", "id,agency"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${JSON.stringify({ id: "490728", agency: "تنا" })}\n`);
  });

  it("without --json is a usage error that says how to use it", async () => {
    const result = await runInProcess(["show", "490728", "seeds", "--fields", "id"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl: --fields chooses the fields of --json output/);
    expect(result.stderr).toMatch(/hint: add --json/);
  });
});

describe("check", () => {
  it("does not offer --strict, which it could only ignore: every problem already exits 2", async () => {
    const result = await runInProcess(["check", "seeds", "--strict"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^newsctl: unknown option '--strict'/);
    expect(result.stdout).toBe("");
  });

  it("exits 2 on a damaged dump without being asked to be strict", async () => {
    const file = await writeDump(dir, "damaged.txt", buildDump(DAMAGED_DUMP).text);
    const result = await runInProcess(["check", file]);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toBe("");
  });
});

describe("--include '' while a progress line is drawn", () => {
  it("is a usage error with exit 2 and no stack, and nothing fails unheard", async () => {
    const out = path.join(dir, "out.ndjson");
    const unheard: unknown[] = [];
    const listen = (reason: unknown) => unheard.push(reason);
    process.on("unhandledRejection", listen);
    const result = await runInProcess(["export", "seeds", "--include", "", "-o", out], { isStderrTerminal: true, env: { NO_COLOR: "1" } });
    // The walk that counts the progress line's totals runs beside the reading: let it end.
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.off("unhandledRejection", listen);
    expect(unheard).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('newsctl: --include "": the pattern is empty\n');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("counts in any digit set", () => {
  it("--limit ٢ is --limit 2, as --id ٤٩٠٧٢٨ is --id 490728", async () => {
    const file = await writeDump(dir, "three.txt", threeArticles());
    const arabic = await runInProcess(["parse", file, "--limit", "٢", "--fields", "id"]);
    const ascii = await runInProcess(["parse", file, "--limit", "2", "--fields", "id"]);
    expect(arabic.code).toBe(0);
    expect(arabic.stdout).toBe(ascii.stdout);
    expect(arabic.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("--jobs ۲ (Persian digits) is read too, and a word is still refused", async () => {
    expect((await runInProcess(["parse", "seeds", "--jobs", "۲"])).code).toBe(0);
    const word = await runInProcess(["parse", "seeds", "--limit", "two"]);
    expect(word.code).toBe(2);
    expect(word.stderr).toBe('newsctl: --limit: "two" is not a whole number\n');
  });
});

describe("options that read dumps, given with --db", () => {
  it.each([["--jobs", "2"], ["--include", "*.dump"], ["--tz", "UTC"]])("%s is refused, not ignored", async (flag, value) => {
    const result = await runInProcess(["search", "الجيش", "--db", "news.db", flag, value]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^newsctl: ${flag} applies when dumps are read`));
  });
});

function threeArticles(): string {
  return buildDump([1, 2, 3].map((n) => ({ headline: `عنوان الخبر ${n}`, agency: "تنا", date: `25 Jan 2021 ساعة 11:2${n}`, body: [`نص الخبر رقم ${n}.`], number: `${n}` }))).text;
}

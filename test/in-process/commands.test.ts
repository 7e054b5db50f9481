// In process, through run(): `show`, `check` and `export`: reading one article, validating dumps, and writing files with -o safely.

import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDump } from "../helpers/dump-text.js";
import { seedPath } from "../helpers/run-newsctl.js";
import { runInProcess } from "../helpers/run-in-process.js";
import {
  contractFields,
  csvObjects,
  DAMAGED_DUMP,
  escapeRegExp,
  expectedSeedRecord,
  expectValidRecords,
  makeTempDir,
  parseNdjson,
  removeTempDir,
  seedBodyParagraphs,
  writeDump,
} from "../helpers/support.js";

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe("show", () => {
  it("show 490728 seeds prints the headline and every body paragraph, in order, and exits 0", async () => {
    const result = await runInProcess(["show", "490728", "seeds"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const expected = expectedSeedRecord("seeds/000_dd904baf685b1fec.txt");
    const lines = result.stdout.split("\n");
    expect(lines).toContain(expected.headline);
    let previous = lines.indexOf(expected.headline!);
    for (const paragraph of seedBodyParagraphs()) {
      const at = lines.indexOf(paragraph, previous + 1);
      expect(at, `paragraph missing or out of order: ${paragraph.slice(0, 40)}…`).toBeGreaterThan(previous);
      previous = at;
    }
  });

  it("show 999 seeds exits 1 with a newsctl: message and prints no article", async () => {
    const result = await runInProcess(["show", "999", "seeds"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl:.*999/);
  });

  it("show with Arabic-Indic digits (٤٩٠٧٢٨) finds the article", async () => {
    const result = await runInProcess(["show", "٤٩٠٧٢٨", "seeds"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toContain(expectedSeedRecord("-").headline);
  });

  it("show with Persian digits (۴۹۰۷۲۸) finds the article", async () => {
    const result = await runInProcess(["show", "۴۹۰۷۲۸", "seeds"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toContain(expectedSeedRecord("-").headline);
  });

  it("show 490728 seeds --json prints the record (a JSON object)", async () => {
    const result = await runInProcess(["show", "490728", "seeds", "--json"]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as unknown;
    expect(Array.isArray(parsed), "show --json printed an array, not the record").toBe(false);
    expectValidRecords([parsed]);
    expect(contractFields(parsed)).toEqual(expectedSeedRecord("seeds/000_dd904baf685b1fec.txt"));
  });

  it("show reads the article from stdin too", async () => {
    const result = await runInProcess(["show", "490728", "-"], { input: await readFile(seedPath) });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toContain(expectedSeedRecord("-").headline);
  });

  it("show with an id that is not a number is a usage error", async () => {
    const result = await runInProcess(["show", "abc", "seeds"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl:/);
  });
});

describe("check", () => {
  it("check seeds exits 0 and prints nothing on stdout", async () => {
    const result = await runInProcess(["check", "seeds"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
  });

  it("check on a dump with a damaged article prints FILE:LINE: missing-number: ... on stdout and exits 2", async () => {
    const { text, firstLines } = buildDump(DAMAGED_DUMP);
    const file = await writeDump(dir, "damaged.txt", text);
    const result = await runInProcess(["check", file]);
    expect(result.code).toBe(2);
    const lines = result.stdout.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(1);
    const match = new RegExp(`^${escapeRegExp(file)}:(\\d+): missing-number: \\S.*$`).exec(lines[0]!);
    expect(match, `stdout: ${result.stdout}`).not.toBeNull();
    const line = Number(match![1]);
    expect(line).toBeGreaterThanOrEqual(firstLines[1]!);
    expect(line).toBeLessThan(firstLines[2]!);
  });

  it("check with a missing path exits 2", async () => {
    const result = await runInProcess(["check", "seeds", path.join(dir, "absent.txt")]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")).toContain(`newsctl: ${path.join(dir, "absent.txt")}: no such file or directory`);
  });
});

describe("export", () => {
  it("export seeds --json -o OUT writes OUT that JSON.parse reads, prints nothing, and leaves no temporary file", async () => {
    const out = path.join(dir, "articles.json");
    const result = await runInProcess(["export", "seeds", "--json", "-o", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    const records = JSON.parse(await readFile(out, "utf8")) as unknown[];
    expect(Array.isArray(records)).toBe(true);
    expectValidRecords(records);
    expect(records.map(contractFields)).toEqual([expectedSeedRecord("seeds/000_dd904baf685b1fec.txt")]);
    expect(await readdir(dir)).toEqual(["articles.json"]);
  });

  it("export -o FILE.csv picks CSV from the extension", async () => {
    const out = path.join(dir, "articles.csv");
    const result = await runInProcess(["export", "seeds", "-o", out]);
    expect(result.code).toBe(0);
    const rows = csvObjects(await readFile(out, "utf8"));
    expect(rows).toHaveLength(1);
    const expected = expectedSeedRecord("seeds/000_dd904baf685b1fec.txt");
    expect(rows[0]!.id).toBe(expected.id);
    expect(rows[0]!.body).toBe(expected.body);
    expect(await readdir(dir)).toEqual(["articles.csv"]);
  });

  it("export -o FILE.json picks JSON from the extension", async () => {
    const out = path.join(dir, "articles.json");
    const result = await runInProcess(["export", "seeds", "-o", out]);
    expect(result.code).toBe(0);
    const records = JSON.parse(await readFile(out, "utf8")) as unknown[];
    expect(records.map(contractFields)).toEqual([expectedSeedRecord("seeds/000_dd904baf685b1fec.txt")]);
  });

  it("export to stdout without a format is NDJSON", async () => {
    const result = await runInProcess(["export", "seeds"]);
    expect(result.code).toBe(0);
    expect(parseNdjson(result.stdout).map(contractFields)).toEqual([expectedSeedRecord("seeds/000_dd904baf685b1fec.txt")]);
  });

  it("export -o DIR (a directory) exits 2 and writes nothing", async () => {
    const target = path.join(dir, "out");
    await mkdir(target);
    const result = await runInProcess(["export", "seeds", "--json", "-o", target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^newsctl:/);
    expect(await readdir(target)).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(["out"]);
  });

  it("export with -o equal to the input file is refused with exit 2 and the input is unchanged", async () => {
    const input = path.join(dir, "dump.txt");
    await copyFile(seedPath, input);
    const before = await readFile(input);
    const result = await runInProcess(["export", input, "--json", "-o", input]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^newsctl:/);
    expect((await readFile(input)).equals(before)).toBe(true);
    expect(await readdir(dir)).toEqual(["dump.txt"]);
  });

  it("export DIR with -o naming a dump inside DIR (an input file) is refused and the dump is unchanged", async () => {
    const input = path.join(dir, "dump.txt");
    await copyFile(seedPath, input);
    const before = await readFile(input);
    const result = await runInProcess(["export", dir, "--json", "-o", input]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^newsctl:/);
    expect((await readFile(input)).equals(before)).toBe(true);
  });

  it("export GLOB with -o naming a file the glob matches (an input file) is refused and the dump is unchanged", async () => {
    const input = path.join(dir, "dump.txt");
    await copyFile(seedPath, input);
    const before = await readFile(input);
    const result = await runInProcess(["export", path.join(dir, "*.txt"), "--json", "-o", input]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^newsctl:/);
    expect((await readFile(input)).equals(before)).toBe(true);
  });

  it.each([[["export", "seeds", "--format", "table"]], [["export", "--format", "table"]]])("%j is a usage error: exit 2, newsctl: message, no data", async (args) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl:/);
  });

  it("export --format table -o FILE is a usage error and writes nothing", async () => {
    const out = path.join(dir, "table.txt");
    const result = await runInProcess(["export", "seeds", "--format", "table", "-o", out]);
    expect(result.code).toBe(2);
    expect(await readdir(dir)).toEqual([]);
  });

  it("export with a missing input beside a good one still writes the good records and exits 2", async () => {
    const out = path.join(dir, "articles.ndjson");
    const result = await runInProcess(["export", "seeds", path.join(dir, "absent.txt"), "-o", out]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")).toContain(`newsctl: ${path.join(dir, "absent.txt")}: no such file or directory`);
    const records = parseNdjson(await readFile(out, "utf8"));
    expect(records.map(contractFields)).toEqual([expectedSeedRecord("seeds/000_dd904baf685b1fec.txt")]);
  });
});

// Paths relative to the directory newsctl is started in: a problem names the file as it was
// given, and -o naming an input by another spelling is still the input. They need a process of
// their own, started in a directory of the test's.

import { copyFile, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDump } from "../helpers/dump-text.js";
import { runNewsctl, seedPath } from "../helpers/run-newsctl.js";
import { DAMAGED_DUMP, makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe("relative paths", () => {
  it("check names the file as given when it is relative", async () => {
    await writeDump(dir, "damaged.txt", buildDump(DAMAGED_DUMP).text);
    const result = await runNewsctl(["check", "damaged.txt"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^damaged\.txt:\d+: missing-number: /);
  });

  it("export with -o naming the input by another spelling (./dump.txt vs dump.txt) is refused", async () => {
    await copyFile(seedPath, path.join(dir, "dump.txt"));
    const before = await readFile(path.join(dir, "dump.txt"));
    const result = await runNewsctl(["export", "dump.txt", "--json", "-o", "./dump.txt"], { cwd: dir });
    expect(result.code).toBe(2);
    expect((await readFile(path.join(dir, "dump.txt"))).equals(before)).toBe(true);
  });
});

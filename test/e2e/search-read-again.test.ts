// `search --limit` over files reads the shown articles again once all are ranked: a file changed
// in place meanwhile, even to text of the same length with the same number and date, is
// reported rather than printed as if it had been ranked.

import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump } from "../helpers/dump-text.js";
import { newsctlArgv } from "../helpers/run-newsctl.js";
import { makeTempDir, removeTempDir } from "../helpers/support.js";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe("search --limit reading the shown articles again", () => {
  it("reports a file changed in place to the same length between the two readings", async () => {
    const file = path.join(dir, "a.txt");
    // No number line: the match's warning on stderr shows that the file has been read.
    const { text } = buildDump([{ headline: "افتتاح معرض الكتاب", agency: "واس", date: "2021-03-01 10:00", body: ["افتتح الوزير معرض الكتاب اليوم في المدينة"] }]);
    await writeFile(file, text);
    // The file first, then standard input, which the test holds open until the file has changed.
    const child = spawn(process.execPath, newsctlArgv(["search", "معرض", file, "-", "--limit", "1", "--jobs", "1", "--ndjson"]), { env: { PATH: process.env.PATH ?? "/usr/bin:/bin" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.on("close", resolve));
    await new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("missing-number")) resolve();
      });
    });
    // Same length, same headline, agency and date: only the body's words differ.
    const changed = text.replace("المدينة", "العاصمة");
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
    await writeFile(file, changed, { flag: "r+" });
    expect(await readFile(file, "utf8")).toContain("العاصمة");
    child.stdin.end("");
    expect(await exit).toBe(2);
    expect(stderr).toContain(`${file}:1: the article changed while the search read it`);
    expect(stdout).not.toContain("العاصمة");
  });
});

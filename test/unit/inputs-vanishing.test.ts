// Files that disappear while a walk goes on: what was listed but is gone when read is reported
// as unreadable, and the files after it are still read.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { includeMatcher } from "../../src/core/glob.js";
import { expandInputs } from "../../src/io/inputs.js";
import { readDump, type DumpSource } from "../../src/io/read-dump.js";
import { buildDump } from "../helpers/dump-text.js";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const DUMP = buildDump([{ headline: "عنوان", agency: "تنا", date: "25 Jan 2021 ساعة 11:27", body: ["نص الخبر."], number: "1" }]).text;

describe("a file that vanishes mid-walk", () => {
  it("is reported when it cannot be read, and the next file is still read", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "newsctl-vanish-"));
    for (const name of ["a.txt", "b.txt", "c.txt"]) await writeFile(path.join(dir, name), DUMP);
    const outcomes: string[] = [];
    for await (const source of expandInputs([dir], { include: { pattern: "*.txt", matches: includeMatcher("*.txt") }, isStdinTerminal: true })) {
      if (source instanceof InputError) {
        outcomes.push(`error ${source.message}`);
        continue;
      }
      // The walk has listed b.txt; it goes away before its turn.
      if (source.name.endsWith("a.txt")) await rm(path.join(dir, "b.txt"));
      outcomes.push(await readOutcome(source));
    }
    expect(outcomes).toEqual([`read ${dir}/a.txt 1`, `unreadable ${dir}/b.txt: no such file or directory`, `read ${dir}/c.txt 1`]);
  });
});

async function readOutcome(source: DumpSource): Promise<string> {
  try {
    let records = 0;
    for await (const items of readDump(source, { stdin: process.stdin })) records += items.filter((item) => item.record !== null).length;
    return `read ${source.name} ${records}`;
  } catch (error) {
    if (error instanceof InputError) return `unreadable ${error.message}`;
    throw error;
  }
}

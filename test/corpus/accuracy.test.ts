// Accuracy on real dumps: ../shared/corpus (2,036 Saudi newspaper articles laid out in every
// variation of the dump format) parsed by the built binary and compared field by field with
// its gold.jsonl. Skipped where ../shared is not beside the project.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot, runNewsctl } from "../helpers/run-newsctl.js";

const corpusRoot = path.resolve(projectRoot, "../shared/corpus/saudinewsnet-2015-07-22");
const hasCorpus = existsSync(path.join(corpusRoot, "gold.jsonl"));
const FIELDS = ["id", "headline", "subheadline", "lead", "agency", "published", "desk", "body"] as const;
const REQUIRED_SHARE = 0.999;

interface Gold {
  file: string;
  line: number;
  id: string | null;
  [field: string]: unknown;
}

describe.skipIf(!hasCorpus)("the shared corpus", () => {
  it("parses every article with every field exact, and warns about every damaged one", async () => {
    const gold = readFileSync(path.join(corpusRoot, "gold.jsonl"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Gold);
    const result = await runNewsctl(["export", "dumps", "--ndjson", "--quiet"], { cwd: corpusRoot });
    expect(result.code).toBe(0);
    const records = new Map<string, Record<string, unknown>>();
    for (const line of result.stdout.split("\n")) {
      if (line === "") continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      records.set(`${String(record.file)}:${String(record.line)}`, record);
    }

    const exactByField = Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<(typeof FIELDS)[number], number>;
    let allExact = 0;
    let damaged = 0;
    let damagedWarned = 0;
    const misses: string[] = [];
    for (const expected of gold) {
      const record = records.get(`${expected.file}:${expected.line}`);
      let isExact = record !== undefined;
      for (const field of FIELDS) {
        if (record !== undefined && record[field] === expected[field]) exactByField[field]++;
        else {
          isExact = false;
          if (misses.length < 5) misses.push(`${expected.file}:${expected.line} ${field}`);
        }
      }
      if (isExact) allExact++;
      if (expected.id === null) {
        damaged++;
        if (record !== undefined && (record.warnings as string[]).includes("missing-number")) damagedWarned++;
      }
    }
    const total = gold.length;
    expect(allExact / total, `first differences: ${misses.join(", ")}`).toBeGreaterThanOrEqual(REQUIRED_SHARE);
    for (const field of FIELDS) expect(exactByField[field] / total, field).toBeGreaterThanOrEqual(REQUIRED_SHARE);
    expect(records.size).toBe(total); // nothing extra, nothing lost
    expect(damaged).toBeGreaterThan(0);
    expect(damagedWarned).toBe(damaged);
  });
});

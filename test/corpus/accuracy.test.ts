// Accuracy on real dumps: ../shared/corpus (2,036 Saudi newspaper articles laid out in every
// variation of the dump format) parsed by the built binary and compared field by field with
// its gold.jsonl. Skipped where ../shared is not beside the project.

import { describe, expect, it } from "vitest";
import { runNewsctl } from "../helpers/run-newsctl.js";
import { compareWithGold, corpusRoot, GOLD_FIELDS, hasCorpus } from "./gold.js";

const REQUIRED_SHARE = 0.999;

describe.skipIf(!hasCorpus)("the shared corpus", () => {
  it("parses every article with every field exact, and warns about every damaged one", async () => {
    const result = await runNewsctl(["export", "dumps", "--ndjson", "--quiet"], { cwd: corpusRoot });
    expect(result.code).toBe(0);
    const records = result.stdout
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const comparison = compareWithGold(records);
    const { total } = comparison;
    expect(comparison.allExact / total, `first differences: ${comparison.misses.join(", ")}`).toBeGreaterThanOrEqual(REQUIRED_SHARE);
    for (const field of GOLD_FIELDS) expect(comparison.exactByField[field] / total, field).toBeGreaterThanOrEqual(REQUIRED_SHARE);
    expect(records).toHaveLength(total); // nothing extra, nothing lost
    expect(comparison.extra).toBe(0);
    expect(comparison.damaged).toBeGreaterThan(0);
    expect(comparison.damagedWarned).toBe(comparison.damaged);
  });
});

// The shared corpus parsed in this process, through the same reader the binary uses, so that
// mutation testing (which changes the sources, not the built binary) sees what the corpus
// demands of the parser, the dates and the folding. Every field of every article must be exact.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDump } from "../../src/io/read-dump.js";
import { compareWithGold, corpusRoot, hasCorpus, readGold } from "./gold.js";

describe.skipIf(!hasCorpus)("the shared corpus, parsed in process", () => {
  it("gives every gold article with every field exact, nothing extra, every damaged one warned", async () => {
    const gold = readGold();
    const files = [...new Set(gold.map((expected) => expected.file))].sort();
    const records: Array<Record<string, unknown>> = [];
    for (const file of files) {
      for await (const items of readDump({ name: file, path: path.join(corpusRoot, file) }, { stdin: process.stdin })) {
        for (const item of items) if (item.record !== null) records.push(item.record as unknown as Record<string, unknown>);
      }
    }
    const comparison = compareWithGold(records, gold);
    expect(comparison.misses, "fields that differ").toEqual([]);
    expect(comparison.allExact).toBe(gold.length);
    expect(records).toHaveLength(gold.length);
    expect(comparison.damagedWarned).toBe(comparison.damaged);
    // Only the damaged articles carry a warning.
    expect(records.filter((record) => (record.warnings as string[]).length > 0)).toHaveLength(comparison.damaged);
  });
});

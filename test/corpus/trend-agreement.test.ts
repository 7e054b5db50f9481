// On real text, a trend's matches summed over its periods are the articles `search --count`
// finds (those without a date aside, which trend counts on stderr), for ten queries of every
// kind, from the dumps and from an index of them. Skipped where ../shared is not beside the project.

import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-in-process.js";
import { projectRoot } from "../helpers/run-newsctl.js";
import { makeTempDir, removeTempDir } from "../helpers/support.js";

const corpusRoot = path.resolve(projectRoot, "../shared/corpus/saudinewsnet-2015-07-22");
const hasCorpus = existsSync(path.join(corpusRoot, "gold.jsonl"));

const QUERIES = ["السعودية", "الرياض", "أمير", "مسؤول", '"خادم الحرمين"', "headline:الملك", "النفط OR البترول", "وزارة -الصحة", "اقتصاد*", "٢٠١٥"];

describe.skipIf(!hasCorpus)("trend over the shared corpus", () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await makeTempDir();
    db = path.join(dir, "news.db");
    const indexed = await runInProcess(["index", ".", "--db", db, "--quiet"], { cwd: corpusRoot });
    expect(indexed.code, indexed.stderr).toBe(0);
  }, 120_000);
  afterAll(() => removeTempDir(dir));

  const sources = () => [["dumps", ["."]], ["the index", ["--db", db]]] as const;

  it.each(QUERIES)("sums %s over the periods to search --count, from the dumps and the index", async (query) => {
    for (const [name, source] of sources()) {
      const trend = await runInProcess(["trend", query, ...source, "--by", "day", "--json", "--quiet"], { cwd: corpusRoot });
      const counted = await runInProcess(["search", query, ...source, "--count", "--quiet"], { cwd: corpusRoot });
      const rows = JSON.parse(trend.stdout) as Array<{ matches: number }>;
      const undated = Number(/(\d+) match /.exec(trend.stderr)?.[1] ?? 0);
      const count = Number(counted.stdout.trim());
      expect(count, `${query} from ${name}`).toBeGreaterThan(0);
      expect(rows.reduce((sum, row) => sum + row.matches, 0) + undated, `${query} from ${name}`).toBe(count);
    }
  }, 60_000);
});

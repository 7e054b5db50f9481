// One dump file of 200,000 tiny articles: `index` writes it as it reads it and `dedup` keeps a
// fingerprint of each article, not its record, so neither one's memory grows with the articles
// of one file beyond a few hundred bytes each. (The peak is read from the process itself, as
// bench/peak-rss.mjs reports it; the bounds are wide, the measured peaks well under them.)

import { createWriteStream } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot, runNewsctl } from "../helpers/run-newsctl.js";
import { makeTempDir, removeTempDir } from "../helpers/support.js";

const ARTICLES = 200_000;
const PEAK_RSS_HOOK = { NODE_OPTIONS: `--import ${pathToHook()}` };

function pathToHook(): string {
  return path.join(projectRoot, "bench", "peak-rss.mjs");
}

let dir: string;
let dump: string;

beforeAll(async () => {
  dir = await makeTempDir();
  dump = path.join(dir, "tiny.txt");
  const out = createWriteStream(dump);
  const words = ["الجيش", "الاقتصاد", "النفط", "الوزير"];
  for (let start = 0; start < ARTICLES; start += 10_000) {
    const block: string[] = [];
    for (let i = start; i < start + 10_000; i++) {
      block.push(`خبر ${words[i % 4]} ${i % 1000}\nواس\n2021-03-${String((i % 27) + 1).padStart(2, "0")} 10:${String(i % 60).padStart(2, "0")}\n${words[(i + 1) % 4]} ${i}\nرقم: ${1_000_000 + i}\n`);
    }
    if (!out.write(`${block.join("\n")}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
});
afterAll(async () => {
  await removeTempDir(dir);
});

function peakMegabytes(stderr: string): number {
  const match = /newsctl-bench peak-rss-kb (\d+)/.exec(stderr);
  expect(match, stderr).not.toBeNull();
  return Number(match![1]) / 1024;
}

describe("one file of 200,000 tiny articles", () => {
  it("is indexed whole within 320 MB", { timeout: 180_000 }, async () => {
    const db = path.join(dir, "tiny.db");
    const result = await runNewsctl(["index", dump, "--db", db], { env: PEAK_RSS_HOOK });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`1 files indexed, 0 unchanged, 0 gone; ${ARTICLES} articles in the index`);
    expect(peakMegabytes(result.stderr)).toBeLessThan(320);
    const count = await runNewsctl(["search", "--db", db, "--count", "الجيش"]);
    expect(count.stdout).toBe(`${ARTICLES / 2}\n`);
  });

  it("is searched for copies within 200 MB", { timeout: 180_000 }, async () => {
    const result = await runNewsctl(["dedup", dump, "--json"], { env: PEAK_RSS_HOOK });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("[]\n");
    expect(result.stderr).toContain(`${ARTICLES} articles: 0 copies`);
    expect(peakMegabytes(result.stderr)).toBeLessThan(200);
  });
});

// Long queries against the index: many exclusions and many alternatives are answered as a scan
// of the dumps answers them, on the command line and in `newsctl serve`, and a query beyond the
// words a search takes is refused, for the dumps and the index alike, as a usage error.

import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_QUERY_WORDS } from "../../src/core/query.js";
import type { RunningServer } from "../../src/web/server.js";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { projectRoot, runNewsctl } from "../helpers/run-newsctl.js";
import { makeTempDir, parseNdjson, removeTempDir, writeDump } from "../helpers/support.js";

let dir: string;
let db: string;
let server: RunningServer | undefined;

// Every article speaks of the army; some also carry a marker word (w7, w50 ...) that an
// exclusion takes away, or a word that matches only by its stem (والجيش) or only exactly.
const articles: ArticleText[] = Array.from({ length: 40 }, (_, i) => ({
  headline: `خبر ${i} عن ${i % 3 === 0 ? "والجيش" : "الجيش"}`,
  agency: "واس",
  date: `2021-03-${String((i % 27) + 1).padStart(2, "0")} 10:${String(i).padStart(2, "0")}`,
  body: [`نص الخبر w${(i * 7) % 120} وفيه ${i % 4 === 0 ? "قوات التحالف" : "كلام آخر"} ويا${i % 5}`],
  number: String(9000 + i),
}));

beforeAll(async () => {
  dir = await makeTempDir();
  await writeDump(dir, "a.txt", buildDump(articles.slice(0, 20)).text);
  await writeDump(dir, "b.txt", buildDump(articles.slice(20)).text);
  db = path.join(dir, "news.db");
  const built = await runNewsctl(["index", dir, "--db", db, "--quiet"]);
  expect(built.code, built.stderr).toBe(0);
});
afterAll(async () => {
  await server?.close();
  await removeTempDir(dir);
});

const exclusions = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `-${prefix}${i}`).join(" ");
const places = (stdout: string) => (parseNdjson(stdout) as Array<{ file: string; line: number; score: number }>).map((hit) => `${path.basename(hit.file)}:${hit.line}:${hit.score}`);

describe("long queries against the index", () => {
  it.each([
    ["a word and 120 exclusions", `الجيش ${exclusions(120, "w")}`],
    ["a stemmed word, an exact one and a phrase, with exclusions of each kind", `الجيش OR "الجيش" OR "قوات التحالف" -headline:خبر3 ${exclusions(100, "w")} -"قوات التحالف" -ويا1*`],
    ["an OR of 200 words", Array.from({ length: 200 }, (_, i) => `w${i}`).join(" OR ")],
    ["200 words that must all match", Array.from({ length: 200 }, () => "الجيش").join(" ")],
  ])("answers %s as the scan does", async (_name, query) => {
    for (const limit of [[], ["--limit", "3"]]) {
      const fromIndex = await runNewsctl(["search", "--db", db, "--ndjson", ...limit, "--", query]);
      const fromDumps = await runNewsctl(["search", "--ndjson", "--quiet", ...limit, "--", query, dir]);
      expect(fromIndex.stderr).toBe("");
      expect(fromIndex.code).toBe(fromDumps.code);
      expect(places(fromIndex.stdout)).toEqual(places(fromDumps.stdout));
    }
    const counted = await runNewsctl(["search", "--db", db, "--count", "--", query]);
    const scanned = await runNewsctl(["search", "--count", "--quiet", "--", query, dir]);
    expect(counted.stdout).toBe(scanned.stdout);
  });

  it("takes away what many exclusions name", async () => {
    const result = await runNewsctl(["search", "--db", db, "--count", "--", `الجيش ${exclusions(120, "w")}`]);
    // Markers w0 to w119 cover every article.
    expect(result.stdout.trim()).toBe("0");
    const some = await runNewsctl(["search", "--db", db, "--count", "--", `الجيش ${exclusions(95, "w")}`]);
    expect(Number(some.stdout)).toBeGreaterThan(0);
    expect(Number(some.stdout)).toBeLessThan(articles.length);
  });

  it(`refuses a query of more than ${MAX_QUERY_WORDS} words as a usage error, from the dumps and the index`, async () => {
    const query = `الجيش ${exclusions(MAX_QUERY_WORDS, "w")}`;
    for (const source of [["--db", db, "--", query], ["--", query, dir]]) {
      const result = await runNewsctl(["search", ...source]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`more than ${MAX_QUERY_WORDS} words`);
      expect(result.stderr).not.toContain("internal error");
    }
    // A phrase counts each of its words.
    const phrase = `"${Array.from({ length: MAX_QUERY_WORDS + 1 }, () => "الجيش").join(" ")}"`;
    expect((await runNewsctl(["search", "--db", db, "--", phrase])).code).toBe(2);
    const most = await runNewsctl(["search", "--db", db, "--count", "--", `الجيش ${exclusions(MAX_QUERY_WORDS - 1, "w")}`]);
    expect([most.stdout, most.stderr]).toEqual(["0\n", ""]);
  });

  it("answers 100 two-letter exclusions in serve, as the command line does", async () => {
    const { startServer } = (await import(pathToFileURL(path.join(projectRoot, "dist/web/server.js")).href)) as typeof import("../../src/web/server.js");
    server = await startServer({ db, host: "127.0.0.1", port: 0, onInternalError: () => {} });
    const query = `الجيش ${Array.from({ length: 100 }, (_, i) => `-${String.fromCharCode(0x628 + (i % 20))}${String.fromCharCode(0x628 + Math.floor(i / 20))}`).join(" ")}`;
    expect(query.length).toBeLessThanOrEqual(500);
    const response = await fetch(new URL(`/search.json?${new URLSearchParams({ q: query, size: "100" }).toString()}`, server.url));
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const cli = await runNewsctl(["search", "--db", db, "--count", "--", query]);
    expect((JSON.parse(text) as { matchCount: number }).matchCount).toBe(Number(cli.stdout));
  });
});

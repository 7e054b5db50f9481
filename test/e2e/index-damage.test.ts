// A damaged index: pages overwritten in the middle of the file, or a stored record that no longer
// decodes, are reported by every command and by `newsctl serve` as a damaged index to build
// again, never as an internal error.

import { closeSync, fstatSync, openSync, writeSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/web/server.js";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { projectRoot, runNewsctl } from "../helpers/run-newsctl.js";
import { makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";
import { openSqlite } from "../../src/io/sqlite-binding.js";

const DAMAGED = "the index is damaged; delete it and build it again";

let dir: string;
let db: string;
let server: RunningServer | undefined;

const article = (i: number): ArticleText => ({
  headline: `خبر ${i} عن الجيش والاقتصاد في المنطقة`,
  agency: ["واس", "سانا", "تنا"][i % 3]!,
  date: `2021-03-${String((i % 27) + 1).padStart(2, "0")} 10:${String(i % 60).padStart(2, "0")}`,
  body: [`قال مصدر إن للجيش دوراً في حماية الحدود وفق التقرير رقم ${i} الصادر اليوم`, `وأضاف أن الأسعار ارتفعت بنسبة ${i % 50} في المئة خلال الربع ${i % 4}`],
  number: String(100_000 + i),
});

beforeAll(async () => {
  dir = await makeTempDir();
  for (let file = 0; file < 6; file++) await writeDump(dir, `f${file}.txt`, buildDump(Array.from({ length: 500 }, (_, i) => article(file * 500 + i))).text);
  db = path.join(dir, "news.db");
  const built = await runNewsctl(["index", dir, "--db", db, "--quiet"]);
  expect(built.code, built.stderr).toBe(0);
});
afterAll(async () => {
  await server?.close();
  await removeTempDir(dir);
});

/** Overwrites three pages in the middle half of the file with bytes from a fixed sequence. */
function overwritePages(file: string, seed: number): void {
  const descriptor = openSync(file, "r+");
  const pages = Math.floor(fstatSync(descriptor).size / 4096);
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let k = 0; k < 3; k++) {
    const page = Math.floor(pages / 4 + next() * (pages / 2));
    const bytes = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(next() * 256)));
    writeSync(descriptor, bytes, 0, bytes.length, page * 4096);
  }
  closeSync(descriptor);
}

const READS = [
  ["search", "--db", "DB", "الجيش", "--ndjson"],
  ["search", "--db", "DB", "الجيش", "--limit", "3", "--ndjson"],
  ["search", "--db", "DB", "الجيش", "--sort", "date", "--limit", "3", "--ndjson"],
  ["search", "--db", "DB", "--count", "الاقتصاد"],
  ["stats", "--db", "DB", "--json"],
  ["export", "--db", "DB"],
  ["show", "100750", "--db", "DB", "--json"],
];

describe("a damaged index", () => {
  it("is called damaged, by every command, when pages in the middle are overwritten", async () => {
    let damagedAnswers = 0;
    for (const seed of [1, 2, 3]) {
      const copy = path.join(dir, `pages-${seed}.db`);
      await copyFile(db, copy);
      overwritePages(copy, seed);
      for (const args of [...READS, ["index", dir, "--db", "DB", "--quiet"]]) {
        const result = await runNewsctl(args.map((arg) => (arg === "DB" ? copy : arg)));
        expect(result.stderr, args.join(" ")).not.toContain("internal error");
        if (result.code !== 0) {
          expect(result.stderr, args.join(" ")).toContain(`${copy}: ${DAMAGED}`);
          expect(result.code).toBe(2);
          damagedAnswers++;
        }
      }
    }
    expect(damagedAnswers).toBeGreaterThanOrEqual(5);
  });

  it("is called damaged when the stored records do not decode, on the command line and in serve", async () => {
    const copy = path.join(dir, "record.db");
    await copyFile(db, copy);
    const connection = openSqlite(copy);
    // Every record cut short, with a control character where the JSON goes on.
    connection.prepare("UPDATE articles SET record = substr(record, 1, 40) || char(1)").run();
    connection.close();
    for (const args of READS.filter((args) => !args.includes("--count"))) {
      const result = await runNewsctl(args.map((arg) => (arg === "DB" ? copy : arg)));
      expect([result.code, result.stderr.split("\n")[0]], args.join(" ")).toEqual([2, `newsctl: ${copy}: ${DAMAGED}`]);
    }
    const { startServer } = (await import(pathToFileURL(path.join(projectRoot, "dist/web/server.js")).href)) as typeof import("../../src/web/server.js");
    const internalErrors: unknown[] = [];
    server = await startServer({ db: copy, host: "127.0.0.1", port: 0, workers: 1, onInternalError: (error) => internalErrors.push(error) });
    for (const address of ["/search.json?q=%D8%A7%D9%84%D8%AC%D9%8A%D8%B4", "/search?q=%D8%A7%D9%84%D8%AC%D9%8A%D8%B4", "/stats.json"]) {
      const response = await fetch(new URL(address, server.url));
      const text = await response.text();
      expect(response.status, address).not.toBe(500);
      expect(response.status, address).toBeGreaterThanOrEqual(500);
      expect(text, address).toContain(DAMAGED);
      expect(text, address).not.toContain("internal error");
    }
    expect(internalErrors).toEqual([]);
  });
});

// An export's records are written out by whichever thread parses them (unless --limit or
// --dedup needs them one by one): the output, the warnings and the exit status must be exactly
// those of the records written one by one, in every format, with and without a filter, on any
// number of threads, and from standard input.

import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump } from "../helpers/dump-text.js";
import { runNewsctl, type RunResult } from "../helpers/run-newsctl.js";
import { DAMAGED_DUMP, makeTempDir, removeTempDir } from "../helpers/support.js";

let dir: string;
let root: string;
beforeAll(async () => {
  dir = await makeTempDir();
  root = path.join(dir, "dumps");
  await mkdir(root, { recursive: true });
  // Files of very different sizes (some over a 64 KiB read), so that threads finish out of
  // order; two agencies, text that JSON and CSV must escape, one damaged file, one not text,
  // one empty, and one in UTF-16.
  for (let file = 0; file < 12; file++) {
    const articles = Array.from({ length: 1 + ((file * 37) % 11) * 30 }, (_, k) => ({
      headline: `خبر "رقم" ${k} من الملف ${file}`,
      agency: k % 3 === 0 ? "واس" : "تنا",
      date: "25 Jan 2021 ساعة 11:27",
      body: [`فقرة أولى، فيها فاصلة و\\ شرطة مائلة، في الخبر ${k}.`, "=1+1 فقرة ثانية\tبعد جدولة.", "😀 فقرة ثالثة."],
      number: String(file * 1000 + k),
    }));
    await writeFile(path.join(root, `${String(file).padStart(2, "0")}.txt`), buildDump(articles).text);
  }
  await writeFile(path.join(root, "05-damaged.txt"), buildDump(DAMAGED_DUMP).text);
  await writeFile(path.join(root, "07-binary.txt"), Buffer.from([0x41, 0, 0x42, 0, 0, 0x43]));
  await writeFile(path.join(root, "09-empty.txt"), "");
  const utf16 = buildDump([{ headline: "خبر بترميز آخر", agency: "واس", date: "25 Jan 2021 ساعة 11:27", body: ["نص."], number: "77" }]).text;
  await writeFile(path.join(root, "10-utf16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, "utf16le")]));
});
afterAll(async () => {
  await removeTempDir(dir);
});

/** What an export printed and how it ended. */
const outcome = (result: RunResult) => [result.code, result.stdout, result.stderr];
/** A --limit no reading reaches: the records go one by one through this thread's writer. */
const ONE_BY_ONE = ["--limit", "1000000000", "--jobs", "1"];

describe("records written out by the threads that parse them", () => {
  it.each([
    ["--ndjson"],
    ["--json"],
    ["--csv"],
    ["--tsv"],
    ["--es-bulk", "--index", "news"],
    ["--csv", "--bom", "--csv-raw", "--fields", "headline,id,warnings"],
    ["--ndjson", "--agency", "واس"],
    ["--json", "--agency", "nobody"],
  ])("%s …: the same bytes, warnings and exit status as one by one, on 1, 2 or 3 threads", { timeout: 60_000 }, async (...options) => {
    const [expected, ...results] = await Promise.all([ONE_BY_ONE, ["--jobs", "1"], ["--jobs", "2"], ["--jobs", "3"]].map((more) => runNewsctl(["export", root, ...options, ...more])));
    expect(expected!.code).toBe(2);
    expect(expected!.stderr).toContain("07-binary.txt: not a text file");
    expect(expected!.stdout.length).toBeGreaterThan(0);
    for (const result of results) expect(outcome(result)).toEqual(outcome(expected!));
  });

  it("reads standard input and writes -o files the same way", { timeout: 60_000 }, async () => {
    const input = await readFile(path.join(root, "10.txt"));
    const [expected, piped] = await Promise.all([runNewsctl(["export", "--csv", ...ONE_BY_ONE], { input }), runNewsctl(["export", "--csv", "--jobs", "2"], { input })]);
    expect(expected.stdout.split("\n").length).toBeGreaterThan(100);
    expect(outcome(piped)).toEqual(outcome(expected));
    const file = path.join(dir, "out.json");
    const written = await runNewsctl(["export", root, "--jobs", "2", "-o", file]);
    expect(written.code).toBe(2);
    expect(await readFile(file, "utf8")).toBe((await runNewsctl(["export", root, "--json", ...ONE_BY_ONE])).stdout);
  });
});

// `newsctl words` and `newsctl collocates` on small collections counted by hand: words grouped
// by light stem across prefixes and harakat, stop words left out (and kept with --stop-words
// none), G2 and log ratio of the matching articles against the rest, collocates within the
// window but never across a field's end, with logDice and MI; the index and the dumps agree.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { csvObjects, makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";

const WORD_ARTICLES: readonly ArticleText[] = [
  { headline: "الجيش يتقدم", agency: "واس", date: "01 Jan 2021 ساعة 10:00", body: ["والجيش في المدينة."], number: "31" },
  { headline: "المدينة هادئة", agency: "واس", date: "02 Jan 2021 ساعة 10:00", body: ["في المدينة سوقٌ كبير."], number: "32" },
];

// The headline ends with المدينة: were fields run together, it would stand within the window of
// the body's first زار.
const COLLOCATE_ARTICLES: readonly ArticleText[] = [
  { headline: "جولة المدينة", agency: "واس", date: "03 Jan 2021 ساعة 10:00", body: ["زار الوزير السوق ثم زار المدينة"], number: "41" },
];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
  await writeDump(dir, "words.txt", buildDump(WORD_ARTICLES).text);
  await writeDump(dir, "near.txt", buildDump(COLLOCATE_ARTICLES).text);
  await writeDump(dir, "stop.txt", "كبير\nهادئة\n");
  for (const name of ["words", "near"]) {
    const indexed = await runInProcess(["index", `${name}.txt`, "--db", `${name}.db`, "--quiet"], { cwd: dir });
    expect(indexed.code, indexed.stderr).toBe(0);
  }
});
afterAll(() => removeTempDir(dir));

type Row = Record<string, string | number | boolean>;

describe.each([["dumps", ["words.txt"]], ["the index", ["--db", "words.db"]]] as const)("words from %s", (_name, source) => {
  const words = async (args: readonly string[], query?: string) => {
    const result = await runInProcess(["words", ...(query === undefined ? [] : ["-e", query]), ...source, "--json", ...args], { cwd: dir });
    return { ...result, rows: JSON.parse(result.stdout || "[]") as Row[] };
  };

  it("lists the collection's words by stem, most frequent first, without stop words", async () => {
    const { rows, code } = await words([]);
    expect(code).toBe(0);
    expect(rows.map((row) => [row.word, row.key, row.count, row.articles])).toEqual([
      ["المدينة", "مدين", 3, 2],
      ["الجيش", "جيش", 2, 1],
      ["سوقٌ", "سوق", 1, 1],
      ["كبير", "كبير", 1, 1],
      ["هادئة", "هادء", 1, 1],
      ["يتقدم", "يتقدم", 1, 1],
    ]);
  });

  it("keeps stop words with --stop-words none, takes them from a file, and leaves out the rare with --min-count", async () => {
    expect((await words(["--stop-words", "none"])).rows.find((row) => row.key === "في")).toMatchObject({ count: 2, articles: 2 });
    expect((await words(["--stop-words", "stop.txt"])).rows.map((row) => row.key)).toEqual(["مدين", "في", "جيش", "سوق", "يتقدم"]);
    expect((await words(["--min-count", "2"])).rows.map((row) => row.key)).toEqual(["مدين", "جيش"]);
  });

  it("ranks the matching articles' words by G2 among those more frequent than in the rest, marking the query's", async () => {
    const { rows, code } = await words([], "الجيش");
    expect(code).toBe(0);
    // 5 tokens in the match, 6 in the rest: جيش 2 against 0, يتقدم 1 against 0; مدين 1 against 2 is less frequent.
    expect(rows.map((row) => [row.key, row.count, row.is_query])).toEqual([["جيش", 2, true], ["يتقدم", 1, false]]);
    expect(rows[0]!.g2).toBeCloseTo(4 * Math.log(2.2), 3);
    expect(rows[0]!.log_ratio).toBeCloseTo(Math.log2(4.8), 3);
    expect(rows[1]!.g2).toBeCloseTo(2 * Math.log(2.2), 3);
    expect(rows[1]!.log_ratio).toBeCloseTo(Math.log2(2.4), 3);
  });

  it("exits with 1 when the query matches nothing", async () => {
    expect((await words([], "كلمةغائبة")).code).toBe(1);
  });
});

describe.each([["dumps", ["near.txt"]], ["the index", ["--db", "near.db"]]] as const)("collocates from %s", (_name, source) => {
  it("counts the words within the window of each occurrence, never across fields, with logDice and MI", async () => {
    const result = await runInProcess(["collocates", "زار", ...source, "--window", "2", "--min-together", "1", "--csv"], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("word,key,together,count,logdice,mi");
    // 8 tokens, زار twice; ثم is a stop word but takes its place.
    const rows = csvObjects(result.stdout);
    expect(rows.map((row) => [row.key, Number(row.together), Number(row.count)])).toEqual([["سوق", 2, 1], ["وزير", 1, 1], ["مدين", 1, 2]]);
    const expected = [[14 + Math.log2(4 / 3), 1], [14 + Math.log2(2 / 3), 0], [13, -1]];
    rows.forEach((row, k) => {
      expect(Number(row.logdice)).toBeCloseTo(expected[k]![0]!, 3);
      expect(Number(row.mi)).toBeCloseTo(expected[k]![1]!, 3);
    });
  });

  it("ranks by together or MI, and leaves out words seen together too rarely", async () => {
    const run = async (args: readonly string[]) => csvObjects((await runInProcess(["collocates", "زار", ...source, "--window", "2", "--csv", ...args], { cwd: dir })).stdout).map((row) => row.key);
    expect(await run(["--min-together", "2"])).toEqual(["سوق"]);
    expect(await run(["--min-together", "1", "--measure", "mi"])).toEqual(["سوق", "وزير", "مدين"]);
  });

  it("exits with 1 when the word does not occur", async () => {
    const result = await runInProcess(["collocates", "كلمةغائبة", ...source, "--csv"], { cwd: dir });
    expect(result.code).toBe(1);
  });
});

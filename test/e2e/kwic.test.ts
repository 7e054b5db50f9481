// `newsctl kwic` on a known set of occurrences: one line per occurrence (not per article), the
// match as written with its harakat, context cut at a field's ends, and the orders by left
// context (read outward from the match), right context and date, from the dumps and the index.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { csvObjects, makeTempDir, parseNdjson, removeTempDir, writeDump } from "../helpers/support.js";

const ARTICLES: readonly ArticleText[] = [
  { headline: "جولة في المدينة", agency: "واس", date: "01 Jan 2021 ساعة 10:00", body: ["زار الوزير سوق المدينة صباحا."], number: "21" },
  { headline: "افتتاح", agency: "واس", date: "03 Jan 2021 ساعة 10:00", body: ["افتتح الأمير سوق الذهب."], number: "22" },
  // The match with its harakat; a second occurrence in the same article, in the headline.
  { headline: "سوق الخضار تفتح", agency: "تنا", date: "02 Jan 2021 ساعة 10:00", body: ["دخل بَاسِم سوقَ الخضار مبكرا."], number: "23" },
  { headline: "لا شيء هنا", agency: "تنا", date: "04 Jan 2021 ساعة 10:00", body: ["نص بلا الكلمة."], number: "24" },
];

interface Line {
  id: string;
  field: string;
  left: string;
  match: string;
  right: string;
}

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
  await writeDump(dir, "a.txt", buildDump(ARTICLES).text);
  const indexed = await runInProcess(["index", "a.txt", "--db", "news.db", "--quiet"], { cwd: dir });
  expect(indexed.code, indexed.stderr).toBe(0);
});
afterAll(() => removeTempDir(dir));

const pick = (line: Line) => [line.id, line.field, line.left, line.match, line.right];

describe.each([["dumps", ["a.txt"]], ["the index", ["--db", "news.db"]]] as const)("kwic from %s", (_name, source) => {
  const kwic = async (args: readonly string[]) => {
    const result = await runInProcess(["kwic", "سوق", ...source, "--ndjson", ...args], { cwd: dir });
    return { ...result, lines: (parseNdjson(result.stdout) as Line[]).map(pick) };
  };

  it("gives one line per occurrence, in the order of the files, the match as written", async () => {
    const { lines, code } = await kwic(["--width", "2"]);
    expect(code).toBe(0);
    expect(lines).toEqual([
      ["21", "body", "زار الوزير", "سوق", "المدينة صباحا"],
      ["22", "body", "افتتح الأمير", "سوق", "الذهب"],
      ["23", "headline", "", "سوق", "الخضار تفتح"],
      ["23", "body", "دخل بَاسِم", "سوقَ", "الخضار مبكرا"],
    ]);
  });

  it("sorts by the words before the match, nearest first, folded", async () => {
    const { lines } = await kwic(["--width", "2", "--sort", "left"]);
    // "" (nothing before), then الامير, الوزير and باسم.
    expect(lines.map((line) => line[0] + line[1]!.slice(0, 1))).toEqual(["23h", "22b", "21b", "23b"]);
  });

  it("sorts by the words after the match", async () => {
    const { lines } = await kwic(["--width", "2", "--sort", "right"]);
    // الخضار تفتح, الخضار مبكرا, الذهب, المدينه صباحا.
    expect(lines.map((line) => line[0] + line[1]!.slice(0, 1))).toEqual(["23h", "23b", "22b", "21b"]);
  });

  it("sorts newest first by date, and keeps only the first lines with --limit", async () => {
    const { lines } = await kwic(["--sort", "date", "--limit", "2"]);
    expect(lines.map((line) => line[0])).toEqual(["22", "23"]);
  });

  it("exits with 1 when nothing matches", async () => {
    const result = await runInProcess(["kwic", "كلمةغائبة", ...source, "--ndjson"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
  });
});

it("writes CSV with the concordance's columns", async () => {
  const result = await runInProcess(["kwic", "الذهب", "a.txt", "--csv"], { cwd: dir });
  expect(result.stdout.split("\n")[0]).toBe("id,file,line,field,published,agency,left,match,right");
  expect(csvObjects(result.stdout)).toEqual([{ id: "22", file: "a.txt", line: "7", field: "body", published: "2021-01-03T10:00:00", agency: "واس", left: "افتتح الأمير سوق", match: "الذهب", right: "" }]);
});

it("lines the matches up in a column on a terminal", async () => {
  const result = await runInProcess(["kwic", "سوق", "a.txt"], { cwd: dir, isStdoutTerminal: true, columns: 100, env: { NO_COLOR: "1" } });
  const lines = result.stdout.trimEnd().split("\n");
  // Columns on the screen: harakat take none.
  const columns = lines.map((line) => line.slice(0, line.indexOf("سوق")).replace(/\p{M}/gu, "").length);
  expect(lines).toHaveLength(4);
  expect(new Set(columns).size).toBe(1);
});

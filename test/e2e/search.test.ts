// `newsctl search` from the command line: every case of docs/search.md's table, the query language,
// ranking, formats, --count, filters and the exit codes the README lists.

import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { newsctlArgv, runNewsctl, runShell } from "../helpers/run-newsctl.js";
import { ESC, expectValidRecords, makeTempDir, parseNdjson, removeTempDir, writeDump } from "../helpers/support.js";

// docs/search.md's table: query, text, whether it matches, extra arguments.
const TABLE: ReadonlyArray<readonly [string, string, boolean, string[]]> = [
  ["داعش", '"داعِش" يهاجم', true, []],
  ["احياء", "محاولة إحياء", true, []],
  ["الامريكية", "القواعد الأميركية", false, []],
  ["مستشفى", "المستشفي", true, []],
  ["مدينه", "مدينة الحسكة", true, []],
  ["الجيش", "والجيش السوري", true, []],
  ["الجيش", "والجيش السوري", false, ["--exact"]],
  ["2021", "٢٠٢١", true, []],
  ['"دير الزور"', "طريق دير الزور دمشق", true, []],
  ['"الزور دير"', "طريق دير الزور", false, []],
  ["تنظيم -داعش", "تنظيم داعش", false, []],
  ["ديرالزور", "دير الزور", false, []],
  ["محمد", "قال مُحَمَّدٌ", true, []],
  ["العربية", "الـعـربـيـة", true, []],
  ["مسؤول", "مسئول", true, []],
  ["سلام", "إسلام", false, []],
  ["2024", "۲۰۲۴", true, []],
];

function article(body: string, extra: Partial<ArticleText> = {}): ArticleText {
  return { headline: "خبر قصير", agency: "تنا", date: "25 Jan 2021 ساعة 11:27", body: [body], number: "1", ...extra };
}

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe("docs/search.md's cases, from the command line", () => {
  it.each(TABLE.map((row, index) => [index, ...row] as const))("case %i: %s in «%s» matches: %s", async (index, query, text, matches, extra) => {
    const file = await writeDump(dir, `case-${index}.txt`, buildDump([article(text)]).text);
    const result = await runNewsctl(["search", query, file, "--count", ...extra]);
    expect(result.stdout.trim()).toBe(matches ? "1" : "0");
    expect(result.code).toBe(matches ? 0 : 1);
    expect(result.stderr).toBe("");
  });

  it("highlights all of مُحَمَّدٌ, its final mark included", async () => {
    const file = await writeDump(dir, "highlight.txt", buildDump([article("قال مُحَمَّدٌ إن الاجتماع انتهى")]).text);
    const result = await runNewsctl(["search", "محمد", file, "--format", "table", "--color"]);
    expect(result.code).toBe(0);
    // The highlighted run starts before the first letter and ends after the last mark.
    expect(result.stdout).toMatch(new RegExp(`${ESC}\\[[0-9;]*mمُحَمَّدٌ${ESC}\\[`));
  });
});

describe("highlights follow field restrictions", () => {
  it("does not highlight a body word that matched only in the headline", async () => {
    const file = await writeDump(dir, "field.txt", buildDump([article("الاجتماع انتهى بلا اتفاق.", { headline: "الاجتماع الطارئ" })]).text);
    const result = await runNewsctl(["search", "headline:الاجتماع", file, "--format", "table", "--color"]);
    expect(result.code).toBe(0);
    const snippetLine = result.stdout.split("\n")[2]!;
    expect(snippetLine).toContain("الاجتماع انتهى");
    expect(snippetLine).not.toContain(ESC); // nothing in the body snippet is highlighted
  });
});

describe("ranking and output", () => {
  const dump: ArticleText[] = [
    { headline: "أسعار النفط ترتفع", agency: "واس", date: "2021-01-01 10:00", body: ["ارتفعت أسعار الخام اليوم.", "وقال محلل إن الاقتصاد يتعافى."], number: "10" },
    { headline: "الاقتصاد العالمي يتعافى", agency: "واس", date: "2021-01-02 10:00", body: ["تقرير عن الاقتصاد العالمي."], number: "11" },
    { headline: "الاقتصادي يتحدث", agency: "تنا", date: "2021-01-03 10:00", body: ["لقاء مع خبير."], number: "12" },
    { headline: "رياضة", agency: "تنا", date: "2021-01-04 10:00", body: ["فاز الفريق بالمباراة."], number: "13" },
  ];
  let file: string;
  beforeAll(async () => {
    file = await writeDump(dir, "ranking.txt", buildDump(dump).text);
  });

  it("puts a headline match above a body-only one, exact above stem-only, and gives records plus score", async () => {
    const result = await runNewsctl(["search", "الاقتصاد", file]);
    expect(result.code).toBe(0);
    const records = parseNdjson(result.stdout) as Array<Record<string, unknown>>;
    expectValidRecords(records);
    // 12 has only الاقتصادي, whose light stem is that of الاقتصاد: a stem-only match, last.
    expect(records.map((record) => record.id)).toEqual(["11", "10", "12"]);
    expect(typeof records[0]!.score).toBe("number");
    expect(records[0]!.score as number).toBeGreaterThan(records[1]!.score as number);
  });

  it("sorts by date, newest first, with --sort date", async () => {
    const result = await runNewsctl(["search", "الاقتصاد*", file, "--sort", "date"]);
    expect((parseNdjson(result.stdout) as Array<Record<string, unknown>>).map((record) => record.id)).toEqual(["12", "11", "10"]);
  });

  it("combines the query with filters and --limit", async () => {
    const agency = await runNewsctl(["search", "الاقتصاد*", file, "--agency", "تنا"]);
    expect((parseNdjson(agency.stdout) as Array<Record<string, unknown>>).map((record) => record.id)).toEqual(["12"]);
    const since = await runNewsctl(["search", "الاقتصاد", file, "--since", "2021-01-02", "--exact"]);
    expect((parseNdjson(since.stdout) as Array<Record<string, unknown>>).map((record) => record.id)).toEqual(["11"]);
    const limited = await runNewsctl(["search", "الاقتصاد", file, "--limit", "1"]);
    expect(parseNdjson(limited.stdout)).toHaveLength(1);
  });

  it("honours OR, field:word and negation", async () => {
    const either = await runNewsctl(["search", "رياضة OR النفط", file, "--count"]);
    expect(either.stdout.trim()).toBe("2");
    const inHeadline = await runNewsctl(["search", "headline:الخام", file, "--count"]);
    expect(inHeadline.stdout.trim()).toBe("0");
    expect(inHeadline.code).toBe(1);
    const inBody = await runNewsctl(["search", "body:الخام", file, "--count"]);
    expect(inBody.stdout.trim()).toBe("1");
    const without = await runNewsctl(["search", "الاقتصاد -النفط", file, "--exact"]);
    expect((parseNdjson(without.stdout) as Array<Record<string, unknown>>).map((record) => record.id)).toEqual(["11"]);
  });

  it("writes CSV with a score column and JSON as one array", async () => {
    const csv = await runNewsctl(["search", "الاقتصاد", file, "--csv"]);
    expect(csv.stdout.split("\n")[0]).toBe("id,headline,subheadline,lead,agency,published,desk,body,file,line,warnings,score");
    const json = await runNewsctl(["search", "الاقتصاد", file, "--json"]);
    expect(JSON.parse(json.stdout)).toHaveLength(3);
  });

  it("shows results on a terminal layout without escape codes when colour is off", async () => {
    const result = await runNewsctl(["search", "الاقتصاد", file, "--format", "table"], { env: { NO_COLOR: "1" } });
    expect(result.stdout).toContain("1. الاقتصاد العالمي يتعافى");
    expect(result.stdout).toContain("واس · 2021-01-02 10:00 · رقم 11");
    expect(result.stdout).not.toContain(ESC);
  });
});

describe("--limit over dumps", () => {
  it("prints the first N of the whole ranking, read again from their files, each warning shown once", async () => {
    const folder = `${dir}/limited`;
    await mkdir(folder);
    const files: string[] = [];
    for (let k = 0; k < 6; k++) {
      const articles = Array.from({ length: 8 }, (_, n) =>
        article(n % 3 === 0 ? "نار نار في الغابة" : n % 3 === 1 ? "اندلعت نار" : "لا شيء هنا", { number: String(k * 100 + n), date: `2021-0${1 + ((k + n) % 9)}-0${1 + (n % 9)} 10:00` }),
      );
      // An article without its number line, among the matches.
      if (k === 4) delete articles[3]!.number;
      files.push(await writeDump(folder, `${k}.txt`, buildDump(articles).text));
    }
    for (const sort of ["relevance", "date"]) {
      const whole = await runNewsctl(["search", "نار", folder, "--sort", sort]);
      expect(whole.stderr.match(/missing-number/g)).toHaveLength(1);
      for (const limit of ["1", "5", "30", "100"]) {
        const limited = await runNewsctl(["search", "نار", folder, "--sort", sort, "--limit", limit]);
        const expected = whole.stdout.split("\n").slice(0, Number(limit)).filter((line) => line !== "");
        expect([limited.code, limited.stdout], `${sort} ${limit}`).toEqual([0, expected.join("\n") + "\n"]);
        // The warning of a match is shown when it is read, not again when it is shown.
        expect(limited.stderr).toBe(whole.stderr);
      }
    }
    expect(files).toHaveLength(6);
  });

  it("reads standard input, a FIFO and a file named - once: their matches are kept, not read again", async () => {
    const folder = `${dir}/once`;
    await mkdir(`${folder}/glob`, { recursive: true });
    const articles = Array.from({ length: 6 }, (_, n) => article(n % 2 === 0 ? "نار نار" : "نار", { number: String(n), date: `2021-01-0${1 + n} 10:00` }));
    const text = buildDump(articles).text;
    await writeDump(folder, "d.txt", text);
    await writeDump(`${folder}/glob`, "-", text);
    const idsOf = (stdout: string) => (parseNdjson(stdout) as Array<{ id: string; score: number }>).map((record) => `${record.id} ${record.score}`);
    const expected = idsOf((await runNewsctl(["search", "نار", `${folder}/d.txt`])).stdout).slice(0, 3);
    expect(expected).toHaveLength(3);
    const fromStdin = await runNewsctl(["search", "نار", "-", "--limit", "3"], { input: text });
    const fromFifo = await runShell('mkfifo p && { cat d.txt > p & } && "$NODE" "$NEWSCTL" search نار p --limit 3; status=$?; rm -f p; exit $status', { cwd: folder });
    const fromDash = await runShell('"$NODE" "$NEWSCTL" search نار "*" --limit 3', { cwd: `${folder}/glob` });
    for (const [name, result] of Object.entries({ fromStdin, fromFifo, fromDash })) {
      expect([result.code, idsOf(result.stdout), result.stderr], name).toEqual([0, expected, ""]);
    }
  });

  it("exits 1 when nothing matches, without waiting on a standard input that stays open", async () => {
    const file = await writeDump(dir, "no-match.txt", buildDump([article("لا شيء هنا")]).text);
    const child = spawn(process.execPath, newsctlArgv(["search", "زلزال", file, "--limit", "5"]), { env: { PATH: process.env.PATH ?? "" }, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Standard input is a pipe that never closes: reading it would hang until the timeout.
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill(), 10_000);
      child.on("close", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    child.stdin.destroy();
    expect([code, stderr]).toEqual([1, ""]);
  });
});

describe("query errors and exit codes", () => {
  it.each([
    ['"دير الزور', 1],
    ["OR داعش", 1],
    ["داعش OR", 6],
    ["nope:داعش", 1],
    ["headline:", 10],
    ["*", 1],
    ["،؛", 1],
  ])("refuses %s with its column", async (query, column) => {
    const result = await runNewsctl(["search", query, "seeds"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^newsctl: query: .*\\(column ${column}\\)`));
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it("exits 1 with nothing on stdout when nothing matches, 2 when an input is missing", async () => {
    const none = await runNewsctl(["search", "كلمةغيرموجودة", "seeds"]);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe("");
    const missing = await runNewsctl(["search", "داعش", "seeds", "no-such-dir"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("newsctl: no-such-dir: no such file or directory");
    expect(parseNdjson(missing.stdout)).toHaveLength(1);
  });

  it("reads standard input", async () => {
    const result = await runNewsctl(["search", "احياء"], { input: buildDump([article("محاولة إحياء المشروع")]).text });
    expect(result.code).toBe(0);
    expect((parseNdjson(result.stdout) as Array<Record<string, unknown>>)[0]!.file).toBe("-");
  });
});

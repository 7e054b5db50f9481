// `newsctl trend` counted against labels written by hand for each article of a small collection:
// which queries it matches (harakat, hamza forms, prefixes, a phrase, a field) and which day,
// ISO week, month and year it falls in (on period edges, across a year's end). Empty periods are
// listed as zeros, an agency without a match has its rows, the index and the dumps agree, and
// the matches summed over periods are search --count's.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrendRow } from "../../src/core/trend-tally.js";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { csvObjects, makeTempDir, parseNdjson, removeTempDir, writeDump } from "../helpers/support.js";

const QUERIES = ["داعش", "أمير", "الجيش", "مسؤول", '"دير الزور"', "headline:داعش"] as const;
type Query = (typeof QUERIES)[number];

interface Labelled {
  article: ArticleText;
  day: string;
  week: string;
  month: string;
  year: string;
  matches: readonly Query[];
}

const LABELLED: readonly Labelled[] = [
  {
    // The last minute of 2020: its Thursday's week, 2020-W53.
    article: { headline: "هجوم جديد وداعش يتبنى", agency: "واس", date: "31 Dec 2020 ساعة 23:59", body: ["قال مسؤول إن الجيش السوري تقدم نحو دير الزور."], number: "11" },
    day: "2020-12-31", week: "2020-W53", month: "2020-12", year: "2020",
    matches: ["داعش", "الجيش", "مسؤول", '"دير الزور"', "headline:داعش"],
  },
  {
    // The first minute of 2021, still in 2020-W53; harakat on داعش, hamza on أمير.
    article: { headline: "أمير المنطقة يزور المدينة", agency: "واس", date: "01 Jan 2021 ساعة 00:00", body: ["زار الأمير السوق بعد هجوم دَاعِشٍ على القرية."], number: "12" },
    day: "2021-01-01", week: "2020-W53", month: "2021-01", year: "2021",
    matches: ["داعش", "أمير"],
  },
  {
    // Sunday, the last day of 2020-W53; مسئول is مسؤول with another hamza seat.
    article: { headline: "خبر اقتصادي", agency: "تنا", date: "03 Jan 2021 ساعة 12:00", body: ["قال مسئول إن سعر النفط ارتفع."], number: "13" },
    day: "2021-01-03", week: "2020-W53", month: "2021-01", year: "2021",
    matches: ["مسؤول"],
  },
  {
    // Monday, 2021-W01; امير without its hamza; the phrase's words in the other order.
    article: { headline: "امير يلتقي وزيرا", agency: "تنا", date: "04 Jan 2021 ساعة 09:00", body: ["تحدث الوزير عن الزور دير في اللقاء."], number: "14" },
    day: "2021-01-04", week: "2021-W01", month: "2021-01", year: "2021",
    matches: ["أمير"],
  },
  {
    // The first day of February; والجيش by its prefix.
    article: { headline: "تقدم في الشمال", agency: "واس", date: "01 Feb 2021 ساعة 08:00", body: ["والجيش يتقدم قرب مدينة دير الزور."], number: "15" },
    day: "2021-02-01", week: "2021-W05", month: "2021-02", year: "2021",
    matches: ["الجيش", '"دير الزور"'],
  },
  {
    // An agency that nothing matches, after weeks with no article at all.
    article: { headline: "طقس معتدل", agency: "سانا", date: "15 Mar 2021 ساعة 10:00", body: ["الطقس معتدل في أكثر المناطق."], number: "16" },
    day: "2021-03-15", week: "2021-W11", month: "2021-03", year: "2021",
    matches: [],
  },
];

const UNITS = ["day", "week", "month", "year"] as const;
type Unit = (typeof UNITS)[number];

/** Every day from the first to the last, by calendar arithmetic. */
function everyDay(first: string, last: string): string[] {
  const days: string[] = [];
  for (let date = new Date(`${first}T00:00:00Z`); date <= new Date(`${last}T00:00:00Z`); date.setUTCDate(date.getUTCDate() + 1)) days.push(date.toISOString().slice(0, 10));
  return days;
}

/** Every period from the first article's to the last article's, written out. */
const PERIODS: Readonly<Record<Unit, readonly string[]>> = {
  day: everyDay("2020-12-31", "2021-03-15"),
  week: ["2020-W53", ...Array.from({ length: 11 }, (_, k) => `2021-W${String(k + 1).padStart(2, "0")}`)],
  month: ["2020-12", "2021-01", "2021-02", "2021-03"],
  year: ["2020", "2021"],
};

/** What the labels say a row holds. */
function expectedRow(unit: Unit, period: string, query: Query, agency?: string): TrendRow {
  const inPeriod = LABELLED.filter((labelled) => labelled[unit] === period && (agency === undefined || labelled.article.agency === agency));
  const matches = inPeriod.filter((labelled) => labelled.matches.includes(query)).length;
  const total = inPeriod.length;
  const row: TrendRow = { period, query, matches, total, share: total === 0 ? 0 : matches / total };
  return agency === undefined ? row : { period, query, agency, matches, total, share: row.share };
}

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
  // Two files, the articles out of date order, so that periods cannot come from the order read.
  await writeDump(dir, "a.txt", buildDump([LABELLED[4]!.article, LABELLED[0]!.article, LABELLED[2]!.article]).text);
  await writeDump(dir, "b.txt", buildDump([LABELLED[5]!.article, LABELLED[1]!.article, LABELLED[3]!.article]).text);
  const indexed = await runInProcess(["index", ".", "--db", "news.db", "--quiet"], { cwd: dir });
  expect(indexed.code, indexed.stderr).toBe(0);
});
afterAll(() => removeTempDir(dir));

const SOURCES = [["dumps", ["a.txt", "b.txt"]], ["the index", ["--db", "news.db"]]] as const;

describe.each(SOURCES)("trend from %s", (_name, source) => {
  const trend = async (args: readonly string[]) => {
    const result = await runInProcess(["trend", ...args, ...source, "--ndjson"], { cwd: dir });
    return { ...result, rows: parseNdjson(result.stdout) as TrendRow[] };
  };

  it.each(UNITS)("counts each query's matches and all articles per %s, empty periods as zeros", async (unit) => {
    const { rows, code, stderr } = await trend([...QUERIES.flatMap((query) => ["-e", query]), "--by", unit]);
    expect(code, stderr).toBe(0);
    const expected = PERIODS[unit].flatMap((period) => QUERIES.map((query) => expectedRow(unit, period, query)));
    expect(rows.map((row) => ({ ...row, share: Number(row.share.toFixed(4)) }))).toEqual(expected.map((row) => ({ ...row, share: Number(row.share.toFixed(4)) })));
  });

  it("splits the series by agency, listing an agency that nothing matches", async () => {
    const { rows, code } = await trend(["داعش", "--by", "month", "--split", "agency"]);
    expect(code).toBe(0);
    const agencies = ["تنا", "سانا", "واس"].sort();
    const expected = PERIODS.month.flatMap((period) => agencies.map((agency) => expectedRow("month", period, "داعش", agency)));
    expect([...rows].sort((a, b) => a.period.localeCompare(b.period) || String(a.agency).localeCompare(String(b.agency)))).toEqual(
      [...expected].sort((a, b) => a.period.localeCompare(b.period) || String(a.agency).localeCompare(String(b.agency))),
    );
    expect(rows.filter((row) => row.agency === "سانا").every((row) => row.matches === 0)).toBe(true);
  });

  it.each(QUERIES)("sums %s over the periods to search --count", async (query) => {
    const { rows } = await trend([query, "--by", "year"]);
    const counted = await runInProcess(["search", query, ...source, "--count"], { cwd: dir });
    expect(rows.reduce((sum, row) => sum + row.matches, 0)).toBe(Number(counted.stdout.trim()));
  });

  it("counts by the default unit, days for a span under 200 days", async () => {
    const { rows } = await trend(["داعش"]);
    expect(rows.map((row) => row.period)).toEqual(PERIODS.day);
  });

  it("exits with 1 when the query matches nothing, still listing the totals", async () => {
    const { rows, code } = await trend(["كلمةغائبة", "--by", "year"]);
    expect(code).toBe(1);
    expect(rows).toEqual([expectedRow("year", "2020", "داعش"), expectedRow("year", "2021", "داعش")].map((row) => ({ ...row, query: "كلمةغائبة", matches: 0, share: 0 })));
  });

  it("counts only the articles the filters keep", async () => {
    const { rows } = await trend(["داعش", "--by", "year", "--agency", "واس", "--since", "2021-01-01"]);
    expect(rows).toEqual([{ period: "2021", query: "داعش", matches: 1, total: 2, share: 0.5 }]);
  });
});

describe("trend's formats", () => {
  it("writes CSV with its columns in order, agency after query when split", async () => {
    const result = await runInProcess(["trend", "داعش", "a.txt", "b.txt", "--by", "year", "--split", "agency", "--csv"], { cwd: dir });
    expect(result.stdout.split("\n")[0]).toBe("period,query,agency,matches,total,share");
    expect(csvObjects(result.stdout)).toContainEqual({ period: "2021", query: "داعش", agency: "واس", matches: "1", total: "2", share: "0.5" });
  });

  it("gives the same rows from the dumps and from the index", async () => {
    const fromDumps = await runInProcess(["trend", "-e", "داعش", "-e", "الجيش", "a.txt", "b.txt", "--by", "week", "--split", "agency", "--json"], { cwd: dir });
    const fromIndex = await runInProcess(["trend", "-e", "داعش", "-e", "الجيش", "--db", "news.db", "--by", "week", "--split", "agency", "--json"], { cwd: dir });
    expect(JSON.parse(fromIndex.stdout)).toEqual(JSON.parse(fromDumps.stdout));
  });

  it("draws a bar per period on a terminal, as long as its matches allow", async () => {
    const result = await runInProcess(["trend", "مسؤول", "a.txt", "b.txt", "--by", "month"], { cwd: dir, isStdoutTerminal: true, columns: 80, env: { NO_COLOR: "1" } });
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^period\s+query\s+matches\s+total\s+share$/);
    const bars = lines.slice(1).map((line) => (line.match(/█+/)?.[0] ?? "").length);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(PERIODS.month);
    // One match in December and one in January: two bars of one length; none for February and March.
    expect(bars[0]).toBeGreaterThan(0);
    expect(bars).toEqual([bars[0], bars[0], 0, 0]);
  });

  it("refuses an unknown unit as a usage error", async () => {
    const result = await runInProcess(["trend", "داعش", "a.txt", "--by", "fortnight"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fortnight");
  });
});


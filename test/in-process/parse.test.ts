// In process, through run(): `newsctl parse`: the seed's record from files, directories and stdin, --tz, the output formats, the filters, and many articles in one dump.

import { mkdir, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/core/record.js";
import { buildDump, expectedRecord, type ArticleText } from "../helpers/dump-text.js";
import { seedPath } from "../helpers/run-newsctl.js";
import { runInProcess } from "../helpers/run-in-process.js";
import {
  contractFields,
  csvObjects,
  expectedSeedRecord,
  expectValidRecords,
  makeTempDir,
  parseNdjson,
  RECORD_FIELDS,
  removeTempDir,
  unescapeTsv,
  writeDump,
} from "../helpers/support.js";

const SEED_ARG = "seeds/000_dd904baf685b1fec.txt";
const seedText = readFileSync(seedPath);

/** Runs newsctl, expects exit 0 and NDJSON on stdout; returns the records (schema-checked). */
async function parseRecords(args: string[], options: Parameters<typeof runInProcess>[1] = {}): Promise<unknown[]> {
  const result = await runInProcess(args, options);
  expect(result.stderr, `stderr of newsctl ${args.join(" ")}`).toBe("");
  expect(result.code, `exit of newsctl ${args.join(" ")}`).toBe(0);
  const records = parseNdjson(result.stdout);
  expectValidRecords(records);
  return records;
}

describe("the seed's record", () => {
  it("parse FILE gives the seed's 11 fields exactly", async () => {
    const records = await parseRecords(["parse", SEED_ARG]);
    expect(records).toHaveLength(1);
    expect(contractFields(records[0])).toEqual(expectedSeedRecord(SEED_ARG));
  });

  it("parse DIR walks the directory and names the file as reached from DIR", async () => {
    const records = await parseRecords(["parse", "seeds"]);
    expect(records).toHaveLength(1);
    expect(contractFields(records[0])).toEqual(expectedSeedRecord("seeds/000_dd904baf685b1fec.txt"));
  });

  it("parse with the seed piped into stdin reads stdin, file is -", async () => {
    const records = await parseRecords(["parse"], { input: seedText });
    expect(records).toHaveLength(1);
    expect(contractFields(records[0])).toEqual(expectedSeedRecord("-"));
  });

  it("parse - reads stdin, file is -", async () => {
    const records = await parseRecords(["parse", "-"], { input: seedText });
    expect(records).toHaveLength(1);
    expect(contractFields(records[0])).toEqual(expectedSeedRecord("-"));
  });

  it("--tz Asia/Tehran adds the +03:30 offset and changes nothing else", async () => {
    const records = await parseRecords(["parse", SEED_ARG, "--tz", "Asia/Tehran"]);
    expect(records).toHaveLength(1);
    expect(contractFields(records[0])).toEqual({ ...expectedSeedRecord(SEED_ARG), published: "2021-01-25T11:27:00+03:30" });
  });

  it("an unknown --tz is a usage error: exit 2, a newsctl: message, no stack trace, no records", async () => {
    const result = await runInProcess(["parse", SEED_ARG, "--tz", "Mars/Olympus_Mons"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl: .*Mars\/Olympus_Mons/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/\w+Error\b/);
  });
});

describe("output formats (stdout is a pipe)", () => {
  it("with no format flag, output into a pipe is NDJSON: one JSON object per line", async () => {
    const result = await runInProcess(["parse", SEED_ARG]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("");
    expect(contractFields(JSON.parse(lines[0]!))).toEqual(expectedSeedRecord(SEED_ARG));
  });

  it("--ndjson is the same NDJSON", async () => {
    const records = await parseRecords(["parse", SEED_ARG, "--ndjson"]);
    expect(records.map(contractFields)).toEqual([expectedSeedRecord(SEED_ARG)]);
  });

  it.each([["--json"], ["--format", "json"]])("%s is one JSON array that JSON.parse reads", async (...flag) => {
    const result = await runInProcess(["parse", SEED_ARG, ...flag]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const parsed = JSON.parse(result.stdout) as unknown;
    expect(Array.isArray(parsed)).toBe(true);
    const records = parsed as unknown[];
    expectValidRecords(records);
    expect(records.map(contractFields)).toEqual([expectedSeedRecord(SEED_ARG)]);
  });

  it("--json with nothing selected is an empty array", async () => {
    const result = await runInProcess(["parse", SEED_ARG, "--json", "--id", "1"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it.each([["--csv"], ["--format", "csv"]])("%s has a header row and the body's newlines survive quoting", async (...flag) => {
    const result = await runInProcess(["parse", SEED_ARG, ...flag]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const rows = csvObjects(result.stdout);
    expect(rows).toHaveLength(1);
    const header = Object.keys(rows[0]!);
    for (const field of RECORD_FIELDS) expect(header).toContain(field);
    const expected = expectedSeedRecord(SEED_ARG);
    const row = rows[0]!;
    expect(row.id).toBe(expected.id);
    expect(row.headline).toBe(expected.headline);
    expect(row.subheadline).toBe(expected.subheadline);
    expect(row.lead).toBe(expected.lead);
    expect(row.agency).toBe(expected.agency);
    expect(row.published).toBe(expected.published);
    expect(row.desk).toBe(expected.desk);
    expect(row.body).toBe(expected.body);
    expect(row.body).toContain("\n");
    expect(row.file).toBe(SEED_ARG);
    expect(row.line).toBe("1");
    expect(row.warnings).toBe("");
  });

  it.each([["--tsv"], ["--format", "tsv"]])("%s has a header and one line per record with newlines escaped", async (...flag) => {
    const result = await runInProcess(["parse", SEED_ARG, ...flag]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.endsWith("\n")).toBe(true);
    const lines = result.stdout.slice(0, -1).split("\n");
    expect(lines).toHaveLength(2);
    const header = lines[0]!.split("\t");
    for (const field of RECORD_FIELDS) expect(header).toContain(field);
    const cells = lines[1]!.split("\t");
    expect(cells).toHaveLength(header.length);
    const row = Object.fromEntries(header.map((name, index) => [name, cells[index]!]));
    const expected = expectedSeedRecord(SEED_ARG);
    expect(row.id).toBe("490728");
    expect(row.body).toContain("\\n");
    expect(unescapeTsv(row.body!)).toBe(expected.body);
    expect(unescapeTsv(row.headline!)).toBe(expected.headline);
    expect(row.published).toBe(expected.published);
    expect(row.file).toBe(SEED_ARG);
    expect(row.line).toBe("1");
  });

  it("two format flags at once are a usage error", async () => {
    const result = await runInProcess(["parse", SEED_ARG, "--json", "--csv"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl:/);
  });

  it("an unknown --format is a usage error", async () => {
    const result = await runInProcess(["parse", SEED_ARG, "--format", "xml"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl:/);
  });
});

// Five hand-written articles: varied titles, a blank line inside a body, zero and two blank lines between articles.
const ARTICLES: readonly ArticleText[] = [
  {
    headline: "افتتاح معرض الكتاب في المدينة القديمة",
    agency: "تنا",
    date: "20 Jan 2021 ساعة 08:00",
    body: ["افتتح صباح اليوم معرض الكتاب السنوي بمشاركة عشرات دور النشر.", "", "وقال المنظمون إن المعرض يستمر أسبوعاً كاملاً."],
    desk: "21",
    number: "1001",
  },
  {
    headline: "ارتفاع أسعار القمح في الأسواق المحلية",
    subheadline: "التجار يعزون الارتفاع إلى تراجع المحاصيل",
    agency: "واس",
    date: "25 Jan 2021 ساعة 23:59",
    body: ["ارتفعت أسعار القمح هذا الأسبوع بنسبة ملحوظة في معظم المدن."],
    number: "1002",
  },
  {
    lead: "فاز فريق الجامعة ببطولة الشطرنج الإقليمية بعد مباراة حاسمة.",
    headline: "فريق الجامعة يفوز ببطولة الشطرنج",
    subheadline: "المدرب يشيد بأداء اللاعبين",
    agency: "تنا",
    date: "1 Feb 2021 ساعة 10:30",
    body: ["فاز فريق الجامعة ببطولة الشطرنج الإقليمية بعد مباراة حاسمة.", "وأشاد المدرب بأداء اللاعبين الشباب."],
    desk: "7",
    number: "1003",
  },
  {
    headline: "أمطار غزيرة تغمر شوارع العاصمة",
    agency: "الشرق الأوسط",
    date: "2021-01-26 00:00",
    body: ["غمرت الأمطار الغزيرة شوارع العاصمة ليلة أمس.", "ودعت البلدية السكان إلى الحذر."],
    number: "1004",
  },
  {
    headline: "مهرجان للتراث الشعبي في الريف",
    agency: "واس",
    date: "27 Jan 2021 ساعة 12:00",
    body: ["انطلق مهرجان التراث الشعبي بحضور جمهور كبير من الزوار."],
    number: "1005",
  },
];
const PUBLISHED = ["2021-01-20T08:00:00", "2021-01-25T23:59:00", "2021-02-01T10:30:00", "2021-01-26T00:00:00", "2021-01-27T12:00:00"];

describe("many articles in one dump", () => {
  let dir: string;
  let dumpFile: string;
  let expected: ArticleRecord[];

  beforeAll(async () => {
    dir = await makeTempDir();
    const { text, firstLines } = buildDump(ARTICLES, [1, 2, 0, 1]);
    dumpFile = await writeDump(dir, "multi.txt", text);
    expected = ARTICLES.map((article, index) => expectedRecord(article, PUBLISHED[index]!, dumpFile, firstLines[index]!));
  });
  afterAll(() => removeTempDir(dir));

  const ids = (records: unknown[]) => records.map((record) => (record as { id: unknown }).id);

  it("every article becomes its record, in file order, with its first line", async () => {
    const records = await parseRecords(["parse", dumpFile]);
    expect(records.map(contractFields)).toEqual(expected);
  });

  it("--json holds all of them in one array", async () => {
    const result = await runInProcess(["parse", dumpFile, "--json"]);
    expect(result.code).toBe(0);
    const records = JSON.parse(result.stdout) as unknown[];
    expectValidRecords(records);
    expect(records.map(contractFields)).toEqual(expected);
  });

  it("--csv has one row per article; null fields are empty cells", async () => {
    const result = await runInProcess(["parse", dumpFile, "--csv"]);
    expect(result.code).toBe(0);
    const rows = csvObjects(result.stdout);
    expect(rows.map((row) => row.id)).toEqual(["1001", "1002", "1003", "1004", "1005"]);
    expect(rows[0]!.subheadline).toBe("");
    expect(rows[0]!.body).toBe(expected[0]!.body);
    expect(rows[2]!.lead).toBe(ARTICLES[2]!.lead);
  });

  it("--tsv has exactly one line per article plus the header", async () => {
    const result = await runInProcess(["parse", dumpFile, "--tsv"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.replace(/\n$/, "").split("\n");
    expect(lines).toHaveLength(1 + ARTICLES.length);
  });

  it("--limit N stops after N records", async () => {
    expect(ids(await parseRecords(["parse", dumpFile, "--limit", "2"]))).toEqual(["1001", "1002"]);
  });

  it("--limit is a whole number; anything else is a usage error", async () => {
    const result = await runInProcess(["parse", dumpFile, "--limit", "two"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl:.*--limit/);
  });

  it("--id selects one article, and is repeatable", async () => {
    expect(ids(await parseRecords(["parse", dumpFile, "--id", "1003"]))).toEqual(["1003"]);
    expect(ids(await parseRecords(["parse", dumpFile, "--id", "1001", "--id", "1005"]))).toEqual(["1001", "1005"]);
  });

  it("--agency selects by agency, and is repeatable", async () => {
    expect(ids(await parseRecords(["parse", dumpFile, "--agency", "تنا"]))).toEqual(["1001", "1003"]);
    expect(ids(await parseRecords(["parse", dumpFile, "--agency", "واس", "--agency", "الشرق الأوسط"]))).toEqual(["1002", "1004", "1005"]);
  });

  it("--since and --until with dates are inclusive of their whole days", async () => {
    expect(ids(await parseRecords(["parse", dumpFile, "--since", "2021-01-25", "--until", "2021-01-26"]))).toEqual(["1002", "1004"]);
    expect(ids(await parseRecords(["parse", dumpFile, "--until", "2021-01-25"]))).toEqual(["1001", "1002"]);
    expect(ids(await parseRecords(["parse", dumpFile, "--since", "2021-01-27"]))).toEqual(["1003", "1005"]);
  });

  it("--since and --until with full ISO times are inclusive", async () => {
    const records = await parseRecords(["parse", dumpFile, "--since", "2021-01-25T23:59:00", "--until", "2021-01-26T00:00:00"]);
    expect(ids(records)).toEqual(["1002", "1004"]);
  });

  it("filters combine with each other and with --limit", async () => {
    expect(ids(await parseRecords(["parse", dumpFile, "--agency", "واس", "--since", "2021-01-26"]))).toEqual(["1005"]);
    expect(ids(await parseRecords(["parse", dumpFile, "--agency", "واس", "--limit", "1"]))).toEqual(["1002"]);
  });

  it("a --since that is not a date is a usage error", async () => {
    const result = await runInProcess(["parse", dumpFile, "--since", "yesterday"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl:.*--since/);
  });

  it("the same dump through stdin gives the same records with file -", async () => {
    const records = await parseRecords(["parse", "-"], { input: readFileSync(dumpFile) });
    expect(records.map(contractFields)).toEqual(expected.map((record) => ({ ...record, file: "-" })));
  });
});

describe("directories", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
    await mkdir(path.join(dir, "sub", "deeper"), { recursive: true });
    await writeDump(dir, "a.txt", buildDump([ARTICLES[0]!]).text);
    await writeDump(dir, path.join("sub", "deeper", "b.txt"), buildDump([ARTICLES[1]!]).text);
    // Not *.txt: not read.
    await writeFile(path.join(dir, "notes.md"), buildDump([ARTICLES[2]!]).text);
  });
  afterAll(() => removeTempDir(dir));

  it("are walked recursively for *.txt and each record names its file under the given path", async () => {
    const records = (await parseRecords(["parse", dir])).map(contractFields);
    const byId = new Map(records.map((record) => [record.id, record]));
    expect([...byId.keys()].sort()).toEqual(["1001", "1002"]);
    expect(byId.get("1001")!.file).toBe(path.join(dir, "a.txt"));
    expect(byId.get("1002")!.file).toBe(path.join(dir, "sub", "deeper", "b.txt"));
  });
});

// `newsctl index` and `--db`: an index answers search, export and show exactly as a scan of the same files does; reruns are incremental; duplicates keep the newer; kills, concurrent writers and foreign files leave no damage.

import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { newsctlArgv, projectRoot, runNewsctl, type RunResult, runShell } from "../helpers/run-newsctl.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { makeTempDir, parseNdjson, removeTempDir, writeDump } from "../helpers/support.js";
import { openSqlite, type SqliteDatabase } from "../../src/io/sqlite-binding.js";

type Row = Record<string, unknown>;

const corpusRoot = path.resolve(projectRoot, "../shared/corpus/saudinewsnet-2015-07-22");
const hasCorpus = existsSync(path.join(corpusRoot, "dumps"));

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir();
});
afterAll(() => removeTempDir(tmp));

/** A fresh folder under the file's temp dir. */
let folderCount = 0;
async function freshDir(name: string): Promise<string> {
  const dir = path.join(tmp, `${++folderCount}-${name}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** The rerun summary on stderr: "N files indexed, M unchanged, K gone". */
function summaryOf(result: RunResult): { indexed: number; unchanged: number; gone: number } {
  const match = /(\d+) files? indexed, (\d+) unchanged, (\d+) gone/.exec(result.stderr);
  expect(match, `no "indexed, unchanged, gone" summary on stderr:\n${result.stderr}`).not.toBeNull();
  return { indexed: Number(match![1]), unchanged: Number(match![2]), gone: Number(match![3]) };
}

async function index(cwd: string, paths: readonly string[], db: string, ...extra: string[]): Promise<RunResult> {
  const result = await runInProcess(["index", ...paths, "--db", db, ...extra], { cwd });
  expect(result.code, `newsctl index ${paths.join(" ")} --db ${db} failed:\n${result.stderr}`).toBe(0);
  return result;
}

/** Records ordered by file then line, for comparing sets whatever order they came in. */
function byPlace(records: readonly unknown[]): Row[] {
  return (records as Row[]).slice().sort((a, b) => {
    const fa = String(a.file);
    const fb = String(b.file);
    if (fa !== fb) return fa < fb ? -1 : 1;
    return Number(a.line) - Number(b.line);
  });
}

/** Opens an index read-only for the test's own look inside. */
function inspect<T>(db: string, look: (database: SqliteDatabase) => T): T {
  const database = openSqlite(db, { readonly: true, fileMustExist: true });
  try {
    return look(database);
  } finally {
    database.close();
  }
}

const articleCount = (db: string) => inspect(db, (d) => (d.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n);
const integrity = (db: string) => inspect(db, (d) => d.pragma("integrity_check", { simple: true }));

/** No line of stderr is a stack frame, and every line is a newsctl message. */
function expectCleanMessage(stderr: string): void {
  expect(stderr, "stderr is empty").not.toBe("");
  expect(stderr).not.toMatch(/^\s+at /m);
  for (const line of stderr.split("\n").filter((l) => l !== "")) expect(line.startsWith("newsctl:"), `stderr line: ${line}`).toBe(true);
}

/**
 * search QUERY over files (a scan) and over the index: the same stdout (records, order, scores)
 * and the same exit code. Returns the scan's records.
 */
async function expectSearchAgrees(cwd: string, paths: readonly string[], db: string, query: string, extra: readonly string[]): Promise<Row[]> {
  const [scan, indexed] = await Promise.all([
    // Options before "--", so that a query may start with -word.
    runInProcess(["search", "--quiet", ...extra, "--", query, ...paths], { cwd }),
    runInProcess(["search", "--db", db, ...extra, "--", query], { cwd }),
  ]);
  const label = `search ${JSON.stringify(query)} ${extra.join(" ")}`;
  expect(scan.code, `${label} over files: ${scan.stderr}`).toBeOneOf([0, 1]);
  expect(indexed.code, `${label} --db: ${indexed.stderr}`).toBe(scan.code);
  const records = parseNdjson(scan.stdout) as Row[];
  // Compared as parsed records first for a readable difference, then byte for byte.
  expect(parseNdjson(indexed.stdout), label).toEqual(records);
  expect(indexed.stdout, label).toBe(scan.stdout);
  return records;
}

/** export over files and over the index: the same records (order aside). */
async function expectExportAgrees(cwd: string, paths: readonly string[], db: string, extra: readonly string[] = []): Promise<Row[]> {
  const [scan, indexed] = await Promise.all([
    runInProcess(["export", ...paths, "--quiet", ...extra], { cwd }),
    runInProcess(["export", "--db", db, ...extra], { cwd }),
  ]);
  expect(scan.code, scan.stderr).toBe(0);
  expect(indexed.code, indexed.stderr).toBe(0);
  const records = byPlace(parseNdjson(scan.stdout));
  expect(byPlace(parseNdjson(indexed.stdout)), `export ${extra.join(" ")}`).toEqual(records);
  return records;
}

/** show ID over files and over the index: the same output and exit code, in each format given (default: the text view). */
async function expectShowAgrees(cwd: string, paths: readonly string[], db: string, id: string, formats: readonly (readonly string[])[] = [[]]): Promise<void> {
  for (const format of formats) {
    const [scan, indexed] = await Promise.all([
      runInProcess(["show", id, ...paths, "--quiet", ...format], { cwd }),
      runInProcess(["show", id, "--db", db, ...format], { cwd }),
    ]);
    expect(scan.code, `show ${id} over files: ${scan.stderr}`).toBeOneOf([0, 1]);
    expect(indexed.code, `show ${id} --db: ${indexed.stderr}`).toBe(scan.code);
    expect(indexed.stdout, `show ${id} ${format.join(" ")}`).toBe(scan.stdout);
  }
}

/** Runs `work` over the items, `size` at a time (each item already runs two processes). */
async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
}

const toArabicIndic = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d)));

// ---------------------------------------------------------------------------------------------
// A hand-written fixture: every sentence below was written for this test.

const FIXTURE: Record<string, ArticleText[]> = {
  "a.txt": [
    {
      headline: "وزير الزراعة يفتتح سوقاً جديدة للخضار",
      agency: "واس",
      date: "3 مارس 2022 ساعة 09:15",
      body: ["افتتح وزيرُ الزراعة صباح اليوم سوقاً جديدة للخضار في المدينة.", "وقال مسؤول في الوزارة إن السوق تضم ٢٥٠ متجراً."],
      desk: "110",
      number: "7001",
    },
    {
      headline: "أمطار غزيرة في المدينة الساحلية",
      agency: "واس",
      date: "2022-03-04 14:30",
      body: ["هطلت أمطار غزيرة على المدينة الساحلية طوال الليل.", "", "وأعلنت إدارة الطرق إغلاق الطريق الساحلي مؤقتاً."],
      number: "7002",
    },
    {
      lead: "تستضيف الجامعة مؤتمراً دولياً عن الطاقة المتجددة.",
      headline: "مؤتمر دولي للطاقة المتجددة في الجامعة",
      subheadline: "مشاركة ٤٠ باحثاً من عشر دول",
      agency: "تنا",
      date: "5 Mar 2022 ساعة 11:00",
      body: ["تستضيف الجامعة مؤتمراً دولياً عن الطاقة المتجددة.", "وقال رئيس الجامعة إن المؤتمر يناقش مشاريع الطاقة الشمسية."],
      number: "7003",
    },
  ],
  "b.txt": [
    {
      headline: "الفريق الوطني يفوز في المباراة النهائية",
      agency: "تنا",
      date: "6 مارس 2022 - 20:45",
      body: ["فاز الفريق الوطني بالمباراة النهائية بهدفين.", "واحتفل الجمهور في شوارع المدينة حتى الصباح."],
      number: "7004",
    },
    {
      headline: "مسئول: أسعار القمح مستقرة",
      agency: "الوطن",
      date: "٧ مارس ٢٠٢٢ الساعة ١٠:٠٠",
      body: ["أكد مسئول في وزارة التجارة أن أسعار القمح مستقرة منذ بداية عام 2022.", "وأضاف أن المخزون يكفي لستة أشهر."],
      number: "٧٠٠٥",
    },
    {
      headline: "افتتاح مستشفى جديد للأطفال",
      agency: "الوطن",
      date: "8 Mar 2022 ساعة 08:00",
      body: ["افتتحت وزارة الصحة مستشفى جديداً للأطفال في الحي الشرقي.", "ويضم المستشفى ١٢٠ سريراً ووحدة للطوارئ."],
      desk: "204",
      number: "7006",
    },
  ],
  "sub/c.txt": [
    {
      headline: "الـعـربـيـة لغة المؤتمر",
      agency: "واس",
      date: "9 Mar 2022 ساعة 12:00",
      body: ["اعتمد المؤتمر اللغة العربية لغة رسمية للجلسات.", "وقدّم الباحثون أوراقهم بالعربية والإنجليزية."],
      number: "7007",
    },
    {
      headline: "إنشاء طريق جديد بين المدينتين",
      agency: "تنا",
      date: "10 Mar 2022 ساعة 16:20",
      body: ["بدأت أعمال إنشاء طريق جديد يربط بين المدينتين.", "ويبلغ طول الطريق ٨٥ كيلومتراً."],
      number: "7008",
    },
    {
      headline: "انقطاع الكهرباء عن أحياء المدينة",
      agency: "واس",
      date: "11 Mar 2022 ساعة 07:05",
      body: ["انقطعت الكهرباء عن عدة أحياء في المدينة لساعات.", "وأعلنت الشركة إعادة التيار ظهراً."],
      number: "7009",
    },
    // An article that lost its number line: kept, with a warning, by both.
    {
      headline: "الطريق الساحلي يعود للعمل",
      agency: "واس",
      date: "12 Mar 2022 ساعة 06:00",
      body: ["أعيد فتح الطريق الساحلي أمام السيارات بعد انحسار المياه."],
    },
  ],
};

const FIXTURE_QUERIES: ReadonlyArray<readonly [string, ...string[]]> = [
  ["المدينة"],
  ["مدينه"], // teh marbuta typed as heh
  ["وَزِيرُ"], // harakat in the query
  ["مسؤول"], // matches مسئول too
  ["اسعار"], // bare alef for أسعار
  ["الطريق OR الكهرباء"],
  ["المدينة -أمطار"],
  ['"الفريق الوطني"'],
  ['"الوطني الفريق"'],
  ["مؤتمر*"],
  ["headline:المؤتمر"],
  ["agency:واس"],
  ["٢٠٢٢"], // Arabic-Indic digits for 2022 in a body
  ["250"], // Latin digits for ٢٥٠
  ["العربية"], // tatweel in a headline
  ["الطريق", "--exact"],
  ["طريق", "--exact"],
  ["المستشفى body:الأطفال"],
  ["زقزقة"], // nothing
  ["-المدينة -الطريق"], // only negated words
];

const FIXTURE_FILTERS: ReadonlyArray<readonly string[]> = [
  ["--since", "2022-03-05", "--until", "2022-03-09"],
  ["--since", "2022-03-06T00:00:00"],
  ["--agency", "واس"],
  ["--agency", "تنا", "--agency", "الوطن"],
  ["--limit", "2"],
  ["--sort", "date"],
  ["--sort", "date", "--limit", "3", "--agency", "واس"],
];

describe("a hand-written fixture: the index answers as a scan of the files does", () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await freshDir("fixture");
    await mkdir(path.join(dir, "data", "sub"), { recursive: true });
    for (const [name, articles] of Object.entries(FIXTURE)) await writeDump(path.join(dir, "data"), name, buildDump(articles).text);
    db = path.join(dir, "fixture.db");
    await index(dir, ["data"], db, "--quiet");
  });

  it("search: the same records, order, scores and exit code, for every query", async () => {
    const results = await inBatches(FIXTURE_QUERIES, 2, ([query, ...extra]) => expectSearchAgrees(dir, ["data"], db, query, extra));
    const withMatches = results.filter((records) => records.length > 0).length;
    // Agreement on empty results would mean little: most queries find something.
    expect(withMatches).toBeGreaterThanOrEqual(FIXTURE_QUERIES.length - 3);
  });

  it("search --count: the same number, with and without filters", async () => {
    const cases: ReadonlyArray<readonly [string, ...string[]]> = [
      ["المدينة"],
      ["مسؤول OR الكهرباء"],
      ["المدينة -أمطار"],
      ['"الفريق الوطني" OR مؤتمر*'],
      ["-المدينة -الطريق"],
      ["المدينة", "--exact"],
      ["المدينة OR الطريق", "--agency", "واس"],
      ["المدينة -أمطار", "--since", "2022-03-05", "--until", "2022-03-09"],
    ];
    const counts = await inBatches(cases, 2, ([query, ...extra]) => expectSearchAgrees(dir, ["data"], db, query, [...extra, "--count"]));
    expect(counts.filter(([count]) => Number(count) > 0).length).toBeGreaterThanOrEqual(cases.length - 1);
  });

  it("search with filters, --limit and --sort date", async () => {
    const cases = FIXTURE_FILTERS.map((filter, index) => [index % 2 === 0 ? "المدينة OR الطريق OR المؤتمر" : "مسؤول OR وزارة* OR المدينة", filter] as const);
    const results = await inBatches(cases, 2, ([query, filter]) => expectSearchAgrees(dir, ["data"], db, query, filter));
    expect(results.filter((records) => records.length > 0).length).toBeGreaterThanOrEqual(cases.length - 2);
  });

  it("search with --tz: the index gives what the files give, or refuses the option (exit 2)", async () => {
    const extra = ["--tz", "Asia/Riyadh", "--since", "2022-03-06T08:00:00+03:00"];
    const [scan, indexed] = await Promise.all([
      runInProcess(["search", "المدينة", "data", "--quiet", ...extra], { cwd: dir }),
      runInProcess(["search", "المدينة", "--db", db, ...extra], { cwd: dir }),
    ]);
    expect(scan.code).toBe(0);
    expect(parseNdjson(scan.stdout).every((record) => String((record as Row).published).endsWith("+03:00"))).toBe(true);
    if (indexed.code === 2) {
      expect(indexed.stderr, "a refusal should name --tz").toContain("--tz");
    } else {
      expect(indexed.stdout, "search --db --tz Asia/Riyadh vs the same search over the files").toBe(scan.stdout);
    }
  });

  it("export: the same records, the damaged one included; and with filters", async () => {
    const all = await expectExportAgrees(dir, ["data"], db);
    expect(all).toHaveLength(10);
    expect(all.filter((record) => record.id === null)).toHaveLength(1);
    await expectExportAgrees(dir, ["data"], db, ["--since", "2022-03-05", "--until", "2022-03-09", "--agency", "تنا", "--agency", "الوطن"]);
  });

  it("export --limit picks the same records from the index as from the files, where a folder and a file share a name's start", async () => {
    // The walk reads data2/2022-03/ before data2/2022-03-late.txt ("2022-03" < "2022-03-late.txt").
    const other = path.join(dir, "data2");
    await mkdir(path.join(other, "2022-03"), { recursive: true });
    await writeDump(path.join(other, "2022-03"), "early.txt", buildDump([FIXTURE["a.txt"]![0]!, FIXTURE["a.txt"]![1]!]).text);
    await writeDump(other, "2022-03-late.txt", buildDump([FIXTURE["b.txt"]![0]!, FIXTURE["b.txt"]![1]!]).text);
    const otherDb = path.join(dir, "data2.db");
    await index(dir, ["data2"], otherDb, "--quiet");
    for (const limit of ["1", "3"]) {
      const [scan, indexed] = await Promise.all([
        runInProcess(["export", "data2", "--limit", limit], { cwd: dir }),
        runInProcess(["export", "--db", otherDb, "--limit", limit], { cwd: dir }),
      ]);
      expect(scan.code).toBe(0);
      expect(indexed.code).toBe(0);
      expect(byPlace(parseNdjson(indexed.stdout)).map((r) => r.id), `export --limit ${limit}`).toEqual(byPlace(parseNdjson(scan.stdout)).map((r) => r.id));
    }
  });

  it("show: the same article, by Latin or Arabic-Indic digits; a missing number is exit 1 for both", async () => {
    await expectShowAgrees(dir, ["data"], db, "7003", [[], ["--json"]]);
    await inBatches(["7001", "7005", toArabicIndic("7009"), "9999"], 2, (id) => expectShowAgrees(dir, ["data"], db, id));
  });
});

// ---------------------------------------------------------------------------------------------

const CORPUS_QUERIES: ReadonlyArray<readonly [string, ...string[]]> = [
  ["السعوديه"], // teh marbuta typed as heh
  ["مُحَمَّد"], // harakat in the query
  ["امير"], // bare alef for أمير
  ["مسئول"], // the other hamza seat
  ["الرياض OR جدة"],
  ["النفط -أسعار"],
  ['"وزارة الصحة"'],
  ["اقتصاد*"],
  ["headline:الأمن"],
  ["body:وزارة -headline:وزارة"],
  ["agency:عكاظ"],
  ["٢٠١٥"], // Arabic-Indic digits
  ["الجيش", "--exact"],
  ["زقزقةطويلة"], // nothing
  ["-السعودية -الرياض"], // only negated words
];

// A query, then filters.
const CORPUS_FILTERS: ReadonlyArray<readonly string[]> = [
  ["السعودية", "--since", "2015-07-22T10:00:00", "--until", "2015-07-22T17:00:00"],
  ["وزير OR أمير*", "--agency", "الرياض", "--agency", "عكاظ"],
  ["السعودية", "--limit", "7"],
  ["وزير OR أمير*", "--sort", "date", "--limit", "20", "--agency", "سبق"],
  ["المملكة", "--since", "2015-07-22", "--until", "2015-07-22T09:30:00", "--sort", "date"],
];

describe.skipIf(!hasCorpus)("the shared corpus: the index answers as a scan of the files does", () => {
  let db: string;
  beforeAll(async () => {
    db = path.join(await freshDir("corpus"), "corpus.db");
    await index(corpusRoot, ["dumps"], db, "--quiet");
  });

  it(`search: ${CORPUS_QUERIES.length} queries give the same stdout and exit code`, async () => {
    const results = await inBatches(CORPUS_QUERIES, 2, ([query, ...extra]) => expectSearchAgrees(corpusRoot, ["dumps"], db, query, extra));
    expect(results.filter((records) => records.length > 0).length).toBeGreaterThanOrEqual(CORPUS_QUERIES.length - 2);
  });

  it("search with filters, --limit and --sort date", async () => {
    const results = await inBatches(CORPUS_FILTERS, 2, ([query, ...filter]) => expectSearchAgrees(corpusRoot, ["dumps"], db, query!, filter));
    expect(results.filter((records) => records.length > 0).length).toBeGreaterThanOrEqual(CORPUS_FILTERS.length - 1);
  });

  it("export: the same set of records, and the same with filters", async () => {
    const all = await expectExportAgrees(corpusRoot, ["dumps"], db);
    expect(all.length).toBeGreaterThan(1000);
    await expectExportAgrees(corpusRoot, ["dumps"], db, ["--agency", "الرياض", "--since", "2015-07-22T10:00:00"]);
  });

  it("show: the same article for numbers from the start, middle and end of the corpus", async () => {
    const exported = await runInProcess(["export", "--db", db], { cwd: corpusRoot });
    const ids = byPlace(parseNdjson(exported.stdout))
      .map((record) => record.id)
      .filter((id): id is string => typeof id === "string");
    expect(ids.length).toBeGreaterThan(100);
    const picked = [ids[0]!, ids[Math.floor(ids.length / 2)]!, toArabicIndic(ids[ids.length - 1]!)];
    await Promise.all([expectShowAgrees(corpusRoot, ["dumps"], db, picked[0]!, [["--json"]]), ...picked.slice(1).map((id) => expectShowAgrees(corpusRoot, ["dumps"], db, id))]);
  });
});

// ---------------------------------------------------------------------------------------------

function shortArticle(number: string, headline: string, date: string, body: string): ArticleText {
  return { headline, agency: "واس", date, body: [body], number };
}

describe("incremental reruns", () => {
  let dir: string;
  let db: string;
  const files = {
    "a.txt": [shortArticle("101", "افتتاح حديقة عامة", "2022-05-01 09:00", "افتتحت البلدية حديقة عامة في الحي الغربي."), shortArticle("102", "سباق للدراجات", "2022-05-02 09:00", "انطلق سباق الدراجات من ساحة البلدية.")],
    "b.txt": [shortArticle("201", "معرض للكتاب", "2022-05-03 09:00", "يفتتح معرض الكتاب أبوابه للزوار غداً."), shortArticle("202", "ندوة عن المياه", "2022-05-04 09:00", "ناقشت ندوة علمية ترشيد استهلاك المياه.")],
    "c.txt": [shortArticle("301", "حملة للتشجير", "2022-05-05 09:00", "أطلق متطوعون حملة لزراعة ألف شجرة."), shortArticle("302", "مهرجان للتمور", "2022-05-06 09:00", "يشارك مزارعون في مهرجان التمور السنوي.")],
  };
  const ids = async () => {
    const result = await runInProcess(["export", "--db", db]);
    expect(result.code, result.stderr).toBe(0);
    return byPlace(parseNdjson(result.stdout)).map((record) => record.id);
  };

  beforeAll(async () => {
    dir = await freshDir("incremental");
    await mkdir(path.join(dir, "data"));
    for (const [name, articles] of Object.entries(files)) await writeDump(path.join(dir, "data"), name, buildDump(articles).text);
    db = path.join(dir, "news.db");
  });

  it("indexes 3 files, then a rerun finds all 3 unchanged", async () => {
    expect(summaryOf(await index(dir, ["data"], db))).toEqual({ indexed: 3, unchanged: 0, gone: 0 });
    expect(await ids()).toEqual(["101", "102", "201", "202", "301", "302"]);
    expect(summaryOf(await index(dir, ["data"], db))).toEqual({ indexed: 0, unchanged: 3, gone: 0 });
    expect(await ids()).toEqual(["101", "102", "201", "202", "301", "302"]);
  });

  it("a file whose content changed is indexed again: its new articles replace its old ones", async () => {
    const file = path.join(dir, "data", "b.txt");
    const changed = [shortArticle("201", "معرض للكتاب يمدد أيامه", "2022-05-03 09:00", "قرر المنظمون تمديد معرض الكتاب أسبوعاً."), shortArticle("203", "سوق للحرف اليدوية", "2022-05-07 09:00", "يعرض حرفيون منتجاتهم في سوق شعبية.")];
    await writeFile(file, buildDump(changed).text);
    const later = new Date(statSync(file).mtimeMs + 5_000);
    await utimes(file, later, later);
    expect(summaryOf(await index(dir, ["data"], db))).toEqual({ indexed: 1, unchanged: 2, gone: 0 });
    expect(await ids()).toEqual(["101", "102", "201", "203", "301", "302"]);
    // The old text of 202 and 201 is no longer found; the new one is.
    expect((await runInProcess(["search", "ندوة", "--db", db])).code).toBe(1);
    expect((await runInProcess(["search", "تمديد", "--db", db])).code).toBe(0);
    await expectExportAgrees(dir, ["data"], db);
  });

  it("a file touched without a change of bytes is not indexed again", async () => {
    const file = path.join(dir, "data", "c.txt");
    const later = new Date(statSync(file).mtimeMs + 60_000);
    await utimes(file, later, later);
    expect(summaryOf(await index(dir, ["data"], db))).toEqual({ indexed: 0, unchanged: 3, gone: 0 });
    expect(summaryOf(await index(dir, ["data"], db))).toEqual({ indexed: 0, unchanged: 3, gone: 0 });
    expect(await ids()).toEqual(["101", "102", "201", "203", "301", "302"]);
  });

  it("a deleted file's articles are gone from the index", async () => {
    await rm(path.join(dir, "data", "a.txt"));
    expect(summaryOf(await index(dir, ["data"], db))).toEqual({ indexed: 0, unchanged: 2, gone: 1 });
    expect(await ids()).toEqual(["201", "203", "301", "302"]);
    expect((await runInProcess(["search", "الدراجات", "--db", db])).code).toBe(1);
    expect((await runInProcess(["show", "101", "--db", db])).code).toBe(1);
    await expectExportAgrees(dir, ["data"], db);
    expect(summaryOf(await index(dir, ["data"], db))).toEqual({ indexed: 0, unchanged: 2, gone: 0 });
  });
});

// ---------------------------------------------------------------------------------------------

describe("an article number met twice keeps the article published later", () => {
  const newer = shortArticle("500", "الخبر المحدث عن السد", "2021-03-01 12:00", "اكتمل بناء السد الجديد على النهر.");
  const older = shortArticle("500", "الخبر القديم عن الجسر", "2021-02-01 12:00", "بدأ العمل في بناء الجسر الحجري.");
  const other = shortArticle("600", "خبر آخر", "2021-02-15 12:00", "خبر لا علاقة له بالرقم المكرر.");

  it.each([
    ["the newer file is read first", "a-newer.txt", "b-older.txt"],
    ["the newer file is read last", "b-newer.txt", "a-older.txt"],
  ])("%s", async (_, newerName, olderName) => {
    const dir = await freshDir("duplicates");
    await writeDump(dir, newerName, buildDump([newer]).text);
    await writeDump(dir, olderName, buildDump([older, other]).text);
    const db = path.join(dir, "dup.db");
    const result = await runInProcess(["index", ".", "--db", db], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.split("\n").filter((line) => line.includes("duplicate-id")), result.stderr).toHaveLength(1);
    const records = parseNdjson((await runInProcess(["export", "--db", db], { cwd: dir })).stdout) as Row[];
    expect(records.filter((record) => record.id === "500").map((record) => [record.headline, record.published])).toEqual([[newer.headline, "2021-03-01T12:00:00"]]);
    expect(records.map((record) => record.id).sort()).toEqual(["500", "600"]);
    const shown = await runInProcess(["show", "500", "--db", db, "--json"], { cwd: dir });
    expect((JSON.parse(shown.stdout) as Row).headline).toBe(newer.headline);
    // The dropped article is not found by its words either.
    expect((await runInProcess(["search", "الجسر", "--db", db], { cwd: dir })).code).toBe(1);
    expect((await runInProcess(["search", "السد", "--db", db], { cwd: dir })).code).toBe(0);
    // Counted from the index's word tables, the dropped one still does not count.
    expect((await runInProcess(["search", "بناء", "--db", db, "--count"], { cwd: dir })).stdout).toBe("1\n");
    expect((await runInProcess(["search", "--db", db, "--count", "--", "-زقزقة"], { cwd: dir })).stdout).toBe("2\n");
  });

  it("an older duplicate added on a rerun does not replace the newer one", async () => {
    const dir = await freshDir("duplicates-rerun");
    await writeDump(dir, "first.txt", buildDump([newer]).text);
    const db = path.join(dir, "dup.db");
    await index(dir, ["."], db);
    await writeDump(dir, "second.txt", buildDump([older]).text);
    const rerun = await index(dir, ["."], db);
    expect(rerun.stderr).toContain("duplicate-id");
    const shown = await runInProcess(["show", "500", "--db", db, "--json"], { cwd: dir });
    expect((JSON.parse(shown.stdout) as Row).headline).toBe(newer.headline);
  });

  it("when the newer one's file is deleted, the index holds the older one, as the files do", async () => {
    const dir = await freshDir("duplicates-delete");
    await writeDump(dir, "newer.txt", buildDump([newer]).text);
    await writeDump(dir, "older.txt", buildDump([older]).text);
    const db = path.join(dir, "dup.db");
    await index(dir, ["."], db);
    await rm(path.join(dir, "newer.txt"));
    await index(dir, ["."], db);
    const [scan, indexed] = await Promise.all([
      runInProcess(["show", "500", ".", "--json"], { cwd: dir }),
      runInProcess(["show", "500", "--db", db, "--json"], { cwd: dir }),
    ]);
    expect(scan.code).toBe(0);
    expect(indexed.code, `show 500 --db after newer.txt was deleted: ${indexed.stderr}`).toBe(0);
    expect(indexed.stdout).toBe(scan.stdout);
  });
});

// ---------------------------------------------------------------------------------------------
// A big generated folder for kills and concurrent writers: 200 files of 100 short articles.

const WORDS = [
  "الحكومة", "الوزير", "الاقتصاد", "المدينة", "الطريق", "المطار", "المستشفى", "الجامعة", "الطلاب", "المشروع",
  "الميناء", "السوق", "الأسعار", "القمح", "المياه", "الكهرباء", "الشتاء", "الأمطار", "المزارعين", "المصنع",
  "الفريق", "المباراة", "البرلمان", "القانون", "التجارة", "الصادرات", "المدرسة", "مسؤول", "إنشاء", "مُؤتمر",
];
const BIG_FILES = 200;
const ARTICLES_PER_FILE = 100;
const BIG_TOTAL = BIG_FILES * ARTICLES_PER_FILE;

async function generateBigFolder(dir: string): Promise<void> {
  let seed = 20_240_601;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(" ");
  await mkdir(dir, { recursive: true });
  const writes: Promise<void>[] = [];
  for (let f = 0; f < BIG_FILES; f++) {
    const articles: ArticleText[] = [];
    for (let a = 0; a < ARTICLES_PER_FILE; a++) {
      articles.push({
        headline: words(4),
        agency: ["واس", "تنا", "الوطن"][a % 3]!,
        date: `2021-${String(1 + (a % 12)).padStart(2, "0")}-${String(1 + (f % 28)).padStart(2, "0")} ${String(a % 24).padStart(2, "0")}:${String(f % 60).padStart(2, "0")}`,
        body: [`${words(14)}.`, `${words(12)}.`, `${words(14)}.`],
        number: String(f * ARTICLES_PER_FILE + a + 1),
      });
    }
    writes.push(writeFile(path.join(dir, `part-${String(f).padStart(3, "0")}.txt`), buildDump(articles).text));
  }
  await Promise.all(writes);
}

interface Spawned {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function spawnIndex(cwd: string, db: string): Spawned {
  const child = spawn(process.execPath, newsctlArgv(["index", "big", "--db", db]), { cwd, env: { PATH: process.env.PATH ?? "/usr/bin:/bin" }, stdio: ["ignore", "ignore", "pipe"] });
  const stderr: Buffer[] = [];
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr: Buffer.concat(stderr).toString("utf8") }));
  });
  return { child, done };
}

describe("a big folder: kills and concurrent indexers", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await freshDir("big");
    await generateBigFolder(path.join(dir, "big"));
  });

  it("a SIGKILL during index leaves a sound database that a rerun completes", async () => {
    // What a killed run left: files land whole, each with all of its articles.
    const heldIn = (db: string) =>
      inspect(db, (d) => {
        const hasTables = (d.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('files', 'articles')").get() as { n: number }).n === 2;
        if (!hasTables) return { files: 0, articles: 0, partial: 0 };
        const files = (d.prepare("SELECT count(*) AS n FROM files").get() as { n: number }).n;
        const articles = (d.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
        const partial = (
          d.prepare("SELECT count(*) AS n FROM (SELECT file_id, count(a.article_id) AS k FROM files LEFT JOIN articles AS a USING (file_id) GROUP BY file_id HAVING k <> ?)").get(ARTICLES_PER_FILE) as { n: number }
        ).n;
        return { files, articles, partial };
      });
    let db = "";
    let held: ReturnType<typeof heldIn> | undefined;
    // Kill it mid-way; when it was done before the kill, again, sooner.
    for (const delay of [450, 250, 120]) {
      db = path.join(dir, `killed-${delay}.db`);
      const run = spawnIndex(dir, db);
      // The delay counts from the database's creation, so that a slow start on a loaded machine
      // does not use it up.
      while (!existsSync(db) && run.child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, delay));
      const isRunning = run.child.exitCode === null && run.child.signalCode === null;
      if (isRunning) run.child.kill("SIGKILL");
      const ended = await run.done;
      if (!isRunning || ended.signal !== "SIGKILL" || !existsSync(db)) continue;
      expect(integrity(db), `integrity_check after a kill at ${delay} ms`).toBe("ok");
      const left = heldIn(db);
      expect(left.partial, "files whose articles were only partly indexed").toBe(0);
      expect(left.articles).toBe(left.files * ARTICLES_PER_FILE);
      if (left.articles < BIG_TOTAL) {
        held = left;
        break;
      }
    }
    expect(held, "index finished (or had not created the database) before every kill; make the folder bigger").toBeDefined();

    const rerun = await runNewsctl(["index", "big", "--db", db], { cwd: dir });
    expect(rerun.code, rerun.stderr).toBe(0);
    const summary = summaryOf(rerun);
    expect(summary.indexed + summary.unchanged).toBe(BIG_FILES);
    expect(summary.unchanged).toBe(held!.files);
    expect(integrity(db)).toBe("ok");
    expect(articleCount(db)).toBe(BIG_TOTAL);
    const lines = await runShell(`"$NODE" "$NEWSCTL" export --db "${db}" | wc -l`, { cwd: dir });
    expect(Number(lines.stdout.trim())).toBe(BIG_TOTAL);
    await expectSearchAgrees(dir, ["big"], db, "الوزير مسؤول -الشتاء", ["--limit", "50"]);
  });

  it("two indexers on one new database at once: each ends well or says the index is busy", async () => {
    const db = path.join(dir, "together.db");
    const [first, second] = await Promise.all([spawnIndex(dir, db).done, spawnIndex(dir, db).done]);
    for (const run of [first, second]) {
      if (run.code !== 0) {
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr, "an indexer that gave up should say the index is busy").toMatch(/busy/i);
        expect(run.stderr).not.toMatch(/^\s+at /m);
      }
    }
    expect([first.code, second.code], `${first.stderr}\n${second.stderr}`).toContain(0);
    expect(integrity(db)).toBe("ok");
    expect(articleCount(db)).toBe(BIG_TOTAL);
  });

  it("two indexers on one existing database, after files changed: both end well or one says busy", async () => {
    // The index the test above built (the previous test checked it is whole).
    const db = path.join(dir, "together.db");
    expect(articleCount(db)).toBe(BIG_TOTAL);
    // Change the content of 20 files: same articles, one more paragraph each.
    for (let f = 0; f < BIG_FILES; f += 10) {
      const file = path.join(dir, "big", `part-${String(f).padStart(3, "0")}.txt`);
      await writeFile(file, readFileSync(file, "utf8").replaceAll("\nرقم:", "\nفقرة أضيفت لاحقاً.\nرقم:"));
    }
    const [first, second] = await Promise.all([spawnIndex(dir, db).done, spawnIndex(dir, db).done]);
    for (const run of [first, second]) {
      if (run.code !== 0) {
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toMatch(/busy/i);
      }
    }
    expect(integrity(db)).toBe("ok");
    expect(articleCount(db)).toBe(BIG_TOTAL);
    await expectSearchAgrees(dir, ["big"], db, "لاحقاً", ["--count"]);
  });

  it("two indexers creating a new database, eight times over: no run fails other than with busy", async () => {
    // Creating the database is where two new indexers meet: a tiny folder makes that the whole run.
    await mkdir(path.join(dir, "small"));
    await writeDump(path.join(dir, "small"), "one.txt", buildDump([shortArticle("1", "خبر وحيد", "2022-01-01 10:00", "نص قصير.")]).text);
    const failures: string[] = [];
    for (let round = 0; round < 8; round++) {
      const db = path.join(dir, `race-${round}.db`);
      const runs = await Promise.all([0, 1].map(() => runNewsctl(["index", "small", "--db", db], { cwd: dir })));
      for (const run of runs) {
        if (run.code === 0) continue;
        if (run.code === 2 && /busy/i.test(run.stderr)) continue;
        failures.push(`round ${round}: exit ${run.code}: ${run.stderr.trim()}`);
      }
      if (runs.some((run) => run.code === 0)) expect(articleCount(db)).toBe(1);
    }
    expect(failures).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("what --db accepts", () => {
  let dir: string;
  let data: string;
  const makeIndex = async (name: string) => {
    const db = path.join(dir, name);
    await index(dir, ["data"], db, "--quiet");
    return db;
  };

  beforeAll(async () => {
    dir = await freshDir("formats");
    data = path.join(dir, "data");
    await mkdir(data);
    await writeDump(data, "one.txt", buildDump([shortArticle("42", "خبر للتجربة", "2022-01-01 10:00", "نص قصير للتجربة فقط.")]).text);
  });

  it("a file that is not SQLite: exit 2 and a one-line reason, for index and every reader; the file is left as it was", async () => {
    const file = path.join(dir, "notes.db");
    const bytes = "هذه ملاحظات نصية وليست قاعدة بيانات.\n".repeat(40);
    await writeFile(file, bytes);
    for (const args of [
      ["index", "data", "--db", file],
      ["search", "خبر", "--db", file],
      ["export", "--db", file],
      ["show", "42", "--db", file],
    ]) {
      const result = await runNewsctl(args, { cwd: dir });
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expectCleanMessage(result.stderr);
      expect(result.stderr).toContain(file);
    }
    expect(readFileSync(file, "utf8")).toBe(bytes);
  });

  it("another program's SQLite database: exit 2, 'not a newsctl index', and nothing in it changed", async () => {
    const file = path.join(dir, "other.sqlite");
    const other = openSqlite(file);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me');");
    other.close();
    const before = readFileSync(file);
    for (const args of [
      ["index", "data", "--db", file],
      ["search", "خبر", "--db", file],
      ["export", "--db", file],
    ]) {
      const result = await runNewsctl(args, { cwd: dir });
      expect(result.code, args.join(" ")).toBe(2);
      expectCleanMessage(result.stderr);
      expect(result.stderr).toContain("not a newsctl index");
    }
    expect(readFileSync(file).equals(before), "the other program's database was modified").toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it("an index from a newer newsctl (user_version 99): exit 2, 'newer newsctl', left as it was", async () => {
    const db = await makeIndex("newer.db");
    const raw = openSqlite(db);
    raw.pragma("user_version = 99");
    raw.close();
    for (const args of [
      ["index", "data", "--db", db],
      ["search", "خبر", "--db", db],
      ["export", "--db", db],
      ["show", "42", "--db", db],
    ]) {
      const result = await runNewsctl(args, { cwd: dir });
      expect(result.code, args.join(" ")).toBe(2);
      expectCleanMessage(result.stderr);
      expect(result.stderr).toContain("newer newsctl");
    }
    expect(inspect(db, (d) => d.pragma("user_version", { simple: true }))).toBe(99);
  });

  it("an index from an older format (user_version 0, tables present): exit 2, not read as if current", async () => {
    const db = await makeIndex("older.db");
    const raw = openSqlite(db);
    raw.pragma("user_version = 0");
    raw.close();
    for (const args of [
      ["search", "خبر", "--db", db],
      ["index", "data", "--db", db],
    ]) {
      const result = await runNewsctl(args, { cwd: dir });
      expect(result.code, args.join(" ")).toBe(2);
      expectCleanMessage(result.stderr);
      expect(result.stderr).toMatch(/older newsctl/);
    }
  });

  it("a missing --db for a reader: exit 2, a hint, and no file created", async () => {
    const missing = path.join(dir, "missing.db");
    for (const args of [
      ["search", "خبر", "--db", missing],
      ["export", "--db", missing],
      ["show", "42", "--db", missing],
    ]) {
      const result = await runNewsctl(args, { cwd: dir });
      expect(result.code, args.join(" ")).toBe(2);
      expectCleanMessage(result.stderr);
      expect(result.stderr).toContain(missing);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it("PATH arguments and --db together: exit 2 for search, export and show", async () => {
    const db = await makeIndex("both.db");
    for (const args of [
      ["search", "خبر", "data", "--db", db],
      ["export", "data", "--db", db],
      ["show", "42", "data", "--db", db],
    ]) {
      const result = await runNewsctl(args, { cwd: dir });
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expectCleanMessage(result.stderr);
    }
  });

  it("a working index still answers after all of the above", async () => {
    const db = await makeIndex("good.db");
    const result = await runNewsctl(["search", "خبر", "--db", db], { cwd: dir });
    expect(result.code).toBe(0);
    expect((parseNdjson(result.stdout) as Row[]).map((record) => record.id)).toEqual(["42"]);
  });
});

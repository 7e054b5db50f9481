// Dumps are scraped from the web: each hostile input here is read without a crash, without
// losing the good articles beside it, with memory that stays bounded, and with a message that
// says what was wrong. What reaches a terminal cannot drive it; what reaches a spreadsheet
// cannot run in it.

import { spawn } from "node:child_process";
import { link, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleLines, type ArticleText, buildDump, MARKET_ARTICLE } from "../helpers/dump-text.js";
import { newsctlArgv, projectRoot, runNewsctl, seedPath } from "../helpers/run-newsctl.js";
import { csvObjects, makeTempDir, parseNdjson, removeTempDir, writeDump } from "../helpers/support.js";

type Row = Record<string, unknown>;

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeTempDir(dir));

const ARTICLE = MARKET_ARTICLE;

function article(fields: Partial<ArticleText>): ArticleText {
  return { ...ARTICLE, ...fields };
}

const PEAK_RSS_HOOK = pathToFileURL(path.join(projectRoot, "bench", "peak-rss.mjs")).href;

/** Runs newsctl with the peak-RSS hook; returns the result and the peak in MB. */
async function runMeasured(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string; peakMb: number }> {
  const result = await runNewsctl(args, { env: { ...env, NODE_OPTIONS: `--import=${PEAK_RSS_HOOK}` } });
  const match = /newsctl-bench peak-rss-kb (\d+)/.exec(result.stderr);
  return { ...result, stderr: result.stderr.replace(/\n?newsctl-bench peak-rss-kb \d+\n/, ""), peakMb: match ? Number(match[1]) / 1024 : NaN };
}

describe("hostile files", () => {
  it("an empty file and a file holding only a BOM: no records, no warnings, exit 0", async () => {
    await writeFile(path.join(dir, "empty.txt"), "");
    await writeFile(path.join(dir, "bom-only.txt"), Buffer.from([0xef, 0xbb, 0xbf]));
    for (const name of ["empty.txt", "bom-only.txt"]) {
      const result = await runNewsctl(["parse", path.join(dir, name)]);
      expect([result.code, result.stdout, result.stderr], name).toEqual([0, "", ""]);
    }
  });

  it("a binary file is reported as not text, and the dump beside it is still read", async () => {
    const folder = path.join(dir, "binary");
    await mkdir(folder);
    const binaryBytes = Buffer.alloc(4096);
    for (let i = 0; i < binaryBytes.length; i++) binaryBytes[i] = (i * 7919) % 256; // NULs among every byte value
    await writeFile(path.join(folder, "a-image.txt"), binaryBytes);
    await writeDump(folder, "b-dump.txt", buildDump([ARTICLE]).text);
    const result = await runNewsctl(["parse", folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`newsctl: ${folder}/a-image.txt: not a text file (it holds NUL bytes)\n`);
    expect((parseNdjson(result.stdout) as Row[]).map((record) => record.id)).toEqual(["1001"]);
  });

  it("UTF-16 LE without a BOM is recognised and read exactly", async () => {
    const file = path.join(dir, "utf16.txt");
    await writeFile(file, Buffer.from(buildDump([ARTICLE]).text, "utf16le"));
    const [record] = parseNdjson((await runNewsctl(["parse", file])).stdout) as Row[];
    expect([record!.headline, record!.id, record!.body]).toEqual([ARTICLE.headline, "1001", ARTICLE.body.join("\n")]);
  });

  it("invalid UTF-8 bytes become U+FFFD in that article only, which says so; the others are intact", async () => {
    const good = buildDump([article({ number: "1" })]).text;
    const bad = Buffer.concat([Buffer.from(buildDump([article({ number: "2", body: ["نص فيه بايت خاطئ"] })]).text.replace("بايت", "بايت@"), "utf8")]);
    bad[bad.indexOf("@")] = 0xff; // a byte that never starts a UTF-8 character
    const file = path.join(dir, "invalid.txt");
    await writeFile(file, Buffer.concat([Buffer.from(good + "\n"), bad]));
    const result = await runNewsctl(["parse", file]);
    const records = parseNdjson(result.stdout) as Row[];
    expect(records.map((record) => [record.id, record.warnings])).toEqual([["1", []], ["2", ["invalid-utf8"]]]);
    expect(records[1]!.body).toBe("نص فيه بايت\uFFFD خاطئ");
    expect(result.stderr).toMatch(/invalid\.txt:\d+: invalid-utf8: /);
  });

  it("characters split across the 256 KiB read chunks are read whole", async () => {
    // Pad so that a two-byte letter straddles byte 262,144 and a four-byte emoji byte 524,288.
    const header = buildDump([article({ body: ["@"] })]).text.split("@")[0]!;
    const chunk = 256 * 1024;
    const firstPad = "x".repeat(chunk - Buffer.byteLength(header) - 1);
    const secondPad = "y".repeat(chunk - 2 - 1);
    const paragraph = `${firstPad}ب${secondPad}\u{1F600}`;
    const text = buildDump([article({ body: [paragraph] })]).text;
    expect(Buffer.from(text).subarray(chunk - 1, chunk + 1).toString()).toBe("ب");
    const file = path.join(dir, "chunks.txt");
    await writeFile(file, text);
    const [record] = parseNdjson((await runNewsctl(["parse", file])).stdout) as Row[];
    expect(record!.body).toBe(paragraph);
    expect(record!.warnings).toEqual([]);
  });

  it("a 60 MB line without a line break: memory stays bounded, the line is cut and the article says so", { timeout: 60_000 }, async () => {
    const header = buildDump([article({ body: ["@"] })]).text.split("@")[0]!;
    const file = path.join(dir, "long-line.txt");
    await writeFile(file, header + "ا".repeat(30 * 1024 * 1024)); // 60 MB of UTF-8, no line break
    const result = await runMeasured(["parse", file, "--jobs", "1"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/long-line\.txt:\d+: line-too-long: a line longer than 16,777,216 characters/);
    const [record] = parseNdjson(result.stdout) as Row[];
    expect(record!.warnings).toEqual(["missing-number", "line-too-long"]);
    expect((record!.body as string).length).toBe(16 * 1024 * 1024);
    // 60 MB read as one string would be 60 MB of UTF-16 twice over before any output.
    expect(result.peakMb).toBeLessThan(350); // measured: about 290 MB with the limit, 430 MB without
  });

  it("a 10 MB body is intact in JSON and cut to the terminal's width in a table", { timeout: 60_000 }, async () => {
    const paragraph = "قال المتحدث إن الاجتماع ناقش الخطة. ".repeat(150_000); // ~10 MB of UTF-8
    const file = path.join(dir, "big-body.txt");
    await writeDump(dir, "big-body.txt", buildDump([article({ headline: paragraph.slice(0, 5000), body: [paragraph] })]).text);
    const json = JSON.parse((await runNewsctl(["parse", file, "--json"])).stdout) as Row[];
    expect(json[0]!.body).toBe(paragraph.trim());
    const table = await runNewsctl(["parse", file, "--format", "table"], { env: { COLUMNS: "100" } });
    const lines = table.stdout.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(2);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(200);
    expect(lines[1]).toContain("…");
  });

  it("mixed line endings and U+2028 inside a paragraph", async () => {
    const lines = articleLines({ headline: "عنوان الخبر", agency: "تنا", date: "25 Jan 2021 ساعة 11:27", body: ["فقرة أولى\u2028ما زالت الفقرة نفسها", "فقرة ثانية"], number: "7" });
    const text = `${lines[0]}\r\n${lines[1]}\r${lines[2]}\n${lines[3]}\r\n\r\n${lines[4]}\r${lines[5]}`;
    const file = path.join(dir, "endings.txt");
    await writeFile(file, text);
    const [record] = parseNdjson((await runNewsctl(["parse", file])).stdout) as Row[];
    expect([record!.headline, record!.agency, record!.id, record!.body]).toEqual(["عنوان الخبر", "تنا", "7", `${lines[3]}\n${lines[4]}`]);
  });

  it("a symlink loop and a dangling link are reported or passed, and a path given twice is read once", async () => {
    const folder = path.join(dir, "links");
    await mkdir(path.join(folder, "sub"), { recursive: true });
    await writeDump(folder, "sub/dump.txt", buildDump([ARTICLE]).text);
    await symlink("..", path.join(folder, "sub", "loop"));
    await symlink("gone.txt", path.join(folder, "dangling.txt"));
    const result = await runNewsctl(["parse", folder, folder, path.join(folder, "sub", "dump.txt")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`newsctl: ${folder}/dangling.txt: broken symbolic link\n`);
    expect((parseNdjson(result.stdout) as Row[]).map((record) => record.id)).toEqual(["1001"]);
  });
});

describe("patterns cannot hang the process", () => {
  it("an --include and a path pattern that make regular expressions backtrack for minutes end at once", async () => {
    const folder = path.join(dir, "patterns");
    await mkdir(folder);
    const name = `${"a".repeat(200)}.txt`;
    await writeDump(folder, name, buildDump([ARTICLE]).text);
    const include = await runNewsctl(["parse", folder, "--include", "*a*a*a*a*a*a*a*a*a*a*c"]);
    expect(include.code).toBe(2);
    expect(include.stderr).toContain("no files match *a*a*a*a*a*a*a*a*a*a*c in this directory");
    const pattern = await runNewsctl(["parse", `${folder}/**a**a**a**a**a**a**a**a**.txt`]);
    expect(pattern.code).toBe(0);
    expect((parseNdjson(pattern.stdout) as Row[]).map((record) => record.file)).toEqual([`${folder}/${name}`]);
  });

  it("a pattern relative to the working directory names files as a user would type them", async () => {
    const folder = path.join(dir, "relative");
    await mkdir(path.join(folder, "2021-01"), { recursive: true });
    await writeDump(folder, "2021-01/a.txt", buildDump([ARTICLE]).text);
    await writeDump(folder, "top.txt", buildDump([article({ number: "2" })]).text);
    const result = await runNewsctl(["parse", "*.txt", "2021-*/*.txt"], { cwd: folder });
    expect((parseNdjson(result.stdout) as Row[]).map((record) => record.file)).toEqual(["top.txt", "2021-01/a.txt"]);
  });
});

describe("output that reaches a terminal", () => {
  const hostile = article({
    headline: "خبر \u001b]0;owned\u0007عاجل \u001b[2J\u009b31m",
    agency: "تنا\u202e",
    body: ["نص \u001b]52;c;ZWNobw==\u001b\\ فيه\bتسلسل", "\u2066مُعزول\u2069 وعلامة\u200f سليمة"],
  });
  let file: string;
  beforeAll(async () => {
    file = await writeDump(dir, "escape\u001b[31m.txt", buildDump([hostile]).text);
  });

  const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it.each([
    ["a table", ["parse", "--format", "table", "--no-color"]],
    ["show", ["show", "1001", "--no-color"]],
    ["search results", ["search", "عاجل", "--format", "table", "--no-color"]],
    ["a coloured table", ["parse", "--format", "table", "--color"]],
  ])("%s shows escapes instead of control characters, and keeps the Arabic marks", async (_, args) => {
    const result = await runNewsctl([...args, file]);
    expect(result.code).toBe(0);
    const withoutOurColours = result.stdout.replace(/\u001b\[[0-9;]*m/g, "");
    expect(withoutOurColours).not.toMatch(DANGEROUS);
    expect(withoutOurColours).toContain("\\x1B]0;owned\\x07");
    expect(withoutOurColours).toContain("\\u202E");
    if (args[0] === "show") expect(withoutOurColours).toContain("وعلامة\u200f سليمة");
  });

  it("messages on stderr show the file name's escapes too", async () => {
    const result = await runNewsctl(["parse", path.join(dir, "missing\u001b]0;owned\u0007.txt")]);
    expect(result.stderr).toBe(`newsctl: ${dir}/missing\\x1B]0;owned\\x07.txt: no such file or directory\n`);
  });

  it("JSON keeps the data exactly (escaped as JSON), and so does CSV with --csv-raw", async () => {
    const [record] = parseNdjson((await runNewsctl(["parse", file])).stdout) as Row[];
    expect(record!.headline).toBe(hostile.headline);
    expect(record!.body).toBe(hostile.body.join("\n"));
    const [row] = csvObjects((await runNewsctl(["parse", file, "--csv", "--csv-raw"])).stdout);
    expect(row!.headline).toBe(hostile.headline);
  });
});

describe("output that reaches a spreadsheet", () => {
  let file: string;
  beforeAll(async () => {
    file = await writeDump(dir, "formulas.txt", buildDump([article({ headline: "=HYPERLINK(\"http://evil\",\"انقر\")", body: ["+966 50 000 0000", "@SUM(A1)"] })]).text);
  });

  it("CSV and TSV cells that start like a formula get a leading '", async () => {
    const [row] = csvObjects((await runNewsctl(["export", file, "--csv"])).stdout);
    expect(row!.headline).toBe("'=HYPERLINK(\"http://evil\",\"انقر\")");
    expect(row!.body).toBe("'+966 50 000 0000\n@SUM(A1)");
    const tsv = (await runNewsctl(["export", file, "--format", "tsv"])).stdout.split("\n")[1]!;
    expect(tsv).toContain("\t'=HYPERLINK(");
  });

  it("--csv-raw writes them as they are; --bom starts the file with a UTF-8 BOM", async () => {
    const raw = (await runNewsctl(["export", file, "--csv", "--csv-raw", "--bom"])).stdout;
    expect(raw.startsWith("\uFEFFid,")).toBe(true);
    expect(csvObjects(raw.slice(1))[0]!.headline).toBe("=HYPERLINK(\"http://evil\",\"انقر\")");
  });

  it("--bom and --csv-raw with JSON output are usage errors", async () => {
    for (const option of ["--bom", "--csv-raw"]) {
      const result = await runNewsctl(["export", file, "--json", option]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`newsctl: ${option} applies to CSV and TSV`);
    }
  });
});

describe("a large input: signals, slow readers, counting", () => {
  let big: string;
  beforeAll(async () => {
    // About 40 MB: the seed 10,000 times.
    const seed = (await readFile(seedPath, "utf8")).trimEnd() + "\n\n";
    big = path.join(dir, "big");
    await mkdir(big);
    await writeFile(path.join(big, "seed-repeated.txt"), seed.repeat(10_000));
  });

  it("Ctrl-C during an export exits 130 and leaves neither the output nor a temporary file", { timeout: 30_000 }, async () => {
    const out = path.join(dir, "interrupted", "out.json");
    await mkdir(path.dirname(out));
    const child = spawn(process.execPath, newsctlArgv(["export", big, "--json", "-o", out, "--jobs", "1"]), { env: { PATH: process.env.PATH ?? "" }, stdio: "ignore" });
    // Wait until the temporary file exists, so the signal lands mid-write.
    for (let waited = 0; (await readdir(path.dirname(out))).length === 0 && waited < 200; waited++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await readdir(path.dirname(out))).toHaveLength(1);
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
    expect(code).toBe(130);
    expect(await readdir(path.dirname(out))).toEqual([]);
  });

  it("a reader that does not read: newsctl waits for it rather than holding the output in memory", { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, newsctlArgv(["export", big, "--jobs", "1"]), {
      env: { PATH: process.env.PATH ?? "", NODE_OPTIONS: `--import=${PEAK_RSS_HOOK}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500)); // nothing read meanwhile
    let bytes = 0;
    child.stdout.on("data", (chunk: Buffer) => (bytes += chunk.length));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on("close", (exitCode) => resolve(exitCode)));
    expect(code).toBe(0);
    const peakMb = Number(/newsctl-bench peak-rss-kb (\d+)/.exec(stderr)?.[1]) / 1024;
    expect(bytes).toBeGreaterThan(35 * 1024 * 1024); // the whole output came through
    expect(peakMb).toBeLessThan(150); // while it is far larger than what the process ever held
  });

  it("search --count over dumps keeps no match in memory, however many match", { timeout: 60_000 }, async () => {
    const counted = await runMeasured(["search", "احياء", big, "--count", "--jobs", "1"]);
    expect([counted.code, counted.stdout, counted.stderr]).toEqual([0, "10000\n", ""]);
    // Every article matches: keeping them (40 MB of text) measured 197 MB; counting, 122 MB.
    expect(counted.peakMb).toBeLessThan(160);
  });

  it("search --limit over dumps keeps where the matches are, not the matches", { timeout: 60_000 }, async () => {
    const limited = await runMeasured(["search", "احياء", big, "--limit", "3", "--jobs", "1"]);
    expect(limited.code).toBe(0);
    expect(parseNdjson(limited.stdout)).toHaveLength(3);
    // Keeping every match measured 198 MB; keeping their places, 144 MB.
    expect(limited.peakMb).toBeLessThan(170);
  });

  it("search without --limit holds its matches in a temporary file beyond a few MB, and prints them as it ranked them", { timeout: 90_000 }, async () => {
    // 120 MB, 30,000 matches: the big file three times.
    const thrice = path.join(dir, "thrice");
    const temporary = path.join(dir, "tmp");
    await mkdir(thrice);
    await mkdir(temporary);
    for (const copy of [1, 2, 3]) await link(path.join(big, "seed-repeated.txt"), path.join(thrice, `copy${copy}.txt`));
    const all = await runMeasured(["search", "احياء", thrice, "--jobs", "1"], { TMPDIR: temporary });
    expect([all.code, all.stderr]).toEqual([0, ""]);
    // The same records, scores and order as the search that reads the records it shows again.
    const reread = await runNewsctl(["search", "احياء", thrice, "--limit", "30000"]);
    expect(reread.code).toBe(0);
    expect(all.stdout.split("\n")).toHaveLength(30_001);
    expect(all.stdout === reread.stdout).toBe(true);
    // Keeping the matches in memory measured 418 MB; keeping them in the file, 211 MB.
    expect(all.peakMb).toBeLessThan(300);
    // The file had no name once open: nothing is left behind.
    expect(await readdir(temporary)).toEqual([]);
  });

  it("search without --limit, when no temporary file can be made, holds its matches in memory and says so", { timeout: 60_000 }, async () => {
    const missing = path.join(dir, "no-such-directory");
    const [held, stored] = await Promise.all([
      runNewsctl(["search", "احياء", big, "--jobs", "1"], { env: { TMPDIR: missing } }),
      runNewsctl(["search", "احياء", big, "--jobs", "1"], { env: { TMPDIR: dir } }),
    ]);
    expect([held.code, held.stderr]).toEqual([
      0,
      `newsctl: cannot create a temporary file for the matches in ${missing}: no such file or directory; the matches are held in memory instead\nnewsctl: hint: set TMPDIR to a directory with room\n`,
    ]);
    expect(stored.stderr).toBe("");
    expect(held.stdout.split("\n")).toHaveLength(10_001);
    expect(held.stdout === stored.stdout).toBe(true);
  });
});

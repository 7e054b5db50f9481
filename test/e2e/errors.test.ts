// End-to-end errors and edges: unreadable paths, bad options and commands, help and version, a closed pipe, damaged articles (--strict, --quiet), and colour.

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, expectedRecord, type ArticleText } from "../helpers/dump-text.js";
import { projectRoot, runNewsctl, runShell } from "../helpers/run-newsctl.js";
import {
  contractFields,
  DAMAGED_DUMP,
  DAMAGED_PUBLISHED,
  ESC,
  escapeRegExp,
  expectedSeedRecord,
  expectValidRecords,
  makeTempDir,
  parseNdjson,
  removeTempDir,
  writeDump,
} from "../helpers/support.js";

const SEED_ARG = "seeds/000_dd904baf685b1fec.txt";
const version = (JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { version: string }).version;

let dir: string;
let damagedFile: string;
let damagedFirstLines: number[];

beforeAll(async () => {
  dir = await makeTempDir();
  const { text, firstLines } = buildDump(DAMAGED_DUMP);
  damagedFile = await writeDump(dir, "damaged.txt", text);
  damagedFirstLines = firstLines;
});
afterAll(() => removeTempDir(dir));

describe("unreadable paths", () => {
  it.each([
    ["after", (missing: string) => ["parse", SEED_ARG, missing]],
    ["before", (missing: string) => ["parse", missing, SEED_ARG]],
  ])("a missing path %s a good one: the good file's records on stdout, the path on stderr, exit 2", async (_, args) => {
    const missing = path.join(dir, "no-such-dump.txt");
    const result = await runNewsctl(args(missing));
    expect(result.code).toBe(2);
    const records = parseNdjson(result.stdout);
    expectValidRecords(records);
    expect(records.map(contractFields)).toEqual([expectedSeedRecord(SEED_ARG)]);
    expect(result.stderr.split("\n")).toContain(`newsctl: ${missing}: no such file or directory`);
  });

  it("a relative missing path is reported as given", async () => {
    const result = await runNewsctl(["parse", "seeds/missing.txt", "seeds"]);
    expect(result.code).toBe(2);
    expect(parseNdjson(result.stdout)).toHaveLength(1);
    expect(result.stderr.split("\n")).toContain("newsctl: seeds/missing.txt: no such file or directory");
  });
});

describe("usage errors", () => {
  it("an unknown option exits 2 with a newsctl: message naming it", async () => {
    const result = await runNewsctl(["parse", SEED_ARG, "--frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl:/);
    expect(result.stderr).toContain("--frobnicate");
  });

  it("an unknown command exits 2 with a newsctl: message naming it", async () => {
    const result = await runNewsctl(["frobnicate", SEED_ARG]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl:/);
    expect(result.stderr).toContain("frobnicate");
  });

  it("an option missing its value exits 2 with a newsctl: message", async () => {
    const result = await runNewsctl(["parse", SEED_ARG, "--limit"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^newsctl:/);
  });
});

describe("help and version", () => {
  it.each([[[] as string[]], [["parse"]], [["export"]], [["show"]], [["check"]]])(
    "newsctl %j --help exits 0, prints on stdout and ends with examples",
    async (command) => {
      const result = await runNewsctl([...command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      const text = result.stdout.trimEnd();
      const at = text.lastIndexOf("\nExamples:\n");
      expect(at, "no Examples: section").toBeGreaterThan(0);
      const examples = text.slice(at + "\nExamples:\n".length).split("\n");
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) expect(example).toMatch(/^\s+(.*\s)?newsctl \S/);
      // Examples of a command show that command.
      if (command.length > 0) expect(examples.some((example) => example.trim().startsWith(`newsctl ${command[0]}`))).toBe(true);
    },
  );

  it("--version prints the version of package.json", async () => {
    const result = await runNewsctl(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
    expect(result.stderr).toBe("");
  });
});

describe("a reader that goes away", () => {
  let bigDir: string;
  const COUNT = 3000;
  beforeAll(async () => {
    bigDir = await makeTempDir();
    const articles: ArticleText[] = [];
    for (let i = 0; i < COUNT; i++) {
      articles.push({
        headline: `نشرة الأخبار المحلية رقم ${i + 1}`,
        agency: i % 2 === 0 ? "تنا" : "واس",
        date: `${(i % 28) + 1} Jan 2021 ساعة 10:${String(i % 60).padStart(2, "0")}`,
        body: ["تناولت النشرة أحوال الطقس وحركة المرور في المدينة.", "وأشارت إلى افتتاح حديقة عامة جديدة في الحي الشمالي."],
        number: String(300000 + i),
      });
    }
    await writeDump(bigDir, "big.txt", buildDump(articles).text);
  });
  afterAll(() => removeTempDir(bigDir));

  it("parse DIR | head -1: newsctl ends quietly with 0 and the line is the first record", async () => {
    // bash (for PIPESTATUS) without startup files; stdin from /dev/null so bash does not read ~/.bashrc.
    const script = `bash --norc --noprofile -c '"$NODE" "$NEWSCTL" parse "$BIG" | head -1; echo "newsctl-exit=\${PIPESTATUS[0]}"' </dev/null`;
    const result = await runShell(script, { env: { BIG: bigDir } });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.replace(/\n$/, "").split("\n");
    expect(lines).toHaveLength(2);
    expect((JSON.parse(lines[0]!) as { id: string }).id).toBe("300000");
    expect(lines[1]).toBe("newsctl-exit=0");
  });

  it("with pipefail the whole pipeline succeeds", async () => {
    const result = await runShell(`bash --norc --noprofile -c 'set -o pipefail; "$NODE" "$NEWSCTL" parse "$BIG" --csv | head -1' </dev/null`, { env: { BIG: bigDir } });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split(",")).toContain("id");
  });
});

describe("a damaged article (no number line)", () => {
  const warningLine = (file: string) => new RegExp(`^newsctl: ${escapeRegExp(file)}:(\\d+): missing-number: \\S.*$`);

  function expectDamagedRecords(stdout: string): void {
    const records = parseNdjson(stdout);
    expectValidRecords(records);
    const expected = DAMAGED_DUMP.map((article, index) =>
      expectedRecord(article, DAMAGED_PUBLISHED[index]!, damagedFile, damagedFirstLines[index]!, index === 1 ? ["missing-number"] : []),
    );
    expect(records.map(contractFields)).toEqual(expected);
  }

  it("is parsed, the next article is found, and one warning FILE:LINE: missing-number: ... goes to stderr; exit 0", async () => {
    const result = await runNewsctl(["parse", damagedFile]);
    expect(result.code).toBe(0);
    expectDamagedRecords(result.stdout);
    const lines = result.stderr.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(1);
    const match = warningLine(damagedFile).exec(lines[0]!);
    expect(match, `stderr: ${result.stderr}`).not.toBeNull();
    // The line named is inside the damaged article.
    const line = Number(match![1]);
    expect(line).toBeGreaterThanOrEqual(damagedFirstLines[1]!);
    expect(line).toBeLessThan(damagedFirstLines[2]!);
  });

  it("with --strict exits 2 (and still reports the warning)", async () => {
    const result = await runNewsctl(["parse", damagedFile, "--strict"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").some((line) => warningLine(damagedFile).test(line))).toBe(true);
  });

  it("with --quiet prints no warning, still gives every record and exits 0", async () => {
    const result = await runNewsctl(["parse", damagedFile, "--quiet"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expectDamagedRecords(result.stdout);
  });

  it("with --quiet --strict prints no warning but still exits 2", async () => {
    const result = await runNewsctl(["parse", damagedFile, "--quiet", "--strict"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("");
  });

  it("--strict on a clean dump exits 0", async () => {
    const result = await runNewsctl(["parse", SEED_ARG, "--strict"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });
});

describe("colour", () => {
  // What a colour terminal's environment would carry; stdout and stderr are still pipes.
  const terminalEnv = { TERM: "xterm-256color", COLORTERM: "truecolor" };

  it("NO_COLOR=1 with --format table: no escape codes", async () => {
    const result = await runNewsctl(["parse", SEED_ARG, "--format", "table"], { env: { ...terminalEnv, NO_COLOR: "1" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("490728");
    expect(result.stdout).not.toContain(ESC);
    expect(result.stderr).not.toContain(ESC);
  });

  it.each([
    [["--color", "parse", SEED_ARG, "--format", "table"]],
    [["parse", SEED_ARG, "--format", "table", "--color"]],
  ])("--color with a table gives escape codes even into a pipe: %j", async (args) => {
    const result = await runNewsctl(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("490728");
    expect(result.stdout).toContain(ESC);
  });

  it("FORCE_COLOR=0 with a table: no escape codes", async () => {
    const result = await runNewsctl(["parse", SEED_ARG, "--format", "table"], { env: { ...terminalEnv, FORCE_COLOR: "0" } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stderr).not.toContain(ESC);
  });

  it("--no-color wins over FORCE_COLOR=1", async () => {
    const result = await runNewsctl(["parse", SEED_ARG, "--format", "table", "--no-color"], { env: { ...terminalEnv, FORCE_COLOR: "1" } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stderr).not.toContain(ESC);
  });

  it.each([
    [["parse", SEED_ARG]],
    [["parse", SEED_ARG, "--format", "table"]],
    [["parse", "DAMAGED"]],
    [["parse", "seeds", "seeds/missing.txt"]],
    [["parse", SEED_ARG, "--tz", "Nowhere/Land"]],
    [["show", "490728", "seeds"]],
    [["show", "999", "seeds"]],
    [["check", "DAMAGED"]],
    [["export", SEED_ARG, "--csv"]],
    [["parse", "--frobnicate"]],
    [["--help"]],
  ])("into a pipe without colour flags, no escape codes on stdout or stderr: %j", async (args) => {
    const result = await runNewsctl(args.map((arg) => (arg === "DAMAGED" ? damagedFile : arg)), { env: terminalEnv });
    expect(result.stdout + result.stderr).not.toBe("");
    expect(result.stdout).not.toContain(ESC);
    expect(result.stderr).not.toContain(ESC);
  });
});

// Data formats (CSV, TSV, JSON, NDJSON, _bulk) printed on a terminal: a hostile article's text
// and file name cannot drive it, since controls and bidi characters show as escapes; into a pipe
// the same commands keep the data exactly. The terminal is a pseudo-terminal made by util-linux
// `script`, as a user's would be.

import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { runNewsctl, runShell, type RunResult } from "../helpers/run-newsctl.js";
import { csvObjects, makeTempDir, parseNdjson, removeTempDir, unescapeTsv, writeDump } from "../helpers/support.js";

const HOSTILE: ArticleText = {
  // OSC 0 (window title), CSI 2J (clear the screen), C1 CSI (U+009B).
  headline: "خبر \u001b]0;owned\u0007عاجل \u001b[2J\u009b31m",
  // RLO, reordering what follows.
  agency: "تنا\u202e",
  date: "25 Jan 2021 ساعة 11:27",
  // OSC 52 (writes the clipboard), an OSC 8 link, a backspace, isolates; the RLM stays.
  body: ["نص \u001b]52;c;ZWNobw==\u001b\\ فيه\bتسلسل \u001b]8;;http://evil\u001b\\رابط\u001b]8;;\u001b\\", "\u2066مُعزول\u2069 وعلامة\u200f سليمة"],
  number: "1001",
};
const PLAIN: ArticleText = { headline: "خبر عادي", agency: "واس", date: "25 Jan 2021 ساعة 11:27", body: ["نص عادي."], number: "1002" };

/** What a terminal acts on: C0 controls but tab and newline (and the CR the terminal adds), DEL, C1, bidi controls. */
const DANGEROUS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const hasScript = (() => {
  try {
    return execFileSync("script", ["--version"], { encoding: "utf8" }).includes("util-linux");
  } catch {
    return false;
  }
})();

let dir: string;
let hostileFile: string;
let plainFile: string;
/** The hostile article again, for dedup to show as a copy. */
let copyFile: string;
beforeAll(async () => {
  dir = await makeTempDir();
  hostileFile = await writeDump(dir, "escape\u001b[31m\u202e.txt", buildDump([HOSTILE]).text);
  plainFile = await writeDump(dir, "plain.txt", buildDump([PLAIN]).text);
  copyFile = await writeDump(dir, "copy.txt", buildDump([HOSTILE]).text);
});
afterAll(() => removeTempDir(dir));

/**
 * Runs newsctl with stdout on a pseudo-terminal; gives what the terminal received, its line
 * endings as newsctl wrote them (a terminal turns \n into \r\n).
 */
async function onTerminal(args: readonly string[]): Promise<RunResult> {
  // The arguments (the file name holds an ESC) reach the shell through the environment.
  const env: Record<string, string> = {};
  const words = args.map((arg, index) => {
    env[`ARG${index}`] = arg;
    return `"$ARG${index}"`;
  });
  const result = await runShell(`script -qec '"$NODE" "$NEWSCTL" ${words.join(" ")} --quiet' /dev/null`, { env });
  return { ...result, stdout: result.stdout.replaceAll("\r\n", "\n") };
}

describe.skipIf(!hasScript)("data formats on a terminal", () => {
  it.each([
    ["parse --csv", ["parse", "--csv"]],
    ["parse --tsv", ["parse", "--tsv"]],
    ["parse --json", ["parse", "--json"]],
    ["parse --ndjson", ["parse", "--ndjson"]],
    ["search --json", ["search", "عاجل", "--json"]],
    ["search --csv", ["search", "عاجل", "--csv"]],
    ["export (written by worker threads)", ["export", "--ndjson", "--jobs", "2"]],
    ["export --csv on one thread", ["export", "--csv", "--jobs", "1"]],
    ["export --es-bulk", ["export", "--es-bulk"]],
    ["export --limit", ["export", "--json", "--limit", "5"]],
    ["show --json", ["show", "1001", "--json"]],
    ["stats --json", ["stats", "--json"]],
    ["dedup --json", ["dedup", "--json"]],
  ])("%s: no control or bidi character reaches the terminal, and the escapes show where they were", async (_, args) => {
    const result = await onTerminal([...args, hostileFile, plainFile, ...(args[0] === "dedup" ? [copyFile] : [])]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toMatch(DANGEROUS);
    if (args[0] === "stats") {
      expect(result.stdout).toContain('"agency": "تنا\\u202E"');
    } else if (args[0] === "dedup") {
      // Clusters name their articles by file and line.
      expect(result.stdout).toContain('"file": "' + hostileFile.replace("escape\u001b[31m\u202e", "escape\\u001b[31m\\u202E"));
    } else {
      const isSheet = args.includes("--csv") || args.includes("--tsv");
      // The table's escapes in CSV and TSV; JSON's own in JSON, so that it stays JSON.
      expect(result.stdout).toContain(isSheet ? "\\x1B]0;owned\\x07" : "\\u001b]0;owned\\u0007");
      expect(result.stdout).toContain(isSheet ? "\\x9B31m" : "\\u009B31m");
      expect(result.stdout).toContain(isSheet ? "escape\\x1B[31m\\u202E.txt" : "escape\\u001b[31m\\u202E.txt");
      expect(result.stdout).toContain("\\u202E");
      expect(result.stdout).toContain("وعلامة\u200f سليمة");
    }
  });

  it("JSON shown on a terminal is still JSON, and reads back as the same record as into a pipe", async () => {
    const shown = (await onTerminal(["parse", "--ndjson", hostileFile])).stdout;
    expect(shown).not.toMatch(DANGEROUS);
    const piped = parseNdjson((await runNewsctl(["parse", "--ndjson", hostileFile])).stdout);
    expect(parseNdjson(shown)).toEqual(piped);
  });

  it.each(["json", "ndjson", "csv", "tsv"] as const)("parse --%s into a pipe keeps the data exactly, where a terminal is shown escapes", async (format) => {
    expect((await onTerminal(["parse", `--${format}`, hostileFile])).stdout).not.toMatch(DANGEROUS);
    const result = await runNewsctl(["parse", `--${format}`, hostileFile]);
    expect(result.code, result.stderr).toBe(0);
    let record: Record<string, unknown>;
    if (format === "csv") record = csvObjects(result.stdout)[0]!;
    else if (format === "tsv") {
      const [header, row] = result.stdout.split("\n");
      const cells = row!.split("\t").map(unescapeTsv);
      record = Object.fromEntries(header!.split("\t").map((name, index) => [name, cells[index]]));
    } else record = (format === "json" ? (JSON.parse(result.stdout) as Record<string, unknown>[]) : (parseNdjson(result.stdout) as Record<string, unknown>[]))[0]!;
    expect(record.headline).toBe(HOSTILE.headline);
    expect(record.agency).toBe(HOSTILE.agency);
    expect(record.body).toBe(HOSTILE.body.join("\n"));
    expect(record.file).toBe(hostileFile);
    if (format === "csv" || format === "tsv") expect(result.stdout).toContain("\u001b]52;c;ZWNobw==");
  });
});

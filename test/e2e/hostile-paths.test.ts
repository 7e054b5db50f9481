// Paths as archives and disks hand them over: names that are not UTF-8, FIFOs where a dump
// would be, trees thousands of folders deep, entries that cannot be read. Each is read or
// reported, nothing is skipped without a word, and a signal still ends the process at once.

import { execFileSync, spawn } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, MARKET_ARTICLE } from "../helpers/dump-text.js";
import { newsctlArgv, runNewsctl, runShell } from "../helpers/run-newsctl.js";
import { makeTempDir, parseNdjson, removeTempDir, writeDump } from "../helpers/support.js";

type Row = Record<string, unknown>;

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeTempDir(dir));

const ARTICLE = MARKET_ARTICLE;

/** "خبر-عاجل.txt" as Windows-1256 writes it. */
const CP1256_NAME = Buffer.from([0xc8, 0xd2, 0xd1, 0x2d, 0xda, 0xc7, 0xcc, 0xe1, 0x2e, 0x74, 0x78, 0x74]);
const CP1256_SHOWN = "\\xC8\\xD2\\xD1-\\xDA\\xC7\\xCC\\xE1.txt";

function mkfifo(file: string): void {
  execFileSync("mkfifo", [file]);
}

/** Spawns newsctl, sends `signal` after `delayMs`, and resolves to the exit code and how long it took after the signal. */
function runInterrupted(args: readonly string[], signal: NodeJS.Signals, delayMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; afterSignalMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, newsctlArgv([...args]), { env: { PATH: process.env.PATH ?? "" }, stdio: "ignore" });
    let sentAt = 0;
    const timer = setTimeout(() => {
      sentAt = performance.now();
      child.kill(signal);
    }, delayMs);
    child.on("error", reject);
    child.on("exit", (code, ended) => {
      clearTimeout(timer);
      const afterSignalMs = sentAt === 0 ? -1 : performance.now() - sentAt;
      // A process that ignored the signal is ended here, so that the test reports it.
      resolve({ code, signal: ended, afterSignalMs });
    });
    setTimeout(() => child.kill("SIGKILL"), delayMs + 5000);
  });
}

describe("file names that are not UTF-8", () => {
  let folder: string;
  beforeAll(async () => {
    folder = path.join(dir, "cp1256");
    await mkdir(folder);
    // The article's date cannot exist, so that a message names the file.
    const damaged = buildDump([{ ...ARTICLE, date: "29 Feb 2021 ساعة 11:27" }]).text;
    await writeFile(Buffer.concat([Buffer.from(`${folder}/`), CP1256_NAME]), damaged);
    await writeDump(folder, "b.txt", buildDump([{ ...ARTICLE, number: "1002" }]).text);
  });

  it("are read from a directory, and messages show the bytes as escapes", async () => {
    const result = await runNewsctl(["parse", folder]);
    const records = parseNdjson(result.stdout) as Row[];
    expect(records.map((record) => [record.file, record.headline])).toEqual([
      [`${folder}/b.txt`, ARTICLE.headline],
      [`${folder}/${CP1256_SHOWN}`, ARTICLE.headline],
    ]);
    expect(result.stderr).toContain(`newsctl: ${folder}/${CP1256_SHOWN}:3: invalid-date:`);
    expect(result.code).toBe(0);
    const check = await runNewsctl(["check", folder]);
    expect(check.stdout).toContain(`${folder}/${CP1256_SHOWN}:3: invalid-date:`);
    expect(check.stderr).toBe("newsctl: 2 articles in 2 files: 1 problem\n");
  });

  it("are read when the shell passes their bytes on the command line", async () => {
    const result = await runShell(`"$NODE" "$NEWSCTL" parse "${folder}"/*`);
    expect((parseNdjson(result.stdout) as Row[]).map((record) => record.file)).toEqual([`${folder}/b.txt`, `${folder}/${CP1256_SHOWN}`]);
    expect(result.stderr).not.toContain("no such file");
  });

  it("are opened again from a record's `file`, by show and by search --limit", async () => {
    const file = `${folder}/${CP1256_SHOWN}`;
    const shown = await runNewsctl(["show", "1001", file, "--json"]);
    expect([shown.code, (JSON.parse(shown.stdout) as Row).file]).toEqual([0, file]);
    // With --limit the shown matches are read again from their files after the ranking.
    const found = await runNewsctl(["search", "سوق", file, `${folder}/b.txt`, "--limit", "2"]);
    expect(found.code).toBe(0);
    expect(new Set((parseNdjson(found.stdout) as Row[]).map((record) => record.file))).toEqual(new Set([file, `${folder}/b.txt`]));
  });

  it("a UTF-8 name that looks like an escape and the bytes it looks like are told apart", async () => {
    const twins = path.join(dir, "twins");
    await mkdir(twins);
    await writeDump(twins, "a\\xFF.txt", buildDump([{ ...ARTICLE, number: "1" }]).text);
    await writeFile(Buffer.concat([Buffer.from(`${twins}/a`), Buffer.of(0xff), Buffer.from(".txt")]), buildDump([{ ...ARTICLE, number: "2" }]).text);
    const records = parseNdjson((await runNewsctl(["parse", twins])).stdout) as Row[];
    const files = new Map(records.map((record) => [record.id as string, record.file as string]));
    expect(files).toEqual(
      new Map([
        ["1", `${twins}/a\\x5CxFF.txt`],
        ["2", `${twins}/a\\xFF.txt`],
      ]),
    );
    for (const [id, file] of files) {
      const shown = await runNewsctl(["show", id, file, "--json"]);
      expect([shown.code, (JSON.parse(shown.stdout) as Row).id], file).toEqual([0, id]);
    }
  });
});

describe("FIFOs, sockets and devices", () => {
  it("a FIFO in a directory is reported and skipped, and the dump beside it is read", { timeout: 20_000 }, async () => {
    const folder = path.join(dir, "fifo-folder");
    await mkdir(folder);
    mkfifo(path.join(folder, "a.txt"));
    await writeDump(folder, "b.txt", buildDump([ARTICLE]).text);
    for (const command of ["parse", "check"]) {
      const result = await runNewsctl([command, folder]);
      expect(result.code, command).toBe(2);
      expect(result.stderr, command).toContain(`newsctl: ${folder}/a.txt: a FIFO (named pipe), not a regular file: skipped\n`);
      if (command === "parse") expect((parseNdjson(result.stdout) as Row[]).map((record) => record.id)).toEqual(["1001"]);
    }
    const indexed = await runNewsctl(["index", folder, "--db", path.join(dir, "fifo.db")]);
    expect(indexed.code).toBe(2);
    expect(indexed.stderr).toContain("1 files indexed");
  });

  it("a FIFO named on the command line is read as a stream; waiting for a writer, SIGINT ends the process with 130 and SIGTERM with 143, at once", { timeout: 30_000 }, async () => {
    const fifo = path.join(dir, "named.fifo");
    mkfifo(fifo);
    const dump = await writeDump(dir, "writer.txt", buildDump([ARTICLE]).text);
    const result = await runShell(`"$NODE" "$NEWSCTL" parse "${fifo}" & cat "${dump}" > "${fifo}"; wait`);
    expect(result.stderr).toBe("");
    expect((parseNdjson(result.stdout) as Row[]).map((record) => record.id)).toEqual(["1001"]);
    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143],
    ] as const) {
      const ended = await runInterrupted(["parse", fifo], signal, 1000);
      expect([ended.code, ended.signal], signal).toEqual([code, null]);
      expect(ended.afterSignalMs, signal).toBeLessThan(2000);
    }
  });
});

describe("deep trees and unreadable entries", () => {
  it("a dump 2,000 folders down is found in seconds, with no stack trace", { timeout: 60_000 }, async () => {
    const root = path.join(dir, "deep");
    // Made with a relative path from inside, as a path this long is near the system's limit.
    const levels = 2000;
    const make = `process.chdir(process.argv[1]); for (let i = 0; i < ${levels}; i++) { fs.mkdirSync("d"); process.chdir("d"); } fs.writeFileSync("a.txt", fs.readFileSync(0));`;
    await mkdir(root);
    execFileSync(process.execPath, ["-e", make, root], { input: buildDump([ARTICLE]).text });
    const started = performance.now();
    const result = await runNewsctl(["parse", root]);
    const seconds = (performance.now() - started) / 1000;
    expect(result.stderr).toBe("");
    expect((parseNdjson(result.stdout) as Row[]).map((record) => record.id)).toEqual(["1001"]);
    expect(seconds).toBeLessThan(5);
  });

  it("check counts the paths it could not read, and does not call that no problems", async () => {
    const folder = path.join(dir, "unreadable");
    await mkdir(folder);
    await writeDump(folder, "good.txt", buildDump([ARTICLE]).text);
    await symlink("gone.txt", path.join(folder, "dangling.txt"));
    await symlink("loop.txt", path.join(folder, "loop.txt"));
    await writeFile(path.join(folder, "zeros.txt"), Buffer.alloc(1024));
    const result = await runNewsctl(["check", folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        `newsctl: ${folder}/dangling.txt: broken symbolic link`,
        `newsctl: ${folder}/loop.txt: too many levels of symbolic links`,
        `newsctl: ${folder}/zeros.txt: not a text file (it holds NUL bytes)`,
        "newsctl: 1 article in 1 file: 3 paths could not be read",
        "",
      ].join("\n"),
    );
  });
});

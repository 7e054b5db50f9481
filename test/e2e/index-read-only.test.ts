// An index in a place its reader cannot write (read-only media, another user's folder) is read:
// commands that only read open it read-only, and where SQLite cannot make the files its
// write-ahead log shares the index through, it is read as an immutable file, said once. An index
// that is in no file (`--db ''`, `--db :memory:`) is refused before anything is read.
//
// Tests run as root, whom file modes do not stop: the reader is run as the user "nobody"
// (setpriv), for whom a folder of mode 755 owned by root cannot be written.

import { spawn, spawnSync } from "node:child_process";
import { chmod } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { newsctlArgv, runNewsctl } from "../helpers/run-newsctl.js";
import { makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";

const NOBODY = ["--reuid=65534", "--regid=65534", "--clear-groups"];
const canRunAsNobody = process.getuid?.() === 0 && spawnSync("setpriv", [...NOBODY, "true"]).status === 0;

let dir: string;
let db: string;

const article = (i: number): ArticleText => ({
  headline: `خبر ${i} عن الجيش`,
  agency: "واس",
  date: `2021-03-0${(i % 9) + 1} 10:00`,
  body: [`نص الخبر ${i}`],
  number: String(700 + i),
});

beforeAll(async () => {
  dir = await makeTempDir();
  await writeDump(dir, "a.txt", buildDump(Array.from({ length: 5 }, (_, i) => article(i))).text);
  db = path.join(dir, "news.db");
  const built = await runNewsctl(["index", dir, "--db", db, "--quiet"]);
  expect(built.code, built.stderr).toBe(0);
  // Readable by everyone, writable by root alone.
  await chmod(dir, 0o755);
  await chmod(db, 0o644);
});
afterAll(async () => {
  await removeTempDir(dir);
});

/** newsctl run as the user nobody. */
function runAsNobody(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("setpriv", [...NOBODY, process.execPath, ...newsctlArgv(args)], { cwd: "/", env: { PATH: process.env.PATH ?? "/usr/bin:/bin" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const IMMUTABLE_NOTE = "its folder cannot be written, so the index is read as it stands, as an immutable file";

describe.runIf(canRunAsNobody)("an index in a folder its reader cannot write", () => {
  it.each([
    [["search", "--db", "DB", "--count", "الجيش"], "5\n"],
    [["search", "--db", "DB", "الجيش", "--limit", "1", "--fields", "id"], '{"id":"704"}\n'],
    [["stats", "--db", "DB", "--json"], null],
    [["show", "703", "--db", "DB", "--json", "--fields", "id"], '{"id":"703"}\n'],
    [["export", "--db", "DB", "--fields", "id", "--limit", "1"], '{"id":"700"}\n'],
  ])("answers %j, and says once that it reads the index as immutable", async (args, expected) => {
    const result = await runAsNobody(args.map((arg) => (arg === "DB" ? db : arg)));
    expect(result.stderr).not.toContain("readonly database");
    expect(result.code, result.stderr).toBe(0);
    if (expected !== null) expect(result.stdout).toBe(expected);
    else expect(JSON.parse(result.stdout)).toMatchObject({ articles: 5 });
    expect(result.stderr.split(IMMUTABLE_NOTE).length - 1).toBe(1);
  });

  it("refuses to update it, saying why, and leaves it as it was", async () => {
    const result = await runAsNobody(["index", dir, "--db", db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${db}: the index's folder cannot be written here, so the index cannot be updated`);
    expect(result.stderr).not.toContain("internal error");
    expect((await runAsNobody(["search", "--db", db, "--count", "الجيش"])).stdout).toBe("5\n");
  });

  it("serves it", async () => {
    const child = spawn("setpriv", [...NOBODY, process.execPath, ...newsctlArgv(["serve", "--db", db, "--port", "0"])], { cwd: "/", env: { PATH: process.env.PATH ?? "/usr/bin:/bin" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.on("close", resolve));
    try {
      const address = await new Promise<string | null>((resolve) => {
        let stdout = "";
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes("\n")) resolve(stdout.split("\n")[0]!);
        });
        void exit.then(() => resolve(null));
      });
      expect(address, stderr).not.toBeNull();
      const response = await fetch(`${address}search.json?q=${encodeURIComponent("الجيش")}`);
      const text = await response.text();
      expect(response.status, text).toBe(200);
      expect((JSON.parse(text) as { matchCount: number }).matchCount).toBe(5);
      expect(stderr.split(IMMUTABLE_NOTE).length - 1).toBe(1);
    } finally {
      child.kill("SIGINT");
      await exit;
    }
  });
});

describe("an index that is in no file", () => {
  it.each(["", ":memory:"])("refuses --db %j as a usage error", async (name) => {
    const result = await runNewsctl(["index", dir, "--db", name]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("names no file");
    expect(result.stderr).not.toContain("internal error");
  });
});

// Where -o leads: a link to a descriptor (/dev/stdout, /proc/self/fd/1, a link of one's own to
// it) is written through and stays what it was; a link to a regular file stays a link while its
// target is replaced whole; "-" is standard output. Whatever goes wrong (an empty name, a full
// device, a failed rename, a closed terminal) says so plainly and leaves no temporary file.

import { execFileSync, spawn } from "node:child_process";
import { lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { newsctlArgv, runNewsctl, runShell } from "../helpers/run-newsctl.js";
import { makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";

const ARTICLES: ArticleText[] = Array.from({ length: 50 }, (_, index) => ({
  headline: `خبر رقم ${index} عن الأسواق`,
  agency: "واس",
  date: "25 Jan 2021 ساعة 11:27",
  body: [`افتتح الوزير سوقاً جديدة في المدينة، في الخبر ${index}.`],
  number: String(1000 + index),
}));

let dir: string;
let dump: string;
/** What `export DUMP --json` writes to stdout: what every output here must hold. */
let expected: string;
beforeAll(async () => {
  dir = await makeTempDir();
  dump = await writeDump(dir, "dump.txt", buildDump(ARTICLES).text);
  const result = await runNewsctl(["export", dump, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  expected = result.stdout;
});
afterAll(() => removeTempDir(dir));

let folders = 0;
async function makeFolder(): Promise<string> {
  const folder = path.join(dir, `case-${folders++}`);
  await mkdir(folder);
  return folder;
}

describe("-o through a link", () => {
  it("a link of one's own to /proc/self/fd/1, stdout in a file: the export is in the file, and the link is still a link", async () => {
    const folder = await makeFolder();
    await symlink("/proc/self/fd/1", path.join(folder, "mystdout"));
    const result = await runShell('"$NODE" "$NEWSCTL" export "$DUMP" --json -o mystdout > out.json', { cwd: folder, env: { DUMP: dump } });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(await readFile(path.join(folder, "out.json"), "utf8")).toBe(expected);
    expect(await readlink(path.join(folder, "mystdout"))).toBe("/proc/self/fd/1");
    expect((await readdir(folder)).sort()).toEqual(["mystdout", "out.json"]);
  });

  it("/dev/stdout, stdout in a file: the export is in the file, and /dev/stdout is still a link", async (context) => {
    const folder = await makeFolder();
    const out = path.join(folder, "out.json");
    // A private mount namespace with a /dev of its own: whatever newsctl does to /dev/stdout
    // there, the machine's is untouched. Without it, the test is run only where a mistake
    // could not replace /dev/stdout (not as root) and only when /dev/stdout is a link.
    const canIsolate = process.getuid?.() === 0 && hasPrivateMounts();
    const isHarmless = process.getuid?.() !== 0 && (await lstat("/dev/stdout").catch(() => undefined))?.isSymbolicLink() === true;
    if (!canIsolate && !isHarmless) context.skip();
    const exportToDevStdout = '"$NODE" "$NEWSCTL" export "$DUMP" --json -o /dev/stdout > "$OUT"; code=$?';
    const script = canIsolate
      ? `mount -t tmpfs newsctl-test /dev && ln -s /proc/self/fd/1 /dev/stdout && ${exportToDevStdout}; readlink /dev/stdout; exit $code`
      : `${exportToDevStdout}; readlink /dev/stdout; exit $code`;
    const result = await runShell(canIsolate ? `unshare --mount --propagation private sh -c '${script}'` : script, { env: { DUMP: dump, OUT: out } });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toBe("/proc/self/fd/1\n");
    expect(await readFile(out, "utf8")).toBe(expected);
  });

  it("a link to a regular file: the file is replaced whole, and the link is still a link", async () => {
    const folder = await makeFolder();
    await writeFile(path.join(folder, "target.json"), "old");
    await symlink("target.json", path.join(folder, "link.json"));
    const result = await runNewsctl(["export", dump, "-o", "link.json"], { cwd: folder });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(await readlink(path.join(folder, "link.json"))).toBe("target.json");
    expect(await readFile(path.join(folder, "target.json"), "utf8")).toBe(expected);
    expect((await readdir(folder)).sort()).toEqual(["link.json", "target.json"]);
  });

  it("-o - is standard output", async () => {
    const folder = await makeFolder();
    const result = await runNewsctl(["export", dump, "--json", "-o", "-"], { cwd: folder });
    expect([result.code, result.stderr, result.stdout]).toEqual([0, "", expected]);
    expect(await readdir(folder)).toEqual([]);
  });
});

describe("-o a FIFO", () => {
  it("its reader gets the export; with no reader yet, Ctrl-C and SIGTERM still end the wait at once", async () => {
    const folder = await makeFolder();
    const fifo = path.join(folder, "pipe");
    execFileSync("mkfifo", [fifo]);
    const read = runShell(`cat "${fifo}"`);
    const written = await runNewsctl(["export", dump, "--json", "-o", fifo]);
    expect([written.code, written.stderr]).toEqual([0, ""]);
    expect((await read).stdout).toBe(expected);
    for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
      const child = spawn(process.execPath, newsctlArgv(["export", dump, "--json", "-o", fifo]), { env: { PATH: process.env.PATH ?? "" }, stdio: "ignore" });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const sent = performance.now();
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
      expect([signal, code]).toEqual([signal, status]);
      expect(performance.now() - sent).toBeLessThan(2000);
    }
    expect(await readdir(folder)).toEqual(["pipe"]);
  });
});

describe("-o failures say what is wrong and leave nothing behind", () => {
  it("an empty -o is a usage error", async () => {
    const folder = await makeFolder();
    const result = await runNewsctl(["export", dump, "--json", "-o", ""], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("newsctl: -o needs a file name\nnewsctl: hint: -o - writes to standard output\n");
    expect(await readdir(folder)).toEqual([]);
  });

  it("-o /dev/full: no space left on the device, as for stdout, exit 2", async () => {
    const folder = await makeFolder();
    const result = await runNewsctl(["export", dump, "--json", "-o", "/dev/full"], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("newsctl: -o /dev/full: cannot write there: no space left on the device\n");
    expect((await stat("/dev/full")).isCharacterDevice()).toBe(true);
    expect(await readdir(folder)).toEqual([]);
  });

  it("a rename that fails (a directory took the file's name meanwhile) is said plainly, and the temporary file is removed", async () => {
    const folder = await makeFolder();
    const out = path.join(folder, "out.json");
    // Standard input that is not finished yet keeps the export open while the directory appears.
    const child = spawn(process.execPath, newsctlArgv(["export", "-", "--json", "-o", out]), { env: { PATH: process.env.PATH ?? "" }, stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.write(buildDump(ARTICLES).text);
    for (let waited = 0; (await readdir(folder)).length === 0 && waited < 400; waited++) await new Promise((resolve) => setTimeout(resolve, 25));
    await mkdir(out);
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    child.stdin.end();
    expect(await exited).toBe(2);
    expect(stderr).toBe(`newsctl: -o ${out}: cannot write there: is a directory\n`);
    expect(await readdir(folder)).toEqual(["out.json"]);
    expect(await readdir(out)).toEqual([]);
  });
});

describe("a closed terminal during an export", () => {
  it("SIGHUP while the export is writing exits 129 and leaves no temporary file", { timeout: 30_000 }, async () => {
    const folder = await makeFolder();
    const out = path.join(folder, "out.ndjson");
    // Standard input that is not finished yet holds the export open, however fast the machine, until the terminal closes.
    const child = spawn(process.execPath, newsctlArgv(["export", "-", "-o", out]), { env: { PATH: process.env.PATH ?? "" }, stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // What is still unread when the process ends meets a closed pipe; that is the terminal closing, not a failure.
    child.stdin.on("error", () => undefined);
    child.stdin.write((buildDump(ARTICLES).text + "\n").repeat(200));
    let during: string[] = [];
    for (let waited = 0; waited < 400; waited++) {
      during = await readdir(folder);
      if (during.length === 1 && (await stat(path.join(folder, during[0]!))).size > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\.out\.ndjson\..*\.tmp$/);
    expect((await stat(path.join(folder, during[0]!))).size).toBeGreaterThan(0);
    child.kill("SIGHUP");
    expect(await exited).toBe(129);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
    expect(await readdir(folder)).toEqual([]);
  });
});

function hasPrivateMounts(): boolean {
  try {
    execFileSync("unshare", ["--mount", "--propagation", "private", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

// Inputs and outputs at the edges: directory walks with links and empty folders, --limit 0,
// output onto a FIFO, a full disk on stdout, and option values that cannot match anything.

import { execFileSync } from "node:child_process";
import { mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump } from "../helpers/dump-text.js";
import { runNewsctl, runShell, seedPath } from "../helpers/run-newsctl.js";
import { DAMAGED_DUMP, makeTempDir, parseNdjson, removeTempDir } from "../helpers/support.js";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe("directory walks", () => {
  it("follows links without looping, reports a broken one, and still reads every dump", async () => {
    const root = path.join(dir, "walk");
    await mkdir(path.join(root, "a"), { recursive: true });
    await mkdir(path.join(root, "z"), { recursive: true });
    const seed = await readFile(seedPath);
    await writeFile(path.join(root, "a", "1.txt"), seed);
    await writeFile(path.join(root, "z", "2.txt"), seed);
    await symlink("..", path.join(root, "a", "up")); // a loop back to the root
    await symlink("nowhere.txt", path.join(root, "z", "broken.txt"));
    const result = await runNewsctl(["parse", root]);
    expect(result.code).toBe(2);
    expect((parseNdjson(result.stdout) as Array<{ file: string }>).map((record) => record.file)).toEqual([
      `${root}/a/1.txt`,
      `${root}/z/2.txt`,
    ]);
    expect(result.stderr).toBe(`newsctl: ${root}/z/broken.txt: broken symbolic link\n`);
  });

  it("reports a directory without matching files, and an unusable --include", async () => {
    const empty = path.join(dir, "empty");
    await mkdir(empty, { recursive: true });
    await writeFile(path.join(empty, "notes.md"), "nothing here\n");
    const result = await runNewsctl(["parse", empty]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`newsctl: ${empty}: no files match *.txt in this directory`);
    const blank = await runNewsctl(["parse", empty, "--include", ""]);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toMatch(/^newsctl: --include "": /);
  });

  it("reports a missing path even when --limit 0 reads nothing", async () => {
    const result = await runNewsctl(["parse", "seeds", "no-such-dir", "--limit", "0"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("newsctl: no-such-dir: no such file or directory\n");
  });
});

describe("outputs that are not regular files", () => {
  it("writes into a FIFO named with -o and leaves it a FIFO", async () => {
    const fifo = path.join(dir, "out.fifo");
    execFileSync("mkfifo", [fifo]);
    const result = await runShell(`cat "${fifo}" > "${fifo}.read" & "$NODE" "$NEWSCTL" export seeds --json -o "${fifo}"; status=$?; wait; exit $status`);
    expect(result.code).toBe(0);
    expect((await stat(fifo)).isFIFO()).toBe(true);
    expect(JSON.parse(await readFile(`${fifo}.read`, "utf8"))).toHaveLength(1);
  });

  it("says so, without a stack, when stdout cannot be written", async () => {
    const result = await runShell(`"$NODE" "$NEWSCTL" parse seeds > /dev/full`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^newsctl: cannot write the output: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("option values that cannot match", () => {
  it.each([
    [["--id", "abc"], '--id: "abc" is not an article number'],
    [["--since", "2022-01-01", "--until", "2021-01-01"], "--since 2022-01-01 is after --until 2021-01-01"],
  ])("refuses %j", async (args, message) => {
    const result = await runNewsctl(["parse", "seeds", ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`newsctl: ${message}`);
  });

  it("accepts an ISO time with fractions and Z, and agencies with extra spaces", async () => {
    const since = await runNewsctl(["parse", "seeds", "--since", "2021-01-25T11:27:00.000", "--agency", "  تنا "]);
    expect(since.code).toBe(0);
    expect(parseNdjson(since.stdout)).toHaveLength(1);
  });
});

describe("progress on stderr", () => {
  const hasScript = (() => {
    try {
      execFileSync("script", ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasScript)("is drawn when stderr is a terminal, with files, articles, MB/s and time left", async () => {
    const folder = path.join(dir, "progress");
    await mkdir(folder, { recursive: true });
    const seed = await readFile(seedPath, "utf8");
    // Enough work to outlast the half second before a progress line is first drawn.
    for (let file = 0; file < 40; file++) await writeFile(path.join(folder, `${String(file).padStart(3, "0")}.txt`), (seed.trimEnd() + "\n\n").repeat(400));
    const out = path.join(dir, "progress.ndjson");
    const result = await runShell(`script -qec '"$NODE" "$NEWSCTL" export "${folder}" -o "${out}"' /dev/null`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\d+\/40 files · [\d,]+ articles · [\d.]+ MB\/s · .+ left/);
  });

  it("is never drawn into a pipe", async () => {
    const result = await runNewsctl(["export", "seeds", "-o", path.join(dir, "quiet.ndjson")]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });
});

describe("parsing on several threads", () => {
  it("gives the same records and warnings, in input order, whatever --jobs", { timeout: 60_000 }, async () => {
    const root = path.join(dir, "many");
    await mkdir(root, { recursive: true });
    // Files of very different sizes, so that workers finish out of order; one damaged, one not
    // text, one empty.
    for (let file = 0; file < 14; file++) {
      const articles = Array.from({ length: 1 + ((file * 37) % 11) * 40 }, (_, k) => ({
        headline: `خبر رقم ${k} من الملف ${file}`,
        agency: "تنا",
        date: "25 Jan 2021 ساعة 11:27",
        body: [`فقرة أولى في الخبر ${k}.`, "فقرة ثانية."],
        number: String(file * 1000 + k),
      }));
      await writeFile(path.join(root, `${String(file).padStart(2, "0")}.txt`), buildDump(articles).text);
    }
    await writeFile(path.join(root, "05-damaged.txt"), buildDump(DAMAGED_DUMP).text);
    await writeFile(path.join(root, "07-binary.txt"), Buffer.from([0x41, 0, 0x42, 0, 0, 0x43]));
    await writeFile(path.join(root, "09-empty.txt"), "");
    const [one, ...more] = await Promise.all(["1", "2", "3", "5"].map((jobs) => runNewsctl(["parse", root, "--jobs", jobs])));
    expect(one!.code).toBe(2);
    expect(one!.stderr).toContain("05-damaged.txt:");
    expect(one!.stderr).toContain("07-binary.txt: not a text file");
    const files = (parseNdjson(one!.stdout) as Array<{ file: string }>).map((record) => path.basename(record.file));
    expect(files).toEqual([...files].sort());
    expect(files.length).toBeGreaterThan(1500);
    for (const result of more) expect([result.code, result.stdout, result.stderr]).toEqual([one!.code, one!.stdout, one!.stderr]);
  });
});

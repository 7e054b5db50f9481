// Files named with -o, in every export format: a regular file appears complete or not at all,
// and a FIFO is written into while its reader reads, never replaced by a file of its own name.

import { execFileSync, spawn } from "node:child_process";
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newsctlArgv, runNewsctl, type RunResult } from "../helpers/run-newsctl.js";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";

const FORMATS = ["json", "ndjson", "csv", "tsv", "es-bulk", "parquet"] as const;
type Format = (typeof FORMATS)[number];
const EXTENSION: Readonly<Record<Format, string>> = { json: "json", ndjson: "ndjson", csv: "csv", tsv: "tsv", "es-bulk": "ndjson", parquet: "parquet" };
/** More rows than a Parquet row group holds (10,000), and output that fills a pipe many times over. */
const ARTICLE_COUNT = 10_050;
/** How long a reader may wait for output after newsctl has ended: a FIFO replaced under it never gets any. */
const READER_GRACE_MS = 3000;

let dir: string;
let dump: string;
beforeAll(async () => {
  dir = await makeTempDir();
  const articles: ArticleText[] = Array.from({ length: ARTICLE_COUNT }, (_, index) => ({
    headline: `خبر رقم ${index} عن الأسواق`,
    agency: index % 2 === 0 ? "واس" : "تنا",
    date: "25 Jan 2021 ساعة 11:27",
    body: [`افتتح الوزير سوقاً جديدة في المدينة، في الخبر ${index}.`],
    number: String(100_000 + index),
  }));
  dump = await writeDump(dir, "dump.txt", buildDump(articles).text);
});
afterAll(() => removeTempDir(dir));

/** A fresh, empty directory for one test's output. */
async function makeOutputDir(name: string): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder);
  return folder;
}

function exportArgs(format: Format, output?: string): string[] {
  return ["export", dump, `--${format}`, "--quiet", ...(output === undefined ? [] : ["-o", output])];
}

const stdoutOutputs = new Map<Format, Promise<RunResult>>();

/** What a text format writes to stdout: what any -o file of it must hold. */
async function stdoutBytes(format: Format): Promise<Buffer> {
  if (!stdoutOutputs.has(format)) stdoutOutputs.set(format, runNewsctl(exportArgs(format)));
  const result = await stdoutOutputs.get(format)!;
  expect(result.code, result.stderr).toBe(0);
  return Buffer.from(result.stdout, "utf8");
}

/** Runs the export into a FIFO while `cat` reads it; gives what newsctl and the reader did. */
async function exportIntoFifo(format: Format, fifo: string): Promise<{ result: RunResult; read: Buffer }> {
  const reader = spawn("cat", [fifo], { stdio: ["ignore", "pipe", "ignore"] });
  const chunks: Buffer[] = [];
  reader.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  const isReaderDone = new Promise<void>((resolve) => reader.on("close", () => resolve()));
  const result = await runNewsctl(exportArgs(format, fifo));
  const timer = setTimeout(() => reader.kill(), READER_GRACE_MS);
  await isReaderDone;
  clearTimeout(timer);
  return { result, read: Buffer.concat(chunks) };
}

describe("-o a regular file", () => {
  it.each(FORMATS)("%s: the file holds the whole output, and nothing else is left beside it", async (format) => {
    const folder = await makeOutputDir(`regular-${format}`);
    const out = path.join(folder, `articles.${EXTENSION[format]}`);
    const result = await runNewsctl(exportArgs(format, out));
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(folder)).toEqual([path.basename(out)]);
    const written = await readFile(out);
    if (format === "parquet") {
      expect(written.subarray(0, 4).toString("latin1")).toBe("PAR1");
      expect(written.subarray(-4).toString("latin1")).toBe("PAR1");
      const { DuckDBInstance } = await import("@duckdb/node-api");
      const connection = await (await DuckDBInstance.create(":memory:")).connect();
      const counted = (await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n, max(id) AS last FROM read_parquet('${out.replaceAll("'", "''")}')`)).getRowObjectsJson();
      connection.closeSync();
      expect(counted).toEqual([{ n: ARTICLE_COUNT, last: String(100_000 + ARTICLE_COUNT - 1) }]);
    } else {
      expect(written.equals(await stdoutBytes(format))).toBe(true);
    }
  });

  it.each(FORMATS)("%s: interrupted while writing, only a temporary file existed, and none is left", async (format) => {
    const folder = await makeOutputDir(`interrupted-${format}`);
    const out = path.join(folder, `articles.${EXTENSION[format]}`);
    // Reading standard input that is never finished keeps the export writing until the signal.
    const child = spawn(process.execPath, newsctlArgv(["export", "-", `--${format}`, "-o", out]), { env: { PATH: process.env.PATH ?? "" }, stdio: ["pipe", "ignore", "ignore"] });
    child.stdin.on("error", () => {}); // the writes still queued when the signal lands
    child.stdin.write(await readFile(dump));
    for (let waited = 0; (await readdir(folder)).length === 0 && waited < 400; waited++) await new Promise((resolve) => setTimeout(resolve, 25));
    const during = await readdir(folder);
    expect(during).toHaveLength(1);
    expect(during[0]).not.toBe(path.basename(out));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    child.stdin.destroy();
    expect(await readdir(folder)).toEqual([]);
  });

  it.each(FORMATS)("%s: a directory that does not exist is named in a message, with exit 2", async (format) => {
    const out = path.join(dir, "absent", `articles.${EXTENSION[format]}`);
    const result = await runNewsctl(exportArgs(format, out));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`newsctl: -o ${out}: cannot write there: no such file or directory\n`);
  });
});

describe("-o a FIFO", () => {
  it.each(["ndjson", "parquet"] as const)("%s: a reader that stops early ends the export quietly, as a closed pipe does", { timeout: 60_000 }, async (format) => {
    const folder = await makeOutputDir(`fifo-closed-${format}`);
    const fifo = path.join(folder, `out.fifo.${EXTENSION[format]}`);
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("head", ["-c", "100", fifo], { stdio: ["ignore", "ignore", "ignore"] });
    const readerClosed = new Promise((resolve) => reader.on("close", resolve));
    const result = await runNewsctl(exportArgs(format, fifo));
    await readerClosed;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect((await stat(fifo)).isFIFO()).toBe(true);
  });

  it.each(FORMATS)("%s: the reader gets the whole output, and the FIFO stays a FIFO", { timeout: 60_000 }, async (format) => {
    const folder = await makeOutputDir(`fifo-${format}`);
    const fifo = path.join(folder, `out.fifo.${EXTENSION[format]}`);
    execFileSync("mkfifo", [fifo]);
    const { result, read } = await exportIntoFifo(format, fifo);
    expect(result.code, result.stderr).toBe(0);
    expect((await stat(fifo)).isFIFO()).toBe(true);
    expect(await readdir(folder)).toEqual([path.basename(fifo)]);
    let expected: Buffer;
    if (format === "parquet") {
      const regular = path.join(folder, "regular.parquet");
      expect((await runNewsctl(exportArgs(format, regular))).code).toBe(0);
      expected = await readFile(regular);
    } else {
      expected = await stdoutBytes(format);
    }
    expect(read.length).toBe(expected.length);
    expect(read.equals(expected)).toBe(true);
  });
});

#!/usr/bin/env node
// Throughput of newsctl's parser, reported beside a floor measured in the same run: Node
// reading and decoding the same bytes. Ratios, not seconds, are what to compare between runs,
// since machines are shared and noisy. Each figure is the best of several rounds.
//
// usage: npm run bench [-- --rounds N --copies N --sizes 30000,300000 --jobs 2]
//        npm run bench -- --serve [--sizes 300000 --seconds 10 --connections 16]
//
// With --serve, only `newsctl serve` under load is measured instead (bench/serve.mjs).
//
// Sections: the shared corpus (when ../shared is there), the seed repeated, and corpora made by
// bench/generate.mjs at each size (kept in the system's temporary folder between runs). For the
// generated corpora it also measures --jobs, peak memory, building the index, and a search
// against the index as a whole process beside a bare `node -e 0` and beside `rg -c` (ripgrep,
// from apt: apt-get install ripgrep) over the same files.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TextDecoder } from "node:util";
import { readDump } from "../dist/io/read-dump.js";
import { readFileChunks } from "../dist/io/read-chunks.js";
import { parseQuery } from "../dist/core/query.js";
import { SearchRanking } from "../dist/core/search-ranking.js";
import { corpusFor, indexPathFor, removeIndex, textFilesUnder } from "./generated-corpus.mjs";

if (process.argv.includes("--serve")) {
  await import("./serve.mjs");
  process.exit(process.exitCode ?? 0);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const rounds = argument("rounds", 5);
const copies = argument("copies", 10_000);
const sizesIndex = process.argv.indexOf("--sizes");
const sizes = sizesIndex > 0 ? process.argv[sizesIndex + 1].split(",").map(Number) : [30_000, 300_000];
const jobs = argument("jobs", 2);

/**
 * The floor: read every file the way newsctl reads files (blocking 256 KiB reads, the quickest
 * way Node has) and decode it as UTF-8, doing nothing with the text.
 */
async function decodeFloor(files) {
  let characters = 0;
  for (const file of files) {
    const decoder = new TextDecoder("utf-8");
    for await (const chunk of readFileChunks(file)) characters += decoder.decode(chunk, { stream: true }).length;
    characters += decoder.decode().length;
  }
  return characters;
}

/** newsctl's parser in this process: bytes to records, no output. */
async function parseAll(files) {
  let records = 0;
  for (const file of files) {
    for await (const items of readDump({ name: file, path: file }, { stdin: process.stdin })) {
      for (const item of items) if (item.record) records++;
    }
  }
  return records;
}

/** A scan search in this process: bytes to records to matches, ranked, no output. */
async function searchAll(files, query) {
  const ranking = new SearchRanking(parseQuery(query), { isStemming: true });
  for (const file of files) {
    for await (const items of readDump({ name: file, path: file }, { stdin: process.stdin })) {
      for (const item of items) if (item.record) ranking.add(item.record);
    }
  }
  return ranking.ranked("relevance").length;
}

async function best(task) {
  let fastest = Infinity;
  let result;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    result = await task();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: fastest, result };
}

function bestProcess(args, cwd) {
  let fastest = Infinity;
  for (let round = 0; round < Math.min(rounds, 3); round++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [path.join(root, "bin/newsctl"), ...args], { cwd, stdio: ["ignore", "ignore", "ignore"] });
    if (run.status !== 0) throw new Error(`newsctl ${args.join(" ")} exited ${run.status}`);
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return fastest;
}

async function measure(label, files, cwd, cliArgs, query) {
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const megabytes = bytes / 1e6;
  const floor = await best(() => decodeFloor(files));
  const parse = await best(() => parseAll(files));
  const cli = bestProcess(cliArgs, cwd);
  const search = await best(() => searchAll(files, query));
  const searchCli = bestProcess(["search", query, ...cliArgs.slice(1).filter((arg) => arg !== "--ndjson"), "--count"], cwd);
  const rate = (seconds) => `${(megabytes / seconds).toFixed(1)} MB/s`;
  console.log(`\n${label}: ${files.length} files, ${megabytes.toFixed(1)} MB, ${parse.result} articles`);
  console.log(`  floor (read + decode)         ${rate(floor.seconds).padStart(12)}`);
  console.log(`  parse (in process, no output) ${rate(parse.seconds).padStart(12)}   ${(floor.seconds / parse.seconds).toFixed(2)} of the floor`);
  console.log(`  newsctl export --ndjson       ${rate(cli).padStart(12)}   ${(floor.seconds / cli).toFixed(2)} of the floor (whole process, output to /dev/null)`);
  console.log(`  search "${query}" (in process) ${rate(search.seconds).padStart(10)}   ${(floor.seconds / search.seconds).toFixed(2)} of the floor (${search.result} matches)`);
  console.log(`  newsctl search --count        ${rate(searchCli).padStart(12)}   ${(floor.seconds / searchCli).toFixed(2)} of the floor (whole process)`);
}

console.log(`node ${process.version}, best of ${rounds} rounds`);
const corpus = path.resolve(root, "../shared/corpus/saudinewsnet-2015-07-22");
if (existsSync(corpus)) {
  const files = textFilesUnder(path.join(corpus, "dumps"));
  await measure("shared corpus", files, corpus, ["export", "dumps", "--ndjson", "--quiet"], "الجيش");
} else {
  console.log("\nshared corpus: not found beside the project, skipped");
}

const scratch = mkdtempSync(path.join(tmpdir(), "newsctl-bench-"));
try {
  const seed = readFileSync(path.join(root, "seeds/000_dd904baf685b1fec.txt"), "utf8").trimEnd() + "\n\n";
  const repeated = path.join(scratch, "seed-repeated.txt");
  writeFileSync(repeated, seed.repeat(copies));
  await measure(`seed repeated ${copies} times`, [repeated], scratch, ["export", repeated, "--ndjson", "--quiet"], "الجيش");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Generated corpora: the figures the index and the worker pool are judged by.

const WORD = "الجيش";
// A phrase in about one article in a thousand: the generated text has no rare single words.
const RARE_WORD = '"الحريق الكبير"';
const newsctl = path.join(root, "bin/newsctl");
const peakRssHook = `--import=${new URL("./peak-rss.mjs", import.meta.url).href}`;

/** Runs a whole process `rounds` times (at most 3); the best time, and the peak memory seen. */
function timeProcess(command, args, options = {}) {
  let fastest = Infinity;
  let peak = 0;
  let output = "";
  for (let round = 0; round < Math.min(rounds, options.rounds ?? 3); round++) {
    options.before?.();
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...(options.measureMemory ? { NODE_OPTIONS: peakRssHook } : {}) },
      stdio: ["ignore", options.keepOutput ? "pipe" : "ignore", "pipe"],
      maxBuffer: 1 << 30,
      encoding: "utf8",
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (run.status !== 0 && !(options.okStatuses ?? []).includes(run.status)) {
      throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stderr.slice(-400)}`);
    }
    fastest = Math.min(fastest, seconds);
    const rss = /newsctl-bench peak-rss-kb (\d+)/.exec(run.stderr ?? "");
    if (rss) peak = Math.max(peak, Number(rss[1]));
    output = run.stdout ?? "";
  }
  return { seconds: fastest, peakMb: peak / 1024, output };
}

const hasRipgrep = spawnSync("rg", ["--version"], { stdio: "ignore" }).status === 0;
for (const articles of sizes) {
  console.log(`\ngenerated corpus, ${articles} articles:`);
  const directory = corpusFor(articles);
  const files = textFilesUnder(directory);
  const megabytes = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
  const rate = (seconds) => `${(megabytes / seconds).toFixed(1)} MB/s`;
  console.log(`  ${files.length} files, ${megabytes.toFixed(0)} MB`);
  const floor = await best(() => decodeFloor(files));
  const parse = await best(() => parseAll(files));
  console.log(`  floor (read + decode)             ${rate(floor.seconds).padStart(12)}`);
  console.log(`  parse (in process, one core)      ${rate(parse.seconds).padStart(12)}   ${(floor.seconds / parse.seconds).toFixed(2)} of the floor`);
  const one = timeProcess(process.execPath, [newsctl, "export", directory, "--quiet", "--jobs", "1"], { measureMemory: true, rounds: 2 });
  const many = timeProcess(process.execPath, [newsctl, "export", directory, "--quiet", "--jobs", String(jobs)], { measureMemory: true, rounds: 2 });
  console.log(`  export, --jobs 1                  ${rate(one.seconds).padStart(12)}   peak RSS ${one.peakMb.toFixed(0)} MB`);
  console.log(`  export, --jobs ${jobs}                  ${rate(many.seconds).padStart(12)}   peak RSS ${many.peakMb.toFixed(0)} MB   ${(one.seconds / many.seconds).toFixed(2)}x of --jobs 1`);
  const db = indexPathFor(articles);
  const removeDb = () => removeIndex(db);
  const build = timeProcess(process.execPath, [newsctl, "index", directory, "--db", db, "--quiet"], { measureMemory: true, rounds: 1, before: removeDb });
  console.log(`  index build                       ${rate(build.seconds).padStart(12)}   peak RSS ${build.peakMb.toFixed(0)} MB   (${build.seconds.toFixed(1)} s)`);
  const bare = timeProcess(process.execPath, ["-e", "0"], { rounds: 10 });
  const search = timeProcess(process.execPath, [newsctl, "search", WORD, "--db", db, "--count"], { rounds: 10, keepOutput: true, okStatuses: [1] });
  // The ten best, and the ten newest: every match is scored (from occurrence lists) or dated,
  // so these grow with how common the word is; only the ten are read.
  const ranked = timeProcess(process.execPath, [newsctl, "search", WORD, "--db", db, "--limit", "10"], { rounds: 5, okStatuses: [1] });
  const newest = timeProcess(process.execPath, [newsctl, "search", WORD, "--db", db, "--limit", "10", "--sort", "date"], { rounds: 5, okStatuses: [1] });
  const rare = timeProcess(process.execPath, [newsctl, "search", RARE_WORD, "--db", db, "--limit", "10"], { rounds: 5, okStatuses: [1] });
  console.log(`  node -e 0                         ${(bare.seconds * 1000).toFixed(0).padStart(8)} ms`);
  console.log(`  search ${WORD} --db --count        ${(search.seconds * 1000).toFixed(0).padStart(8)} ms   ${(search.seconds / bare.seconds).toFixed(2)}x a bare Node start (${search.output.trim()} matches)`);
  console.log(`  search ${WORD} --db --limit 10     ${(ranked.seconds * 1000).toFixed(0).padStart(8)} ms   ${(ranked.seconds / bare.seconds).toFixed(2)}x a bare Node start (ranked)`);
  console.log(`  search ${WORD} --db --sort date --limit 10 ${(newest.seconds * 1000).toFixed(0).padStart(4)} ms   ${(newest.seconds / bare.seconds).toFixed(2)}x a bare Node start (newest)`);
  console.log(`  search ${RARE_WORD} --db --limit 10   ${(rare.seconds * 1000).toFixed(0).padStart(8)} ms   ${(rare.seconds / bare.seconds).toFixed(2)}x a bare Node start (a rare phrase, ranked)`);
  if (hasRipgrep) {
    const rg = timeProcess("rg", ["-c", WORD, directory], { rounds: 3, okStatuses: [1] });
    console.log(`  rg -c ${WORD} (raw files)            ${(rg.seconds * 1000).toFixed(0).padStart(8)} ms   search --db is ${(rg.seconds / search.seconds).toFixed(2)}x faster`);
  } else {
    console.log("  rg: not installed (apt-get install ripgrep), comparison skipped");
  }
}

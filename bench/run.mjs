#!/usr/bin/env node
// Throughput of newsctl's parser, reported beside a floor measured in the same run: Node
// reading and decoding the same bytes. Ratios, not seconds, are what to compare between runs,
// since machines are shared and noisy. Each figure is the best of several rounds.
//
// usage: npm run bench [-- --rounds N --copies N --sizes 30000,300000 --jobs 2 --corpus real|generated --only export]
//        npm run bench -- --serve [--sizes 300000 --seconds 10 --connections 16]
//        npm run bench -- --analysis [--sizes 30000,300000 --rounds 3] [--reuse-index]
//
// With --only export, only the corpora at scale are measured, and of them only the floor, the
// parse and export (--jobs 1 and --jobs N, with peak memory): a minute instead of many.
//
// With --serve, only `newsctl serve` under load is measured instead (bench/serve.mjs); with
// --analysis, only trend, kwic, words and collocates through --db (bench/analysis.mjs).
//
// Sections: the shared corpus (when ../shared is there), the seed repeated, then at each size
// real text (the shared corpus copied with new numbers) and generated text (bench/generate.mjs),
// both kept in the system's temporary folder between runs. At scale it also measures export with
// --jobs, peak memory, building the index, and searches of the index (a frequent, a very
// frequent and a rare word, a frequent and a rare phrase) as whole processes beside a bare
// `node -e 0`, the frequent word beside `rg -c` (ripgrep: apt-get install ripgrep) over the same
// files.

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
import { newsctlArgs } from "./launcher.mjs";
import { replicateCorpus, sharedDumps } from "./real-corpus.mjs";

/** Articles in the shared corpus: the size of one copy. */
const SHARED_ARTICLES = 2036;
/** Where the copies of the shared corpus are kept, by size. */
const realCorpusPath = (articles) => path.join(tmpdir(), `newsctl-real-${articles}`);

if (process.argv.includes("--serve")) {
  await import("./serve.mjs");
  process.exit(process.exitCode ?? 0);
}
if (process.argv.includes("--analysis")) {
  await import("./analysis.mjs");
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
// --corpus real or --corpus generated measures only that one (both by default).
const corpusIndex = process.argv.indexOf("--corpus");
const corpora = corpusIndex > 0 ? [process.argv[corpusIndex + 1]] : ["real", "generated"];
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
if (only !== undefined && only !== "export") throw new Error(`--only ${only}: only "export" can be measured alone`);

/**
 * The floor: read every file the way newsctl reads files (blocking 64 KiB reads into one
 * buffer, the quickest way Node has) and decode it as UTF-8, doing nothing with the text.
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
    const run = spawnSync(process.execPath, newsctlArgs(...args), { cwd, stdio: ["ignore", "ignore", "ignore"] });
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
if (only === undefined && existsSync(corpus)) {
  const files = textFilesUnder(path.join(corpus, "dumps"));
  await measure("shared corpus", files, corpus, ["export", "dumps", "--ndjson", "--quiet"], "الجيش");
} else if (only === undefined) {
  console.log("\nshared corpus: not found beside the project, skipped");
}

if (only === undefined) {
  const scratch = mkdtempSync(path.join(tmpdir(), "newsctl-bench-"));
  try {
    const seed = readFileSync(path.join(root, "seeds/000_dd904baf685b1fec.txt"), "utf8").trimEnd() + "\n\n";
    const repeated = path.join(scratch, "seed-repeated.txt");
    writeFileSync(repeated, seed.repeat(copies));
    await measure(`seed repeated ${copies} times`, [repeated], scratch, ["export", repeated, "--ndjson", "--quiet"], "الجيش");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Corpora at scale: real text first (the shared corpus copied with new article numbers,
// bench/real-corpus.mjs), then generated text (bench/generate.mjs), at each size. Real articles
// have longer bodies and far more distinct words: the figures that matter are theirs.

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

/** Searches of the shared corpus's text, by how many of its articles they match (of 2,036). */
const REAL_SEARCHES = [
  { query: "داعش", kind: "word, frequent (7% of articles)", isCompared: true },
  { query: "الرياض", kind: "word, very frequent (42%)" },
  { query: "الطقس", kind: "word, rare (0.9%)" },
  { query: '"خادم الحرمين الشريفين"', kind: "phrase, frequent (7%)" },
  { query: '"وزارة الصحة"', kind: "phrase, rare (0.7%)" },
];
/** Searches of the generated text, which has no rare single words. */
const GENERATED_SEARCHES = [
  { query: "الجيش", kind: "word, frequent (44% of articles)", isCompared: true },
  { query: '"الحريق الكبير"', kind: "phrase, rare (0.1%)" },
];

const hasRipgrep = spawnSync("rg", ["--version"], { stdio: "ignore" }).status === 0;
const ms = (seconds) => `${(seconds * 1000).toFixed(0).padStart(6)} ms`;

async function measureAtScale(label, directory, db, searches) {
  const files = textFilesUnder(directory);
  const megabytes = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
  const rate = (seconds) => `${(megabytes / seconds).toFixed(1)} MB/s`.padStart(12);
  console.log(`\n${label}: ${files.length} files, ${megabytes.toFixed(0)} MB`);
  const floor = await best(() => decodeFloor(files));
  const parse = await best(() => parseAll(files));
  console.log(`  floor (read + decode)             ${rate(floor.seconds)}`);
  console.log(`  parse (in process, one core)      ${rate(parse.seconds)}   ${(floor.seconds / parse.seconds).toFixed(2)} of the floor (${parse.result} articles)`);
  const one = timeProcess(process.execPath, newsctlArgs("export", directory, "--quiet", "--jobs", "1"), { measureMemory: true, rounds: 2 });
  const many = timeProcess(process.execPath, newsctlArgs("export", directory, "--quiet", "--jobs", String(jobs)), { measureMemory: true, rounds: 2 });
  console.log(`  export --ndjson, --jobs 1         ${rate(one.seconds)}   ${(floor.seconds / one.seconds).toFixed(2)} of the floor   peak RSS ${one.peakMb.toFixed(0)} MB`);
  console.log(`  export --ndjson, --jobs ${jobs}         ${rate(many.seconds)}   ${(one.seconds / many.seconds).toFixed(2)}x of --jobs 1   peak RSS ${many.peakMb.toFixed(0)} MB`);
  if (only === "export") return;
  const build = timeProcess(process.execPath, newsctlArgs("index", directory, "--db", db, "--quiet"), { measureMemory: true, rounds: 1, before: () => removeIndex(db) });
  console.log(`  index build                       ${rate(build.seconds)}   peak RSS ${build.peakMb.toFixed(0)} MB   (${build.seconds.toFixed(1)} s, ${(statSync(db).size / 1e6).toFixed(0)} MB)`);
  const bare = timeProcess(process.execPath, ["-e", "0"], { rounds: 10 });
  console.log(`  node -e 0                         ${ms(bare.seconds)}`);
  for (const { query, kind, isCompared } of searches) {
    const count = timeProcess(process.execPath, newsctlArgs("search", query, "--db", db, "--count"), { rounds: 5, keepOutput: true, okStatuses: [1] });
    // Ranked: the best 20 by relevance, as a user asks for them.
    const ranked = timeProcess(process.execPath, newsctlArgs("search", query, "--db", db, "--ndjson", "--limit", "20"), { rounds: 5, okStatuses: [1], measureMemory: true });
    const newest = timeProcess(process.execPath, newsctlArgs("search", query, "--db", db, "--ndjson", "--limit", "20", "--sort", "date"), { rounds: 3, okStatuses: [1] });
    console.log(`  search ${query} (${kind}), ${count.output.trim()} matches:`);
    console.log(`    --count                         ${ms(count.seconds)}   ${(count.seconds / bare.seconds).toFixed(2)}x node -e 0`);
    console.log(`    --limit 20, best first          ${ms(ranked.seconds)}   ${(ranked.seconds / bare.seconds).toFixed(2)}x node -e 0   peak RSS ${ranked.peakMb.toFixed(0)} MB`);
    console.log(`    --limit 20 --sort date          ${ms(newest.seconds)}   ${(newest.seconds / bare.seconds).toFixed(2)}x node -e 0`);
    if (isCompared && hasRipgrep) {
      const word = query.replaceAll('"', "");
      const rg = timeProcess("rg", ["-c", word, directory], { rounds: 3, okStatuses: [1] });
      console.log(`    rg -c ${word} (the raw files)   ${ms(rg.seconds)}   rg's time / the ranked search's: ${(rg.seconds / ranked.seconds).toFixed(2)} (2 would be the index twice as fast)`);
    }
  }
  if (!hasRipgrep) console.log("  rg: not installed (apt-get install ripgrep), comparison skipped");
}

const dumps = sharedDumps(root);
for (const articles of sizes) {
  if (!corpora.includes("real")) {
    // Only the generated corpus was asked for.
  } else if (dumps !== undefined) {
    const made = replicateCorpus({ dumps, articles, directory: realCorpusPath(articles), articlesPerCopy: SHARED_ARTICLES });
    await measureAtScale(`real text, the shared corpus ${made.copies} times (${made.articles} articles) with new numbers`, realCorpusPath(articles), `${realCorpusPath(articles)}.db`, REAL_SEARCHES);
  } else {
    console.log(`\nreal text, ${articles} articles: ../shared is not beside the project, skipped`);
  }
  if (corpora.includes("generated")) await measureAtScale(`generated corpus, ${articles} articles`, corpusFor(articles), indexPathFor(articles), GENERATED_SEARCHES);
}

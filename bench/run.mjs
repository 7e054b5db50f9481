#!/usr/bin/env node
// Throughput of newsctl's parser, reported beside a floor measured in the same run: Node
// reading and decoding the same bytes. Ratios, not seconds, are what to compare between runs,
// since machines are shared and noisy. Each figure is the best of several rounds.
//
// usage: npm run bench [-- --rounds N --copies N]

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TextDecoder } from "node:util";
import fg from "fast-glob";
import { readDump } from "../dist/io/read-dump.js";
import { readFileChunks } from "../dist/io/read-chunks.js";
import { parseQuery } from "../dist/core/query.js";
import { SearchRanking } from "../dist/core/search-ranking.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const rounds = argument("rounds", 5);
const copies = argument("copies", 10_000);

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
  const files = fg.sync("dumps/**/*.txt", { cwd: corpus }).sort().map((file) => path.join(corpus, file));
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

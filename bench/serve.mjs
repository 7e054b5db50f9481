#!/usr/bin/env node
// How `newsctl serve` holds up under load, beside the goals set for it: a server over the index
// of a generated corpus (bench/generated-corpus.mjs), loaded from this process over loopback by
// autocannon, with the server's peak memory over the whole run. Each load asks for either the
// same page again and again (answered from the server's cache after the first) or a new page
// each time (a word or an article not asked for before in the run), since the two cost very
// different amounts. Beside them: `newsctl search --db --limit 20 --json` as a whole process
// and the first (uncached) request to the server for the same queries.
//
// usage: npm run bench -- --serve [--sizes 300000] [--seconds 10] [--connections 16]
//    or: npm run build && node bench/serve.mjs [the same options]
//
// The machine running the load also runs the server: on a small machine the load generator
// takes some of the server's processor, so the figures are upper bounds for a lone server.

import { spawn, spawnSync } from "node:child_process";
import { get } from "node:http";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { readDump } from "../dist/io/read-dump.js";
import { corpusFor, indexPathFor, removeIndex, textFilesUnder } from "./generated-corpus.mjs";
import { newsctlArgs } from "./launcher.mjs";

const peakRssHook = `--import=${new URL("./peak-rss.mjs", import.meta.url).href}`;

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const sizes = argument("sizes", "300000").split(",").map(Number);
const seconds = Number(argument("seconds", "10"));
const connections = Number(argument("connections", "16"));

/** The common word of the rest of the benchmark. */
const WORD = "الجيش";
/** Articles read from the start of the corpus for the words of the uncached searches. */
const SAMPLE_ARTICLES = 2000;
/** A word is used when the sample has it at least this often. */
const LEAST_OCCURRENCES = 10;
/** Places of articles for the uncached article pages. */
const ARTICLE_PLACES = 5000;

const GOALS = {
  searchP50: 20,
  searchP99: 100,
  articleP50: 5,
  /** A new /trend of a frequent word (its own unit: 20 to 200 periods): its first answer; then cached, under load. */
  trendFirstMs: 300,
  trendP50: 20,
  peakMb: 250,
};

const milliseconds = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const load = () =>
  loadavg()
    .map((average) => average.toFixed(2))
    .join(", ");

/** The index of the corpus, built when it is missing or of another index format (exit 2). */
function indexFor(articles, directory) {
  const db = indexPathFor(articles);
  const probe = spawnSync(process.execPath, newsctlArgs("search", "x", "--db", db, "--count"), { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (probe.status === 2) {
    console.log(`  index ${db}: ${probe.stderr.split("\n")[0].replace(/^newsctl: /, "")}; building it`);
    removeIndex(db);
    const start = process.hrtime.bigint();
    const build = spawnSync(process.execPath, newsctlArgs("index", directory, "--db", db, "--quiet"), { stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) throw new Error(`newsctl index exited ${build.status}`);
    console.log(`  (index built in ${(milliseconds(start) / 1000).toFixed(0)} s)`);
  } else if (probe.status !== 0 && probe.status !== 1) {
    throw new Error(`newsctl search --db ${db} exited ${probe.status}: ${probe.stderr}`);
  }
  return db;
}

/** mulberry32: the same order of words on every run. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The distinct Arabic words (three letters or more) of the first articles of the corpus, as
 * written there, with how often each occurs: most common first.
 */
async function corpusWords(directory) {
  const counts = new Map();
  let articles = 0;
  for (const file of textFilesUnder(directory)) {
    for await (const items of readDump({ name: file, path: file }, { stdin: process.stdin })) {
      for (const item of items) {
        if (!item.record) continue;
        articles++;
        const text = `${item.record.headline ?? ""} ${item.record.body}`;
        for (const word of text.match(/[\u0621-\u064A]{3,}/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    if (articles >= SAMPLE_ARTICLES) break;
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function shuffled(list, seed) {
  const random = seededRandom(seed);
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** A GET over a fresh connection: its time in milliseconds, status and body. */
function request(base, address) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    get(new URL(address, base), { agent: false }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ ms: milliseconds(start), status: response.statusCode, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    }).on("error", reject);
  });
}

async function expectOk(base, address) {
  const answer = await request(base, address);
  if (answer.status !== 200) throw new Error(`GET ${address}: ${answer.status} ${answer.body.slice(0, 300)}`);
  return answer;
}

/** The best time of a whole `newsctl` process, of a few runs. */
function bestProcessMs(args, runs = 3) {
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    const done = spawnSync(process.execPath, newsctlArgs(...args), { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 30 });
    const ms = milliseconds(start);
    if (done.status !== 0 && done.status !== 1) throw new Error(`newsctl ${args.join(" ")} exited ${done.status}: ${done.stderr}`);
    fastest = Math.min(fastest, ms);
  }
  return fastest;
}

/** The server as a child process, its peak memory measured; resolves once it prints its URL. */
async function startServer(db) {
  const server = spawn(process.execPath, newsctlArgs("serve", "--db", db, "--port", "0"), {
    env: { ...process.env, NODE_OPTIONS: peakRssHook },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  server.stderr.setEncoding("utf8").on("data", (text) => {
    stderr += text;
  });
  const exited = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));
  const lines = createInterface({ input: server.stdout });
  const url = await Promise.race([
    new Promise((resolve) => lines.once("line", resolve)),
    exited.then(({ code }) => {
      throw new Error(`newsctl serve exited ${code} before printing its URL: ${stderr}`);
    }),
  ]);
  return {
    url,
    stderr: () => stderr,
    /** Stops it with SIGINT; its exit status and peak RSS (MB), or null when it did not say. */
    async stop() {
      server.kill("SIGINT");
      const { code, signal } = await exited;
      const peak = /newsctl-bench peak-rss-kb (\d+)/.exec(stderr);
      return { code, signal, peakMb: peak === null ? null : Number(peak[1]) / 1024 };
    },
  };
}

/**
 * Loads the server with `connections` clients for `seconds`: the one address again and again,
 * or each address of the list in turn, shared by the clients.
 */
async function loadServer(base, addresses) {
  let next = 0;
  const options = { url: base, connections, duration: seconds, timeout: 30 };
  if (addresses.length === 1) options.url = new URL(addresses[0], base).href;
  else options.requests = [{ method: "GET", setupRequest: (request) => ({ ...request, path: addresses[next++ % addresses.length] }) }];
  const run = autocannon(options);
  const errorKinds = new Map();
  run.on("reqError", (error) => {
    const kind = error.code ?? error.message;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  });
  const result = await run;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    perSecond: result.requests.total / result.duration,
    requests: result.requests.total,
    sent: addresses.length === 1 ? result.requests.sent : next,
    errors: result.errors,
    non2xx: result.non2xx,
    errorKinds,
  };
}

const trendAddress = (word) => `/trend?q=${encodeURIComponent(word)}`;
const searchAddress = (word, format = "") => `/${format === "json" ? "search.json" : ""}?q=${encodeURIComponent(word)}`;
const articleAddress = ({ file, line }) => `/article?file=${encodeURIComponent(file)}&line=${line}`;

async function measureSize(articles) {
  console.log(`\ngenerated corpus, ${articles} articles: newsctl serve, ${connections} connections, ${seconds} s a load`);
  const directory = corpusFor(articles);
  const db = indexFor(articles, directory);

  // The queries: the common word, three words beside it for the comparison with the command
  // line (the corpus's most common word, one at the median, one at the tenth percentile of the
  // sample's counts), and every other word of the sample for the uncached searches, half for the
  // page and half for its JSON twin, so that no two requests of the run ask for the same search.
  const counted = (await corpusWords(directory)).filter(([word, count]) => count >= LEAST_OCCURRENCES && word !== WORD);
  const compared = [counted[0], counted[Math.floor(counted.length / 2)], counted[Math.floor(counted.length * 0.9)]].map(([word]) => word);
  const warmUp = counted[1][0];
  const fresh = shuffled(
    counted.map(([word]) => word).filter((word) => word !== warmUp && !compared.includes(word)),
    1,
  );
  const freshPages = fresh.filter((_, i) => i % 2 === 0).map((word) => searchAddress(word));
  const freshJson = fresh.filter((_, i) => i % 2 === 1).map((word) => searchAddress(word, "json"));
  console.log(`  ${fresh.length} words for the uncached searches (seen ${LEAST_OCCURRENCES} times or more in the first ${SAMPLE_ARTICLES} articles)`);

  const placesRun = spawnSync(process.execPath, newsctlArgs("search", WORD, "--db", db, "--limit", String(ARTICLE_PLACES), "--ndjson", "--fields", "file,line"), { encoding: "utf8", maxBuffer: 1 << 30 });
  if (placesRun.status !== 0) throw new Error(`newsctl search ${WORD} --db exited ${placesRun.status}: ${placesRun.stderr}`);
  const places = placesRun.stdout.trim().split("\n").map((line) => JSON.parse(line));

  // The command line first, while no server runs.
  const cliMs = new Map();
  for (const word of [WORD, ...compared]) cliMs.set(word, bestProcessMs(["search", word, "--db", db, "--limit", "20", "--json"]));

  const loadBefore = load();
  const server = await startServer(db);
  const base = server.url;
  let isFailed = false;
  const rows = [];
  const firsts = [];
  let stopped;
  try {
    // The server's very first request pays for its warming up (code compiled, index pages read);
    // it is a word not otherwise asked for, so the first requests below are for searches alone.
    const warm = await expectOk(base, searchAddress(warmUp, "json"));
    firsts.push({ word: warmUp, matchCount: JSON.parse(warm.body).matchCount, ms: warm.ms, isWarmUp: true });
    for (const word of [WORD, ...compared]) {
      const first = await expectOk(base, searchAddress(word, "json"));
      firsts.push({ word, matchCount: JSON.parse(first.body).matchCount, ms: first.ms, cliMs: cliMs.get(word) });
    }
    // A trend of the frequent word, new to the server: the whole answer over a new connection.
    const trendFirst = await expectOk(base, trendAddress(WORD));
    firsts.push({ word: `/trend ${WORD}`, matchCount: "", ms: trendFirst.ms, goal: GOALS.trendFirstMs });
    // Each page once before its load: it answers at all, with 200.
    for (const address of [searchAddress(WORD), freshPages[0], articleAddress(places[0])]) await expectOk(base, address);

    // After each load the server may still be answering the requests the clients gave up on when
    // time ran out; one request of a remembered page waits for them.
    const settle = () => expectOk(base, searchAddress(WORD));
    const search = { p50: GOALS.searchP50, p99: GOALS.searchP99 };
    const runs = [
      { label: `/?q=${WORD}, the same search (cached)`, addresses: [searchAddress(WORD)], goal: search },
      { label: `/search.json?q=${WORD}, the same (cached)`, addresses: [searchAddress(WORD, "json")], goal: search },
      { label: "/?q=WORD, each a new search (UNCACHED)", addresses: freshPages.slice(1), goal: search, distinct: freshPages.length - 1 },
      { label: "/search.json?q=WORD, each new (UNCACHED)", addresses: freshJson, goal: search, distinct: freshJson.length },
      { label: `/trend?q=${WORD}, the same (cached)`, addresses: [trendAddress(WORD)], goal: { p50: GOALS.trendP50 } },
      { label: "/article, the same article (cached)", addresses: [articleAddress(places[0])], goal: { p50: GOALS.articleP50 } },
      { label: "/article, each a new article (UNCACHED)", addresses: places.slice(1).map(articleAddress), goal: { p50: GOALS.articleP50 }, distinct: places.length - 1 },
    ];
    for (const run of runs) {
      rows.push({ ...run, ...(await loadServer(base, run.addresses)) });
      await settle();
    }
  } finally {
    stopped = await server.stop();
  }
  const loadAfter = load();

  // The table.
  const cell = (value, width, digits = 1) => (typeof value === "number" ? value.toFixed(digits) : String(value)).padStart(width);
  console.log(`  load average before ${loadBefore}; after ${loadAfter} (1, 5, 15 min)`);
  console.log(`\n  ${"load".padEnd(44)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"req/s".padStart(8)} ${"answered".padStart(8)} ${"errors".padStart(6)} ${"non-2xx".padStart(7)}  goal`);
  for (const row of rows) {
    const meetsLatency = row.p50 <= row.goal.p50 && (row.goal.p99 === undefined || row.p99 <= row.goal.p99);
    const isClean = row.errors === 0 && row.non2xx === 0;
    if (!isClean) isFailed = true;
    const missed = [meetsLatency ? null : "latency", isClean ? null : "errors"].filter((what) => what !== null);
    const goal = `p50 <= ${row.goal.p50} ms${row.goal.p99 === undefined ? "" : `, p99 <= ${row.goal.p99} ms`}, no errors: ${missed.length === 0 ? "met" : `NOT MET (${missed.join(", ")})`}`;
    console.log(`  ${row.label.padEnd(44)} ${cell(row.p50, 7)} ${cell(row.p99, 7)} ${cell(row.perSecond, 8)} ${cell(row.requests, 8, 0)} ${cell(row.errors, 6, 0)} ${cell(row.non2xx, 7, 0)}  ${goal}`);
    if (row.distinct !== undefined) {
      const repeats = row.sent > row.distinct ? `; ${row.sent - row.distinct} asked again after the list ran out` : "";
      console.log(`  ${"".padEnd(44)} (${row.sent} requests sent over ${row.distinct} distinct addresses${repeats})`);
    }
    if (row.errorKinds.size > 0) console.log(`  ${"".padEnd(44)} (errors: ${[...row.errorKinds].map(([kind, count]) => `${count} ${kind}`).join(", ")})`);
  }

  const peak = stopped.peakMb;
  console.log(`\n  server peak RSS over the run ${peak === null ? "NOT REPORTED" : `${peak.toFixed(0)} MB`}   goal <= ${GOALS.peakMb} MB: ${peak !== null && peak <= GOALS.peakMb ? "met" : "NOT MET"}`);
  // newsctl exits 130 on SIGINT, as a shell reports an interrupted command; what matters here is
  // that it exited by itself (not killed by the signal) and said its peak memory on the way.
  const isNormalExit = stopped.signal === null && (stopped.code === 0 || stopped.code === 130);
  console.log(`  server stopped by SIGINT: exit status ${stopped.code}${stopped.signal ? `, killed by ${stopped.signal}` : ""}${isNormalExit ? "" : " (NOT A NORMAL EXIT)"}`);
  if (!isNormalExit || peak === null) isFailed = true;
  const internal = server.stderr().split("\n").filter((line) => line.includes("internal error"));
  if (internal.length > 0) {
    isFailed = true;
    console.log(`  the server reported ${internal.length} internal errors, the first: ${internal[0]}`);
  }

  console.log(`\n  ${"query".padEnd(16)} ${"matches".padStart(8)} ${"CLI ms".padStart(7)} ${"first ms".padStart(8)}`);
  for (const first of firsts) {
    const note = first.isWarmUp ? "  (the server's first request of all, warming up)" : first.goal === undefined ? "" : `  goal <= ${first.goal} ms: ${first.ms <= first.goal ? "met" : "NOT MET"}`;
    console.log(`  ${first.word.padEnd(16)} ${cell(first.matchCount, 8, 0)} ${cell(first.cliMs ?? "", 7, 0)} ${cell(first.ms, 8, 0)}${note}`);
  }
  console.log("  CLI: newsctl search QUERY --db DB --limit 20 --json, a whole process, best of 3 runs");
  console.log("  first: the server's first request for the query, /search.json?q=QUERY (uncached), over a new connection");
  if (isFailed) process.exitCode = 1;
}

console.log(`node ${process.version}; the load generator (autocannon) runs in this process, the server in another`);
for (const articles of sizes) await measureSize(articles);

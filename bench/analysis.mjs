// The four analyses (trend, kwic, words, collocates) through --db on real text at scale, each as
// a whole process beside `rg -c` of the word over the same dumps, with the ratios they are held
// to: trend by day against `search --count` of the word (at most 1.2x), by week split by agency
// (at most 1.5x); kwic --limit 100 against a bare `node -e 0` (at most 1.5x), kwic without a
// limit with its peak memory (at most 150 MB); words without a query (at most 1 s), words of a
// frequent word (at most 3 s, judged at 300,000 articles, where it matches about 20,000), and
// collocates of it (at most 3 s). Also what the word table adds to the index (bytes and share).
//
// usage: npm run bench -- --analysis [--sizes 30000,300000 --rounds 3] [--reuse-index]
// (--reuse-index: measure the index an earlier run left, when there is one, instead of
// building it again; its build time is then not reported.)

import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openSqlite } from "../dist/io/sqlite-binding.js";
import { removeIndex } from "./generated-corpus.mjs";
import { newsctlArgs } from "./launcher.mjs";
import { replicateCorpus, sharedDumps } from "./real-corpus.mjs";

const SHARED_ARTICLES = 2036;
/** A frequent word of the shared corpus: 7% of its articles. */
const WORD = "داعش";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const rounds = Number(argument("rounds", "3"));
const sizes = argument("sizes", "30000,300000").split(",").map(Number);
const isReusing = process.argv.includes("--reuse-index");
const peakRssHook = `--import=${new URL("./peak-rss.mjs", import.meta.url).href}`;

/** A whole process, best of `rounds`: its time, its peak memory (newsctl only) and its output. */
function timed(command, args, { isNewsctl = true, okStatuses = [0] } = {}) {
  let seconds = Infinity;
  let peakMb = 0;
  let output = "";
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args, {
      env: { ...process.env, ...(isNewsctl ? { NODE_OPTIONS: peakRssHook } : {}) },
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1 << 30,
      encoding: "utf8",
    });
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - start) / 1e9);
    if (!okStatuses.includes(run.status)) throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stderr.slice(-400)}`);
    const rss = /newsctl-bench peak-rss-kb (\d+)/.exec(run.stderr);
    if (rss) peakMb = Math.max(peakMb, Number(rss[1]) / 1024);
    output = run.stdout;
  }
  return { seconds, peakMb, output };
}

const newsctl = (...args) => timed(process.execPath, newsctlArgs(...args));
const ms = (seconds) => `${(seconds * 1000).toFixed(0).padStart(6)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const verdict = (isMet) => (isMet ? "met" : "NOT MET");

/** Bytes the word table takes in the index, and the index's size. */
function wordTableBytes(db) {
  const sqlite = openSqlite(db, { readonly: true });
  try {
    const tables = ["word_stems", "word_forms", "word_spellings", "article_words", "word_changes", "word_totals"];
    const names = tables.flatMap((table) => [table, ...sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?").pluck().all(table)]);
    const bytes = sqlite.prepare(`SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (${names.map(() => "?").join(", ")})`).pluck().get(...names);
    return { bytes, total: statSync(db).size };
  } finally {
    sqlite.close();
  }
}

const dumps = sharedDumps(root);
if (dumps === undefined) {
  console.log("analysis: ../shared is not beside the project, skipped");
} else {
  console.log(`node ${process.version}, best of ${rounds} rounds; load average ${(await import("node:os")).loadavg().map((load) => load.toFixed(2)).join(" ")}`);
  for (const articles of sizes) {
    const directory = path.join(tmpdir(), `newsctl-real-${articles}`);
    const made = replicateCorpus({ dumps, articles, directory, articlesPerCopy: SHARED_ARTICLES });
    const db = path.join(tmpdir(), `newsctl-real-${articles}-analysis.db`);
    let build = "reused";
    if (!(isReusing && existsSync(db))) {
      removeIndex(db);
      const start = process.hrtime.bigint();
      const built = spawnSync(process.execPath, newsctlArgs("index", directory, "--db", db, "--quiet"), { stdio: "ignore" });
      if (built.status !== 0) throw new Error(`newsctl index exited ${built.status}`);
      build = `build ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s`;
    }
    const { bytes, total } = wordTableBytes(db);
    console.log(`\nreal text, ${made.articles} articles (${(made.bytes / 1e6).toFixed(0)} MB of dumps), through --db`);
    console.log(`  index ${build}, ${(total / 1e6).toFixed(0)} MB, of which the word table ${(bytes / 1e6).toFixed(1)} MB (${((100 * bytes) / total).toFixed(1)}% of the index; +${((100 * bytes) / (total - bytes)).toFixed(1)}% over the index without it)`);
    const bare = timed(process.execPath, ["-e", "0"], { isNewsctl: false });
    const rg = timed("rg", ["-c", WORD, directory], { isNewsctl: false, okStatuses: [0, 1] });
    const count = newsctl("search", WORD, "--db", db, "--count");
    console.log(`  node -e 0 ${ms(bare.seconds)}   rg -c ${WORD} ${ms(rg.seconds)}   search ${WORD} --count ${ms(count.seconds)} (${count.output.trim()} matches)`);
    const line = (label, run, against) => console.log(`  ${label.padEnd(40)} ${ms(run.seconds)}   ${ratio(run.seconds, rg.seconds)} rg   peak RSS ${run.peakMb.toFixed(0)} MB   ${against}`);
    const byDay = newsctl("trend", WORD, "--db", db, "--by", "day", "--csv");
    line("trend --by day", byDay, `${ratio(byDay.seconds, count.seconds)} search --count (at most 1.2x: ${verdict(byDay.seconds <= 1.2 * count.seconds)})`);
    const byWeek = newsctl("trend", WORD, "--db", db, "--by", "week", "--split", "agency", "--csv");
    line("trend --by week --split agency", byWeek, `${ratio(byWeek.seconds, count.seconds)} search --count (at most 1.5x: ${verdict(byWeek.seconds <= 1.5 * count.seconds)})`);
    const kwicLimited = newsctl("kwic", WORD, "--db", db, "--limit", "100", "--csv");
    line("kwic --limit 100", kwicLimited, `${ratio(kwicLimited.seconds, bare.seconds)} node -e 0 (at most 1.5x: ${verdict(kwicLimited.seconds <= 1.5 * bare.seconds)})`);
    const kwic = newsctl("kwic", WORD, "--db", db, "--csv");
    line("kwic (every line)", kwic, `${kwic.output.split("\n").length - 2} lines (peak at most 150 MB: ${verdict(kwic.peakMb <= 150)})`);
    const words = newsctl("words", "--db", db, "--top", "100", "--csv");
    line("words (the collection)", words, `(at most 1 s: ${verdict(words.seconds <= 1)})`);
    const distinctive = newsctl("words", WORD, "--db", db, "--top", "50", "--csv");
    line(`words ${WORD} (${count.output.trim()} articles)`, distinctive, `(at most 3 s at 20,000 matches: ${verdict(distinctive.seconds <= 3)})`);
    const collocates = newsctl("collocates", WORD, "--db", db, "--top", "30", "--csv");
    line(`collocates ${WORD}`, collocates, `(at most 3 s: ${verdict(collocates.seconds <= 3)})`);
  }
}

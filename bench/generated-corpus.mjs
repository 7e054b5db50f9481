// Where the benchmark keeps the corpora bench/generate.mjs makes and their indexes: in the
// system's temporary folder ($TMPDIR), made once and read by every later run, so that
// bench/run.mjs and bench/serve.mjs measure the same files.

import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCorpus } from "./generate.mjs";

/** The generated corpus of this many articles, made first when it is not there complete. */
export function corpusFor(articles) {
  const directory = path.join(tmpdir(), `newsctl-bench-${articles}`);
  const marker = path.join(directory, ".complete");
  if (!existsSync(marker)) {
    rmSync(directory, { recursive: true, force: true });
    const start = process.hrtime.bigint();
    const made = generateCorpus({ articles, directory });
    writeFileSync(marker, JSON.stringify(made));
    console.log(`  (generated in ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(0)} s into ${directory})`);
  }
  return directory;
}

/** Where the index of that corpus is kept. */
export function indexPathFor(articles) {
  return path.join(tmpdir(), `newsctl-bench-${articles}.db`);
}

/** Deletes an index with its write-ahead log. */
export function removeIndex(db) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
}

/** Every *.txt file under a directory, in byte order of their paths. */
export function textFilesUnder(directory) {
  return readdirSync(directory, { recursive: true })
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => path.join(directory, file));
}

// `newsctl dedup [PATH...]`: the copies among the articles (the same number, or nearly the
// same body), in clusters, each with the copy kept (the earliest) and the copies dropped.

import type { Command } from "commander";
import { DuplicateFinder, type DuplicateCluster } from "../core/near-duplicates.js";
import { placeKey } from "../core/record-place.js";
import { UsageError } from "../errors.js";
import { PROGRAM } from "../output/messages.js";
import { TextSink } from "../output/sink.js";
import { toTerminalLine } from "../output/terminal-text.js";
import { addFilterOptions, addInputOptions, readReadingOptions, type RawOptions } from "./options.js";
import { RecordReader, type ReadingContext, type ReadingOptions } from "./read-records.js";

interface DedupOptions extends RawOptions {
  threshold?: string;
}

const DEFAULT_THRESHOLD = 0.8;

export function declareDedup(program: Command, context: ReadingContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("dedup")
    .description("find copies: articles with the same number, or nearly the same body; the earliest is kept")
    .argument("[path...]", "files, directories, glob patterns, or - for standard input")
    .option("--json", "the clusters as one JSON array")
    .option("--threshold <share>", `how alike two bodies must be to be copies, 0 to 1 (word 3-grams, estimated by MinHash; default ${DEFAULT_THRESHOLD})`);
  addInputOptions(addFilterOptions(command));
  command.addHelpText(
    "after",
    `
Bodies are compared folded (harakat, hamza seats and the like do not count), by the share of
the three-word sequences they have in common. In each cluster the earliest published copy is
kept (then the first by file and line). A summary goes to stderr.

Examples:
  newsctl dedup dumps
  newsctl dedup dumps --threshold 0.9 --json | jq '.[] | .dropped | length'`,
  );
  command.action(async (paths: string[], raw: DedupOptions) => {
    setExitCode(await runDedup(paths, raw, context));
  });
}

/** --threshold, checked; the default when it is not given. */
export function readThreshold(raw: { threshold?: string }): number {
  const threshold = raw.threshold === undefined ? DEFAULT_THRESHOLD : Number(raw.threshold);
  if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`--threshold: "${raw.threshold}" is not a share above 0 and at most 1`, "e.g. --threshold 0.8");
  return threshold;
}

/**
 * The places (FILE:LINE) of the copies a first reading of the inputs finds, for `export
 * --dedup` to leave out on its second reading. Warnings wait for that second reading.
 */
export async function findCopies(options: ReadingOptions, context: ReadingContext, threshold: number): Promise<Set<string>> {
  const reader = new RecordReader({ ...options, isQuiet: true, isStrict: false }, context);
  const finder = new DuplicateFinder(threshold);
  for await (const record of reader.records()) finder.add(record);
  return new Set(finder.clusters().flatMap((cluster) => cluster.dropped.map((copy) => placeKey(copy.file, copy.line))));
}

export async function runDedup(paths: readonly string[], raw: DedupOptions, context: ReadingContext): Promise<number> {
  const threshold = readThreshold(raw);
  const reader = new RecordReader(readReadingOptions(paths, raw), context);
  const finder = new DuplicateFinder(threshold);
  let articles = 0;
  for await (const record of reader.records()) {
    finder.add(record);
    articles++;
  }
  const clusters = finder.clusters();
  const sink = new TextSink(context.env.stdout);
  if (raw.json === true) await sink.write(`${JSON.stringify(clusters, null, 2)}\n`);
  else for (const cluster of clusters) await sink.write(formatCluster(cluster));
  await sink.flush();
  const copies = clusters.reduce((sum, cluster) => sum + cluster.dropped.length, 0);
  context.env.stderr.write(`${PROGRAM}: ${articles} articles: ${copies} copies in ${clusters.length} clusters, ${articles - copies} kept\n`);
  return reader.exitCode();
}

function formatCluster(cluster: DuplicateCluster): string {
  const place = (p: { file: string; line: number; id: string | null; published: string | null }) =>
    `${toTerminalLine(p.file)}:${p.line}  ${p.id === null ? "—" : `#${p.id}`}  ${p.published ?? "undated"}`;
  const lines = [`kept     ${place(cluster.kept)}`];
  for (const copy of cluster.dropped) {
    const why = copy.reason === "number" ? "same number" : `body ${copy.similarity.toFixed(2)}`;
    lines.push(`dropped  ${place(copy)}  (${why})`);
  }
  return `${lines.join("\n")}\n\n`;
}

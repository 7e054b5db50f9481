// `newsctl dedup [PATH...]`: the copies among the articles (the same number, or nearly the
// same body), in clusters, each with the copy kept (the earliest) and the copies dropped.

import { createHash } from "node:crypto";
import { placeKey } from "../core/record-place.js";
import { DuplicateFinder } from "../core/near-duplicates.js";
import { UsageError } from "../errors.js";
import { formatCluster, formatDedupSummary } from "../output/dedup-view.js";
import { PROGRAM } from "../output/messages.js";
import { makeStdoutSink } from "../output/sink.js";
import { toTerminalJson } from "../output/terminal-text.js";
import type { CommandDefinition } from "./command-definition.js";
import { DEFAULT_THRESHOLD, type RawOptions } from "./option-table.js";
import { planReading } from "./reading-plan.js";
import { RecordReader, type ReadingContext, type ReadingOptions } from "./read-records.js";

export interface DedupPlan {
  reading: ReadingOptions;
  threshold: number;
  isJson: boolean;
}

/**
 * A finder that keeps, of a short article, a digest of its folded text (128 bits of SHA-256) rather than the
 * text: memory stays a few hundred bytes an article, however many are read.
 */
function makeFinder(threshold: number): DuplicateFinder {
  return new DuplicateFinder(threshold, { shortFingerprint: (text) => createHash("sha256").update(text).digest().toString("base64", 0, 16) });
}

/** --threshold, checked; the default when it is not given. */
export function readThreshold(raw: RawOptions): number {
  const threshold = raw.threshold === undefined ? DEFAULT_THRESHOLD : Number(raw.threshold);
  if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`--threshold: "${raw.threshold}" is not a share above 0 and at most 1`, "e.g. --threshold 0.8");
  return threshold;
}

/**
 * The places (FILE:LINE) of the copies a first reading of the inputs finds, for `export
 * --dedup` to leave out on its second reading. Warnings wait for that second reading.
 */
export async function findCopies(options: ReadingOptions, context: ReadingContext, threshold: number): Promise<Set<string>> {
  const reader = new RecordReader({ ...options, isQuiet: true, isStrict: false, isShowingProgress: false }, context);
  const finder = makeFinder(threshold);
  for await (const record of reader.records()) finder.add(record);
  return new Set(finder.clusters().flatMap((cluster) => cluster.dropped.map((copy) => placeKey(copy.file, copy.line))));
}

export const dedupCommand: CommandDefinition<DedupPlan> = {
  name: "dedup",
  helpAfter: `
Bodies are compared folded (harakat, hamza seats and the like do not count), by the share of
the three-word sequences they have in common. In each cluster the earliest published copy is
kept (then the first by file and line). A summary goes to stderr.

Examples:
  newsctl dedup dumps
  newsctl dedup dumps --threshold 0.9 --json | jq '.[] | .dropped | length'`,

  plan({ paths, raw }, env) {
    return { reading: planReading(paths, raw, env, { isShowingProgress: false }), threshold: readThreshold(raw), isJson: raw.json === true };
  },

  async run({ reading, threshold, isJson }, context) {
    const reader = new RecordReader(reading, context);
    const finder = makeFinder(threshold);
    let articles = 0;
    for await (const record of reader.records()) {
      finder.add(record);
      articles++;
    }
    const clusters = finder.clusters();
    const sink = makeStdoutSink(context.env);
    if (isJson) {
      const json = JSON.stringify(clusters, null, 2);
      await sink.write(`${sink.isTerminal ? toTerminalJson(json) : json}\n`);
    }
    else for (const cluster of clusters) await sink.write(formatCluster(cluster));
    await sink.flush();
    context.env.stderr.write(`${PROGRAM}: ${formatDedupSummary(articles, clusters)}\n`);
    return reader.exitCode();
  },
};

// `newsctl dedup [PATH...]`: the copies among the articles (the same number, or nearly the
// same body), in clusters, each with the copy kept (the earliest) and the copies dropped.

import { findClusters } from "../app/copies.js";
import type { ReadingOptions } from "../app/read-dumps.js";
import { formatCluster, formatDedupSummary } from "../output/dedup-view.js";
import { PROGRAM } from "../output/messages.js";
import { writeDocument } from "../output/write-document.js";
import type { CommandDefinition } from "./command-definition.js";
import { planReading } from "./option-values.js";
import { DEFAULT_THRESHOLD } from "./option-table.js";

interface DedupPlan {
  reading: ReadingOptions;
  threshold: number;
  isJson: boolean;
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

  plan({ paths, options }, env) {
    return { reading: planReading(paths, options, env, { isShowingProgress: false }), threshold: options.threshold ?? DEFAULT_THRESHOLD, isJson: options.json === true };
  },

  async run({ reading, threshold, isJson }, context) {
    const { clusters, articles, readingCode } = await findClusters(reading, context, threshold);
    await writeDocument(context.env, clusters, { isJson, indent: 2 }, (all) => all.map(formatCluster));
    context.env.stderr.write(`${PROGRAM}: ${formatDedupSummary(articles, clusters)}\n`);
    return readingCode;
  },
};

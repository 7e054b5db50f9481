// Copies found by dedup, for people: each cluster as the copy kept and the copies dropped, one
// line each with its place, number and time, and a one-line summary.

import type { DuplicateCluster } from "../core/near-duplicates.js";
import { toTerminalLine } from "./terminal-text.js";

export function formatCluster(cluster: DuplicateCluster): string {
  const place = (p: { file: string; line: number; id: string | null; published: string | null }) =>
    `${toTerminalLine(p.file)}:${p.line}  ${p.id === null ? "—" : `#${p.id}`}  ${p.published ?? "undated"}`;
  const lines = [`kept     ${place(cluster.kept)}`];
  for (const copy of cluster.dropped) {
    const why = copy.reason === "number" ? "same number" : `body ${copy.similarity.toFixed(2)}`;
    lines.push(`dropped  ${place(copy)}  (${why})`);
  }
  return `${lines.join("\n")}\n\n`;
}

/** "N articles: C copies in K clusters, M kept". */
export function formatDedupSummary(articles: number, clusters: readonly DuplicateCluster[]): string {
  const copies = clusters.reduce((sum, cluster) => sum + cluster.dropped.length, 0);
  return `${articles} articles: ${copies} copies in ${clusters.length} clusters, ${articles - copies} kept`;
}

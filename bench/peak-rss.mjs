// Loaded into a measured newsctl process (NODE_OPTIONS=--import): reports its peak resident
// memory on stderr as it exits, for the benchmark to read.
import { writeSync } from "node:fs";

process.on("exit", () => {
  writeSync(2, `\nnewsctl-bench peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});

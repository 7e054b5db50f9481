// `newsctl stats [PATH...|--db FILE]`: how many articles, from whom, when, which numbers are
// missing or used twice, and which warnings the articles carry; for people, or --json.

import { createHash } from "node:crypto";
import type { Command } from "commander";
import { CollectionSummaryBuilder } from "../core/collection-summary.js";
import { formatSummary } from "../output/summary-view.js";
import { TextSink } from "../output/sink.js";
import { openIndexForReading } from "./index-reading.js";
import { addFilterOptions, addInputOptions, readReadingOptions, type RawOptions } from "./options.js";
import { RecordReader, type ReadingContext } from "./read-records.js";

interface StatsOptions extends RawOptions {
  db?: string;
}

export function declareStats(program: Command, context: ReadingContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("stats")
    .description("count articles per agency and per day, find missing and reused article numbers, count warnings")
    .argument("[path...]", "files, directories, glob patterns, or - for standard input")
    .option("--json", "the figures as one JSON object")
    .option("--db <file>", "read the index that newsctl index built, instead of dumps");
  addInputOptions(addFilterOptions(command));
  command.addHelpText(
    "after",
    `
Missing numbers are those between an agency's lowest and highest number that no article has;
a number used twice counts when the articles' bodies differ. Warnings count the articles that
carry each code.

Examples:
  newsctl stats dumps
  newsctl stats --db news.db --since 2021-01-01
  newsctl stats dumps --json | jq '.byAgency[] | {agency, articles}'`,
  );
  command.action(async (paths: string[], raw: StatsOptions) => {
    setExitCode(await runStats(paths, raw, context));
  });
}

export async function runStats(paths: readonly string[], raw: StatsOptions, context: ReadingContext): Promise<number> {
  const options = readReadingOptions(paths, raw);
  const builder = new CollectionSummaryBuilder((body) => createHash("sha256").update(body).digest("base64"));
  let exitCode = 0;
  if (raw.db !== undefined) {
    const index = await openIndexForReading(raw.db, paths, raw);
    try {
      for (const record of index.records(options.filter, options.limit)) builder.add(record);
    } finally {
      index.close();
    }
  } else {
    // Warnings are counted from the records; printing each one as well would bury the figures.
    const reader = new RecordReader({ ...options, isQuiet: true }, context);
    reader.showProgressOnTerminal();
    for await (const record of reader.records()) builder.add(record);
    reader.endProgress();
    exitCode = reader.exitCode();
  }
  const summary = builder.summary();
  const sink = new TextSink(context.env.stdout);
  await sink.write(raw.json === true ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary, context.env));
  await sink.flush();
  return exitCode;
}

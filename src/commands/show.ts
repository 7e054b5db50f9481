// `newsctl show ID [PATH...]`: one article in full, laid out for reading; the first article
// with that number, read no further than needed.

import type { Command } from "commander";
import { toAsciiDigits } from "../core/digits.js";
import type { ArticleRecord } from "../core/record.js";
import { EXIT_NOTHING_FOUND, EXIT_SUCCESS, UsageError } from "../errors.js";
import { formatArticle } from "../output/article-view.js";
import { writeError } from "../output/messages.js";
import { TextSink } from "../output/sink.js";
import { addFormatOptions, addInputOptions, chosenFormat, readReadingOptions, type RawOptions } from "./options.js";
import { openIndexForReading } from "./index-reading.js";
import { RecordReader, type ReadingContext } from "./read-records.js";

export function declareShow(program: Command, context: ReadingContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("show")
    .description("show one article in full, for reading")
    .argument("<id>", "the article number (رقم)")
    .argument("[path...]", "files, directories, glob patterns, or - for standard input")
    .option("--db <file>", "read the index that newsctl index built, instead of dumps");
  addInputOptions(addFormatOptions(command, ["json", "ndjson"]));
  command.addHelpText(
    "after",
    `
Exit status 1 when no article has that number. --json and --ndjson print the record as one
JSON object.

Examples:
  newsctl show 490728 seeds
  newsctl show ٤٩٠٧٢٨ dumps --json | jq .body`,
  );
  command.action(async (id: string, paths: string[], raw: RawOptions) => {
    setExitCode(await runShow(id, paths, raw, context));
  });
}

export async function runShow(id: string, paths: readonly string[], raw: RawOptions & { db?: string }, context: ReadingContext): Promise<number> {
  const wanted = toAsciiDigits(id.trim());
  if (!/^\d+$/.test(wanted)) throw new UsageError(`"${id}" is not an article number`, "article numbers are digits, as on the رقم: line");
  const options = { ...readReadingOptions(paths, raw), limit: 1 };
  options.filter = { ...options.filter, ids: [wanted] };
  const format = chosenFormat(raw);
  const sink = new TextSink(context.env.stdout);
  let isFound = false;
  let readingCode = EXIT_SUCCESS;
  const print = async (record: ArticleRecord) => {
    isFound = true;
    // --json and --ndjson alike give the one record as an object, so `| jq .body` works.
    await sink.write(format === undefined ? formatArticle(record, context.env) : JSON.stringify(record) + "\n");
    await sink.flush();
  };
  if (raw.db !== undefined) {
    const index = await openIndexForReading(raw.db, paths, raw);
    try {
      for (const record of index.records(options.filter, 1)) await print(record);
    } finally {
      index.close();
    }
  } else {
    const reader = new RecordReader(options, context);
    for await (const record of reader.records()) await print(record);
    readingCode = reader.exitCode();
  }
  if (!isFound) {
    writeError(context.env, `no article numbered ${wanted}`);
    return Math.max(readingCode, EXIT_NOTHING_FOUND);
  }
  return readingCode;
}

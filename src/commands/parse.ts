// `newsctl parse [PATH...]`: the records of the dumps, as a table on a terminal and NDJSON
// into a pipe (or the format asked for).

import type { Command } from "commander";
import { TextSink } from "../output/sink.js";
import { addFilterOptions, addFormatOptions, addInputOptions, OUTPUT_FORMATS, printedFormat, readFields, readReadingOptions, readSheetOptions, type RawOptions } from "./options.js";
import { RecordReader, type ReadingContext } from "./read-records.js";
import { makeRecordWriter, pipeRecords } from "./write-records.js";

export function declareParse(program: Command, context: ReadingContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("parse")
    .description("parse dumps and print their records")
    .argument("[path...]", "files, directories, glob patterns, or - for standard input");
  addInputOptions(addFilterOptions(addFormatOptions(command, OUTPUT_FORMATS)));
  command.addHelpText(
    "after",
    `
Examples:
  newsctl parse seeds                          a table on a terminal
  newsctl parse dumps --since 2021-01-01 | jq -r .headline
  cat dump.txt | newsctl parse --format csv > articles.csv`,
  );
  command.action(async (paths: string[], raw: RawOptions) => {
    setExitCode(await runParse(paths, raw, context));
  });
}

export async function runParse(paths: readonly string[], raw: RawOptions, context: ReadingContext): Promise<number> {
  const options = readReadingOptions(paths, raw);
  const format = printedFormat(raw, context.env.isTerminal);
  const reader = new RecordReader(options, context);
  const writing = { sheet: readSheetOptions(raw, format), fields: readFields(raw) };
  await pipeRecords(reader.records(), await makeRecordWriter(format, new TextSink(context.env.stdout), context.env, writing));
  return reader.exitCode();
}

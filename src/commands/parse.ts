// `newsctl parse [PATH...]`: the records of the dumps, as a table on a terminal and NDJSON
// into a pipe (or the format asked for).

import type { ReadingOptions } from "../app/read-dumps.js";
import { dumpRecords } from "../app/record-source.js";
import type { WriterOptions } from "../output/record-writers.js";
import { makeStdoutSink } from "../output/sink.js";
import { type PrintedFormat, writeRecords } from "../output/write-records.js";
import type { CommandDefinition } from "./command-definition.js";
import { planReading, printedFormat, readFields, readSheetOptions } from "./option-values.js";

interface ParsePlan {
  reading: ReadingOptions;
  format: PrintedFormat;
  writing: WriterOptions;
}

export const parseCommand: CommandDefinition<ParsePlan> = {
  name: "parse",
  helpAfter: `
Examples:
  newsctl parse seeds                          a table on a terminal
  newsctl parse dumps --since 2021-01-01 | jq -r .headline
  cat dump.txt | newsctl parse --format csv > articles.csv`,

  plan({ paths, options }, env) {
    const format = printedFormat(options, env.isStdoutTerminal);
    return {
      reading: planReading(paths, options, env, { isShowingProgress: false }),
      format,
      writing: { sheet: readSheetOptions(options, format), fields: readFields(options) },
    };
  },

  async run(plan, context) {
    const source = dumpRecords(plan.reading, context);
    await writeRecords(source.records, plan.format, { sink: makeStdoutSink(context.env), env: context.env }, plan.writing);
    return source.exitCode();
  },
};

// `newsctl parse [PATH...]`: the records of the dumps, as a table on a terminal and NDJSON
// into a pipe (or the format asked for).

import type { WriterOptions } from "../output/record-writers.js";
import { makeStdoutSink } from "../output/sink.js";
import type { CommandDefinition } from "./command-definition.js";
import { type PrintedFormat, printedFormat, readFields, readSheetOptions } from "./output-plan.js";
import { planReading } from "./reading-plan.js";
import { RecordReader, type ReadingOptions } from "./read-records.js";
import { makeRecordWriter, pipeRecords } from "./write-records.js";

export interface ParsePlan {
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

  plan({ paths, raw }, env) {
    const format = printedFormat(raw, env.isStdoutTerminal);
    return {
      reading: planReading(paths, raw, env, { isShowingProgress: false }),
      format,
      writing: { sheet: readSheetOptions(raw, format), fields: readFields(raw) },
    };
  },

  async run(plan, context) {
    const reader = new RecordReader(plan.reading, context);
    await pipeRecords(reader.records(), await makeRecordWriter(plan.format, makeStdoutSink(context.env), context.env, plan.writing));
    return reader.exitCode();
  },
};

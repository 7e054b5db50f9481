// `newsctl check [PATH...]`: validates dumps. Every problem goes to stdout as
// FILE:LINE: code: message, a summary to stderr, and the exit status is 2 if there was any.

import { EXIT_SUCCESS, EXIT_TROUBLE } from "../errors.js";
import { formatCheckSummary, formatProblem, PROGRAM } from "../output/messages.js";
import { makeStdoutSink } from "../output/sink.js";
import type { CommandDefinition } from "./command-definition.js";
import { planReading } from "./option-values.js";
import { RecordReader, type ReadingOptions } from "../app/read-dumps.js";

interface CheckPlan {
  reading: ReadingOptions;
}

export const checkCommand: CommandDefinition<CheckPlan> = {
  name: "check",
  helpAfter: `
Exit status 0 when every article is clean, 2 when any problem was found. --quiet leaves out
the summary on stderr; the problems are the output, and are printed all the same.

Examples:
  newsctl check dumps
  newsctl check dumps | cut -d: -f3 | sort | uniq -c`,

  plan({ paths, options }, env) {
    return { reading: planReading(paths, options, env, { isShowingProgress: false }) };
  },

  async run({ reading }, context) {
    const sink = makeStdoutSink(context.env);
    const waits: Promise<void>[] = [];
    const reader = new RecordReader(reading, context, (problem) => {
      const wait = sink.write(formatProblem(problem) + "\n");
      if (wait) waits.push(wait);
    });
    for await (const _record of reader.records()) {
      if (waits.length > 0) await Promise.all(waits.splice(0));
    }
    await sink.flush();
    if (!reading.isQuiet) context.env.stderr.write(`${PROGRAM}: ${formatCheckSummary(reader.tally)}\n`);
    return reader.tally.problemCount > 0 || reader.tally.unreadableCount > 0 ? EXIT_TROUBLE : EXIT_SUCCESS;
  },
};

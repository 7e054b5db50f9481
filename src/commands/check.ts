// `newsctl check [PATH...]`: validates dumps. Every problem goes to stdout as
// FILE:LINE: code: message, a summary to stderr, and the exit status is 2 if there was any.

import type { Command } from "commander";
import { EXIT_SUCCESS, EXIT_TROUBLE } from "../errors.js";
import { formatProblem, PROGRAM } from "../output/messages.js";
import { TextSink } from "../output/sink.js";
import { addInputOptions, readReadingOptions, type RawOptions } from "./options.js";
import { RecordReader, type ReadingContext } from "./read-records.js";

export function declareCheck(program: Command, context: ReadingContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("check")
    .description("validate dumps: every problem as FILE:LINE: code: message")
    .argument("[path...]", "files, directories, glob patterns, or - for standard input");
  addInputOptions(command);
  command.addHelpText(
    "after",
    `
Exit status 0 when every article is clean, 2 when any problem was found.

Examples:
  newsctl check dumps
  newsctl check dumps | cut -d: -f3 | sort | uniq -c`,
  );
  command.action(async (paths: string[], raw: RawOptions) => {
    setExitCode(await runCheck(paths, raw, context));
  });
}

export async function runCheck(paths: readonly string[], raw: RawOptions, context: ReadingContext): Promise<number> {
  const options = readReadingOptions(paths, raw);
  const sink = new TextSink(context.env.stdout);
  const waits: Promise<void>[] = [];
  const reader = new RecordReader(options, context, (problem) => {
    const wait = sink.write(formatProblem(problem) + "\n");
    if (wait) waits.push(wait);
  });
  for await (const _record of reader.records()) {
    if (waits.length > 0) await Promise.all(waits.splice(0));
  }
  await sink.flush();
  const { articleCount, fileCount, problemCount, unreadableCount } = reader;
  if (!options.isQuiet) {
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
    const problems = problemCount === 0 ? "no problems" : count(problemCount, "problem");
    context.env.stderr.write(`${PROGRAM}: ${count(articleCount, "article")} in ${count(fileCount, "file")}: ${problems}\n`);
  }
  return problemCount > 0 || unreadableCount > 0 ? EXIT_TROUBLE : EXIT_SUCCESS;
}

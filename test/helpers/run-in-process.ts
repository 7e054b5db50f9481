// Runs a command line in this process through the CLI's own seam, `run()`, with in-memory
// streams: what the command printed and its exit status, without the cost of a process. The
// sources' run() is used, no build needed: the threads it starts read the sources too
// (test/helpers/source-hooks.mjs).

import { PassThrough, Readable } from "node:stream";
import type { RunOptions, RunResult } from "./run-newsctl.js";

type Cli = typeof import("../../src/cli.js");

export interface InProcessOptions extends RunOptions {
  isStdinTerminal?: boolean;
  isStdoutTerminal?: boolean;
  isStderrTerminal?: boolean;
  columns?: number;
}

let cli: Promise<Cli> | undefined;
// The working directory belongs to the whole process: runs that name one take turns.
let turns: Promise<unknown> = Promise.resolve();

/**
 * `newsctl ARGS` run in process; the environment holds only what `env` gives. With `cwd`, the
 * run happens in that directory, one such run at a time (the test workers are processes).
 */
export function runInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<RunResult> {
  const { cwd } = options;
  if (cwd === undefined) return runHere(args, options);
  const turn = turns.then(async () => {
    const before = process.cwd();
    process.chdir(cwd);
    try {
      return await runHere(args, options);
    } finally {
      process.chdir(before);
    }
  });
  turns = turn.catch(() => {});
  return turn;
}

async function runHere(args: readonly string[], options: InProcessOptions): Promise<RunResult> {
  cli ??= import("../../src/cli.js");
  const { run } = await cli;
  const stdout = collect();
  const stderr = collect();
  const input = options.input === undefined ? [] : [Buffer.from(options.input)];
  const code = await run({
    argv: args,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...options.env },
    stdin: Readable.from(input),
    stdout: stdout.stream,
    stderr: stderr.stream,
    isStdinTerminal: options.isStdinTerminal ?? false,
    isStdoutTerminal: options.isStdoutTerminal ?? false,
    isStderrTerminal: options.isStderrTerminal ?? false,
    columns: options.columns,
    stdoutColorDepth: 1,
    stderrColorDepth: 1,
  });
  return { stdout: stdout.text(), stderr: stderr.text(), code, signal: null };
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

// The command line: commander wiring, and the one place where errors become messages and exit
// codes. `run` takes its streams and environment as values, so that tests can call it; `main`
// binds it to the process (signals, a closed stdout pipe, the exit status).

import { readFileSync } from "node:fs";
import type { Readable, Writable } from "node:stream";
import { type CommandDefinition, declareCommand } from "./commands/command-definition.js";
import { Command, CommanderError } from "./commands/option-table.js";
import type { CommandName } from "./commands/option-table.js";
import type { ReadingContext } from "./app/read-dumps.js";
import { argumentsAsGiven } from "./io/file-names.js";
import { describeSystemError, EXIT_SUCCESS, EXIT_TROUBLE, NewsctlError } from "./errors.js";
import { decideColorLevel, makeOutputEnvironment } from "./output/environment.js";
import { PROGRAM, writeError } from "./output/messages.js";
import { markStreamFinishingWrites } from "./output/sink.js";
import { toTerminalLine } from "./output/terminal-text.js";
import { abortFilesInProgress } from "./output/unfinished-files.js";

// biome-ignore lint/suspicious/noExplicitAny: each command has its own plan type; declareCommand keeps plan and run together.
type AnyCommand = CommandDefinition<any>;

/**
 * Each command's module, loaded only when that command runs: a search against the index should
 * not pay for loading the parser of dumps, tables or CSV. Help and unknown commands load all.
 */
const COMMANDS: Readonly<Record<CommandName, () => Promise<AnyCommand>>> = {
  parse: async () => (await import("./commands/parse.js")).parseCommand,
  search: async () => (await import("./commands/search.js")).searchCommand,
  export: async () => (await import("./commands/export.js")).exportCommand,
  show: async () => (await import("./commands/show.js")).showCommand,
  check: async () => (await import("./commands/check.js")).checkCommand,
  index: async () => (await import("./commands/index.js")).indexCommand,
  stats: async () => (await import("./commands/stats.js")).statsCommand,
  dedup: async () => (await import("./commands/dedup.js")).dedupCommand,
  "es-template": async () => (await import("./commands/es-template.js")).esTemplateCommand,
  completion: async () => (await import("./commands/completion.js")).completionCommand,
  serve: async () => (await import("./commands/serve.js")).serveCommand,
  trend: async () => (await import("./commands/trend.js")).trendCommand,
  kwic: async () => (await import("./commands/kwic.js")).kwicCommand,
  words: async () => (await import("./commands/words.js")).wordsCommand,
  collocates: async () => (await import("./commands/collocates.js")).collocatesCommand,
};

/** Loads the definition of every command (for help, completion and tests). */
export async function loadCommands(): Promise<AnyCommand[]> {
  return Promise.all(Object.values(COMMANDS).map((load) => load()));
}

interface ProcessContext {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  isStdinTerminal: boolean;
  isStdoutTerminal: boolean;
  isStderrTerminal: boolean;
  columns: number | undefined;
  /** Colour depth of stdout's and stderr's terminals (1, 4, 8 or 24). */
  stdoutColorDepth: number;
  stderrColorDepth: number;
}

// 128 + the signal's number, as shells report a process ended by SIGHUP, SIGINT or SIGTERM.
const EXIT_HUNG_UP = 129;
const EXIT_INTERRUPTED = 130;
const EXIT_TERMINATED = 143;
const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** Runs one command line; resolves to the exit status. */
export async function run(context: ProcessContext): Promise<number> {
  let exitCode = EXIT_SUCCESS;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  // Decided before any command runs, from the program-wide --color/--no-color.
  const decideEnvironment = (colorFlag: boolean | undefined) =>
    makeOutputEnvironment({
      stdout: context.stdout,
      stderr: context.stderr,
      isTerminal: context.isStdoutTerminal,
      columns: context.columns,
      colorLevel: decideColorLevel({ flag: colorFlag, env: context.env, isTerminal: context.isStdoutTerminal, colorDepth: context.stdoutColorDepth }),
      stderrColorLevel: decideColorLevel({ flag: colorFlag, env: context.env, isTerminal: context.isStderrTerminal, colorDepth: context.stderrColorDepth }),
    });
  const reading: ReadingContext = { env: await decideEnvironment(undefined), stdin: context.stdin, isStdinTerminal: context.isStdinTerminal };

  const program = new Command(PROGRAM)
    .description("Turn dumps of Arabic news articles into records: parse, search, show, check and export them, and measure a collection.")
    .version(version, "-V, --version")
    .option("--color", "colour even when stdout is not a terminal")
    .option("--no-color", "no colour (also: NO_COLOR=1)")
    .option("--debug", "show the stack of an internal error")
    // The command column is 39 characters wide (collocates' arguments): wrap the descriptions
    // beside it in what is left of 80 columns rather than let them run on.
    .configureHelp({ minWidthToWrap: 30 })
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
      outputError: (text, write) => {
        write(`${PROGRAM}: ${text.replace(/^error: /, "")}`);
        // "-word" excludes a word in a query, but first on the line it reads as an option.
        if (/unknown option '-[^-\x00-\x7f]/.test(text)) {
          write(`${PROGRAM}: hint: a query that starts with -word goes after -- (options before it): newsctl search --count -- '-word ...' PATH\n`);
        }
      },
    })
    .hook("preAction", async () => {
      reading.env = await decideEnvironment(program.opts<{ color?: boolean }>().color);
    });
  program.addHelpText(
    "after",
    `
Examples:
  newsctl parse seeds
  newsctl search 'احياء داعش' seeds
  newsctl export dumps --json -o articles.json
  newsctl parse dumps | jq -r 'select(.agency == "تنا") | .headline'
  newsctl show 490728 seeds
  newsctl check dumps
  newsctl stats dumps
  newsctl dedup dumps
  newsctl index dumps --db news.db && newsctl search 'الجيش' --db news.db`,
  );
  try {
    // Program options take no values, so the first word that is not an option names the command.
    const named = context.argv.find((word) => !word.startsWith("-"));
    // Help and unknown commands need every command declared.
    const definitions = named !== undefined && named in COMMANDS ? [await COMMANDS[named as CommandName]()] : await loadCommands();
    const planEnv = { isStdinTerminal: context.isStdinTerminal, isStdoutTerminal: context.isStdoutTerminal, isStderrTerminal: context.isStderrTerminal };
    for (const definition of definitions) declareCommand(program, definition, reading, planEnv, setExitCode);
    await program.parseAsync([...context.argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_SUCCESS : EXIT_TROUBLE;
    if (error instanceof NewsctlError) {
      writeError(reading.env, error.message, error.hint, error.detail);
      return error.exitCode;
    }
    const internal = describeInternalError(context.argv, error);
    writeError(reading.env, internal.message, internal.hint);
    if (internal.stack !== undefined) context.stderr.write(`${internal.stack}\n`);
    return EXIT_TROUBLE;
  }
}

/** A failure no code path expected: its message, and its stack only with --debug (before any "--"). */
function describeInternalError(argv: readonly string[], error: unknown): { message: string; hint: string | undefined; stack: string | undefined } {
  const optionsPart = argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
  const isDebug = optionsPart.includes("--debug");
  const stack = isDebug && error instanceof Error ? error.stack : undefined;
  return {
    message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
    hint: isDebug ? undefined : "run again with --debug to see where",
    stack,
  };
}

/** The process entry: binds run() to the real streams, signals and exit status. */
export async function main(): Promise<void> {
  // A reader that went away (`| head -1`) is not an error: stop quietly with success.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT_SUCCESS);
    process.stderr.write(`${PROGRAM}: cannot write the output: ${describeSystemError(error)}\n`);
    process.exit(EXIT_TROUBLE);
  });
  // A promise that nothing awaited and that failed is a bug: report it as run() reports one.
  const lastResort = (error: unknown) => {
    abortFilesInProgress();
    const internal = describeInternalError(process.argv.slice(2), error);
    process.stderr.write(`${PROGRAM}: ${toTerminalLine(internal.message)}\n`);
    if (internal.hint !== undefined) process.stderr.write(`${PROGRAM}: hint: ${internal.hint}\n`);
    if (internal.stack !== undefined) process.stderr.write(`${internal.stack}\n`);
    process.exit(EXIT_TROUBLE);
  };
  process.on("unhandledRejection", lastResort);
  process.on("uncaughtException", lastResort);
  process.on("SIGINT", () => {
    abortFilesInProgress();
    process.exit(EXIT_INTERRUPTED);
  });
  process.on("SIGTERM", () => {
    abortFilesInProgress();
    process.exit(EXIT_TERMINATED);
  });
  // The terminal closed (a dropped ssh session): stop as for the others, leaving no file behind.
  process.on("SIGHUP", () => {
    abortFilesInProgress();
    process.exit(EXIT_HUNG_UP);
  });
  const stdout = process.stdout;
  const stderr = process.stderr;
  // A file, a pipe or a terminal: done with what it was given once the write's callback runs.
  markStreamFinishingWrites(stdout);
  process.exitCode = await run({
    // A file name that is not UTF-8 comes through as its bytes (file-names.ts).
    argv: argumentsAsGiven(process.argv.slice(2)),
    env: process.env,
    stdin: process.stdin,
    stdout,
    stderr,
    isStdinTerminal: process.stdin.isTTY === true,
    isStdoutTerminal: stdout.isTTY === true,
    isStderrTerminal: stderr.isTTY === true,
    columns: stdout.isTTY ? stdout.columns : undefined,
    stdoutColorDepth: stdout.isTTY ? stdout.getColorDepth() : 1,
    stderrColorDepth: stderr.isTTY ? stderr.getColorDepth() : 1,
  });
}

// The shape every command has: a plan made from its arguments and options (the only code that
// reads them), and a run that takes that plan. One function declares any command to commander
// from the tables, so that declaring, reading and running cannot drift apart.

import { Argument, type Command } from "./option-table.js";
import { COMMAND_TABLE, type CommandName, declareOptions, type GivenOptions } from "./option-table.js";
import type { PlanEnvironment } from "./option-values.js";
import type { ReadingContext } from "../app/read-dumps.js";

/** A command line as commander split it: fixed arguments, the PATH list, the options. */
export interface CommandInput {
  /** The arguments before PATH... (a query, an article number, a shell), in order. */
  args: readonly string[];
  paths: readonly string[];
  options: GivenOptions;
}

export interface CommandDefinition<Plan> {
  name: CommandName;
  /** Examples and notes shown after the options in --help. */
  helpAfter: string;
  /** Reads and checks every option the command offers; throws UsageError, never later. */
  plan(input: CommandInput, env: PlanEnvironment): Plan;
  /** Does the work; resolves to the exit status. */
  run(plan: Plan, context: ReadingContext): Promise<number>;
}

/** Declares a command to commander; its action makes the plan and runs it. */
export function declareCommand<Plan>(
  program: Command,
  definition: CommandDefinition<Plan>,
  context: ReadingContext,
  env: PlanEnvironment,
  setExitCode: (code: number) => void,
): void {
  const spec = COMMAND_TABLE.find((command) => command.name === definition.name)!;
  const command = program.command(spec.name).description(spec.description);
  for (const argument of spec.arguments) {
    const declared = new Argument(argument.syntax, argument.help);
    if (argument.choices !== undefined) declared.choices(argument.choices);
    command.addArgument(declared);
  }
  declareOptions(command, spec.name);
  if (definition.helpAfter !== "") command.addHelpText("after", definition.helpAfter);
  command.action(async (...values: unknown[]) => {
    const given = values.slice(0, spec.arguments.length);
    const input: CommandInput = {
      args: given.filter((value): value is string => typeof value === "string"),
      paths: (given.find((value) => Array.isArray(value)) as string[] | undefined) ?? [],
      options: command.opts<GivenOptions>(),
    };
    setExitCode(await definition.run(definition.plan(input, env), context));
  });
}

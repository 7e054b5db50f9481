// `newsctl completion bash|zsh|fish`: a completion script for the shell, made from the commands
// as they are declared.

import { Argument, type Command } from "./commander.js";
import { EXIT_SUCCESS } from "../errors.js";
import { completionScript, SHELLS, type CompletionCommand, type Shell } from "../output/completion.js";
import type { ReadingContext } from "./read-records.js";

export function declareCompletion(program: Command, context: ReadingContext, setExitCode: (code: number) => void): void {
  program
    .command("completion")
    .description("print a completion script for bash, zsh or fish")
    .addArgument(new Argument("<shell>", "the shell").choices(SHELLS))
    .addHelpText(
      "after",
      `
Examples:
  source <(newsctl completion bash)          # in ~/.bashrc
  source <(newsctl completion zsh)           # in ~/.zshrc
  newsctl completion fish | source           # in ~/.config/fish/config.fish`,
    )
    .action((shell: Shell) => {
      context.env.stdout.write(completionScript(shell, program.name(), describeCommands(program)));
      setExitCode(EXIT_SUCCESS);
    });
}

function describeCommands(program: Command): CompletionCommand[] {
  return program.commands.map((command) => ({
    name: command.name(),
    description: command.description(),
    options: command.options
      .filter((option) => !option.hidden)
      .map((option) => ({
        flags: [option.short, option.long].filter((flag): flag is string => flag !== undefined),
        description: option.description,
        takesValue: option.required || option.optional,
        choices: option.argChoices,
      })),
  }));
}

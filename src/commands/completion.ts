// `newsctl completion bash|zsh|fish`: a completion script for the shell, made from the tables of
// commands and options that the command line itself is declared from.

import { EXIT_SUCCESS } from "../errors.js";
import { completionScript, type CompletionCommand, type Shell } from "../output/completion.js";
import { PROGRAM } from "../output/messages.js";
import type { CommandDefinition } from "./command-definition.js";
import { COMMAND_TABLE, FORMAT_CHOICES, optionsOf } from "./option-table.js";

interface CompletionPlan {
  shell: Shell;
}

export const completionCommand: CommandDefinition<CompletionPlan> = {
  name: "completion",
  helpAfter: `
Examples:
  source <(newsctl completion bash)          # in ~/.bashrc
  source <(newsctl completion zsh)           # in ~/.zshrc
  newsctl completion fish | source           # in ~/.config/fish/config.fish`,

  plan({ args }) {
    // commander has checked the shell against the argument's choices.
    return { shell: args[0] as Shell };
  },

  async run({ shell }, context) {
    context.env.stdout.write(completionScript(shell, PROGRAM, describeCommands()));
    return EXIT_SUCCESS;
  },
};

function describeCommands(): CompletionCommand[] {
  return COMMAND_TABLE.map((command) => ({
    name: command.name,
    description: command.description,
    options: optionsOf(command.name).map((option) => ({
      flags: option.flags.split(/[, ]+/).filter((word) => word.startsWith("-")),
      description: option.help,
      takesValue: option.flags.includes("<"),
      choices: option.key === "format" ? FORMAT_CHOICES[command.name] : option.choices,
    })),
  }));
}

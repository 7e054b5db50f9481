// Shell completion scripts for bash, zsh and fish, written from the commands and options that
// commander holds, so that completion never falls behind the command line.

interface CompletionOption {
  /** Every spelling: "-o", "--output". */
  flags: string[];
  description: string;
  takesValue: boolean;
  /** The values a choice option takes (--format). */
  choices?: readonly string[] | undefined;
}

export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
}

export type Shell = "bash" | "zsh" | "fish";
export const SHELLS: readonly Shell[] = ["bash", "zsh", "fish"];

export function completionScript(shell: Shell, program: string, commands: readonly CompletionCommand[]): string {
  switch (shell) {
    case "bash":
      return bashScript(program, commands);
    case "zsh":
      return zshScript(program, commands);
    case "fish":
      return fishScript(program, commands);
  }
}

/** A word for a shell, inside single quotes. */
function quoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function functionName(program: string): string {
  return `_${program.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

function bashScript(program: string, commands: readonly CompletionCommand[]): string {
  const name = functionName(program);
  const cases = commands.map((command) => {
    const words = command.options.flatMap((option) => option.flags).join(" ");
    const choices = command.options
      .filter((option) => option.choices !== undefined)
      .map((option) => `      ${option.flags.join("|")}) COMPREPLY=($(compgen -W ${quoted(option.choices!.join(" "))} -- "$cur")); return ;;`);
    const valued = command.options.filter((option) => option.takesValue && option.choices === undefined).flatMap((option) => option.flags);
    return [
      `    ${command.name})`,
      `      case "$prev" in`,
      ...choices,
      ...(valued.length > 0 ? [`      ${valued.join("|")}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`] : []),
      "      esac",
      `      opts=${quoted(words)} ;;`,
    ].join("\n");
  });
  return `# ${program} completion for bash. Load it with: source <(${program} completion bash)
${name}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W ${quoted(commands.map((command) => command.name).join(" "))} -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join("\n")}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F ${name} ${program}
`;
}

function zshScript(program: string, commands: readonly CompletionCommand[]): string {
  const name = functionName(program);
  const describe = (text: string) => text.replace(/[[\]:\\]/g, "\\$&");
  const cases = commands.map((command) => {
    const specs = command.options.map((option) => {
      const value = option.takesValue ? (option.choices ? `:value:(${option.choices.join(" ")})` : ":value:_files") : "";
      const spelling = option.flags.length > 1 ? `{${option.flags.join(",")}}` : option.flags[0]!;
      return `        ${option.flags.length > 1 ? `'(${option.flags.join(" ")})'` : ""}${spelling}${quoted(`[${describe(option.description)}]${value}`)}`;
    });
    return [`    ${command.name})`, "      _arguments -s \\", ...specs.map((spec) => `${spec} \\`), "        '*:file:_files' ;;"].join("\n");
  });
  const list = commands.map((command) => `    ${quoted(`${command.name}:${describe(command.description)}`)}`).join("\n");
  return `#compdef ${program}
# ${program} completion for zsh. Load it with: source <(${program} completion zsh)
${name}() {
  local -a commands
  commands=(
${list}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case $words[1] in
${cases.join("\n")}
  esac
}
compdef ${name} ${program}
`;
}

function fishScript(program: string, commands: readonly CompletionCommand[]): string {
  const lines = [`# ${program} completion for fish. Load it with: ${program} completion fish | source`, `complete -c ${program} -f`];
  for (const command of commands) {
    lines.push(`complete -c ${program} -n __fish_use_subcommand -a ${command.name} -d ${quoted(command.description)}`);
  }
  for (const command of commands) {
    const when = `-n ${quoted(`__fish_seen_subcommand_from ${command.name}`)}`;
    lines.push(`complete -c ${program} ${when} -F`);
    for (const option of command.options) {
      const spellings = option.flags.map((flag) => (flag.startsWith("--") ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`)).join(" ");
      const value = option.takesValue ? (option.choices ? ` -x -a ${quoted(option.choices.join(" "))}` : " -r") : "";
      lines.push(`complete -c ${program} ${when} ${spellings}${value} -d ${quoted(option.description)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

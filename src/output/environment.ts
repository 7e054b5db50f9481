// What the output may do, decided once per run from flags, environment variables and whether
// stdout is a terminal; writers receive this and never look at the process themselves.

import type { Writable } from "node:stream";

type ColorLevel = 0 | 1 | 2 | 3;

export interface OutputEnvironment {
  stdout: Writable;
  stderr: Writable;
  /**
   * stdout is a terminal: machine formats written there show control and bidi characters as
   * escapes, as a table does (terminal-text.ts); into a pipe or a file they keep the data exactly.
   */
  isTerminal: boolean;
  /** Width of the terminal in columns (a default when unknown). */
  columns: number;
  /** Styles for stdout; plain text when colour is off. */
  style: TextStyle;
  /** Styles for stderr, decided for stderr's own terminal. */
  errorStyle: TextStyle;
}

/** What a view for people draws with: plain values, none of the streams it ends up on. */
export interface TextView {
  style: TextStyle;
  /** Width of the terminal in columns (a default when unknown). */
  columns: number;
}

/** The styles and width of stdout, for a view. */
export function toTextView(env: OutputEnvironment): TextView {
  return { style: env.style, columns: env.columns };
}

/** The few styles newsctl draws with. */
export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
  /** Matched words in search results: bold red. */
  highlight(text: string): string;
}

const unchanged = (text: string) => text;
const PLAIN: TextStyle = { bold: unchanged, dim: unchanged, yellow: unchanged, red: unchanged, highlight: unchanged };

/** A view for output that is no terminal's (a download): no style, the default width. */
export const PLAIN_VIEW: TextView = { style: PLAIN, columns: 80 };

/**
 * Styles for a colour level. chalk is loaded only when there is colour to draw, so that output
 * into a pipe, the common case in scripts, does not pay for loading it.
 */
async function loadTextStyle(level: ColorLevel): Promise<TextStyle> {
  if (level === 0) return PLAIN;
  const { Chalk } = await import("chalk");
  const chalk = new Chalk({ level });
  return {
    bold: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
    yellow: (text) => chalk.yellow(text),
    red: (text) => chalk.red(text),
    highlight: (text) => chalk.bold.red(text),
  };
}

interface ColorInputs {
  /** --color (true), --no-color (false), or neither (undefined). */
  flag: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  isTerminal: boolean;
  /** How many colours the terminal shows, from tty.WriteStream.getColorDepth(): 1, 4, 8 or 24. */
  colorDepth: number;
}

const DEFAULT_COLUMNS = 100;

/**
 * --no-color and NO_COLOR (any non-empty value, no-color.org) turn colour off; --color and
 * FORCE_COLOR (1-3; 0 means off) turn it on even into a pipe, as asked; otherwise colour only
 * goes to a terminal whose TERM is not "dumb".
 */
export function decideColorLevel({ flag, env, isTerminal, colorDepth }: ColorInputs): ColorLevel {
  if (flag === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return 0;
  const depthLevel: ColorLevel = colorDepth >= 24 ? 3 : colorDepth >= 8 ? 2 : 1;
  if (flag === true) return isTerminal ? depthLevel : 1;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === "0" || force === "false") return 0;
    const level = Number(force);
    return level >= 1 && level <= 3 ? (level as ColorLevel) : 1;
  }
  if (!isTerminal || env.TERM === "dumb") return 0;
  return depthLevel;
}

export async function makeOutputEnvironment(options: {
  stdout: Writable;
  stderr: Writable;
  isTerminal: boolean;
  columns: number | undefined;
  colorLevel: ColorLevel;
  stderrColorLevel: ColorLevel;
}): Promise<OutputEnvironment> {
  return {
    stdout: options.stdout,
    stderr: options.stderr,
    isTerminal: options.isTerminal,
    columns: options.columns && options.columns > 0 ? options.columns : DEFAULT_COLUMNS,
    style: await loadTextStyle(options.colorLevel),
    errorStyle: await loadTextStyle(options.stderrColorLevel),
  };
}

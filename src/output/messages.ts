// Messages on stderr, in one voice: "newsctl: what went wrong", a hint where one helps, and
// problems in dumps as "newsctl: FILE:LINE: code: message" so that editors and grep can use them.

import type { DumpProblem } from "../core/record.js";
import type { OutputEnvironment } from "./environment.js";
import { toTerminalLine, toTerminalText } from "./terminal-text.js";

export const PROGRAM = "newsctl";

/** FILE:LINE: code: message, the form `check` prints on stdout; file names and quoted text made safe for a terminal. */
export function formatProblem(problem: DumpProblem): string {
  return `${toTerminalLine(problem.file)}:${problem.line}: ${problem.code}: ${toTerminalLine(problem.message)}`;
}

export function writeProblem(env: OutputEnvironment, problem: DumpProblem): void {
  env.stderr.write(`${PROGRAM}: ${env.errorStyle.yellow(formatProblem(problem))}\n`);
}

export function writeError(env: OutputEnvironment, message: string, hint?: string, detail?: string): void {
  // Messages quote file names and what was typed: neither may drive the terminal.
  env.stderr.write(`${PROGRAM}: ${env.errorStyle.red(toTerminalLine(message))}\n`);
  if (detail) env.stderr.write(toTerminalText(detail.endsWith("\n") ? detail : `${detail}\n`));
  if (hint) env.stderr.write(`${PROGRAM}: hint: ${toTerminalLine(hint)}\n`);
}

/** "3 articles", "1 file": a count with its noun. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * What `check` found, in one line: "N articles in M files: no problems", "...: K problems",
 * and "U paths could not be read" when some could not (never "no problems" then).
 */
export function formatCheckSummary(tally: { articleCount: number; fileCount: number; problemCount: number; unreadableCount: number }): string {
  const unreadable = tally.unreadableCount === 0 ? undefined : `${tally.unreadableCount} ${tally.unreadableCount === 1 ? "path" : "paths"} could not be read`;
  const problems = tally.problemCount > 0 ? countOf(tally.problemCount, "problem") : unreadable === undefined ? "no problems" : undefined;
  const found = [problems, unreadable].filter((part) => part !== undefined).join("; ");
  return `${countOf(tally.articleCount, "article")} in ${countOf(tally.fileCount, "file")}: ${found}`;
}

/** What `index` did: "FILE: N files indexed, M unchanged, K gone; A articles in the index". */
export function formatIndexSummary(file: string, files: { changedFiles: number; unchangedFiles: number }, removed: number, articles: number): string {
  return `${file}: ${files.changedFiles} files indexed, ${files.unchangedFiles} unchanged, ${removed} gone; ${articles} articles in the index`;
}

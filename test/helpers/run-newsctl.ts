// Spawns the built binary as a user would, with a minimal environment, and collects what it
// printed and how it ended.

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const binary = path.join(projectRoot, "bin", "newsctl");
export const seedPath = path.join(projectRoot, "seeds", "000_dd904baf685b1fec.txt");
/** The Node options on the launcher's `#!` line, which a user's shell passes to Node. */
export const launcherNodeFlags = /^#!\/usr\/bin\/env -S node(.*)$/m.exec(readFileSync(binary, "utf8"))?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
/** The arguments that run `newsctl ARGS` with this Node, as the launcher's `#!` line runs it. */
export const newsctlArgv = (args: readonly string[]): string[] => [...launcherNodeFlags, binary, ...args];

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: Record<string, string>;
}

/** Runs `newsctl ARGS` with only PATH (and what `env` adds) in its environment. */
export function runNewsctl(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runCommand(process.execPath, newsctlArgv(args), options);
}

/** Runs a shell pipeline (for `| head -1` and the like) in the same minimal environment. */
export function runShell(script: string, options: RunOptions = {}): Promise<RunResult> {
  return runCommand("/bin/sh", ["-c", script], options);
}

function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd ?? projectRoot,
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NEWSCTL: binary, NODE: process.execPath, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8"), code, signal }),
    );
    child.stdin.on("error", () => {});
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

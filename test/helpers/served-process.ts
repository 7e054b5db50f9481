// `newsctl serve` run as a process of its own, as a user runs it: its address read from stdout,
// and stopped (killed, if it no longer answers signals) when a test is done with it.

import { type ChildProcess, spawn } from "node:child_process";
import { newsctlArgv } from "./run-newsctl.js";

export interface ServedProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function serveProcess(db: string): Promise<ServedProcess> {
  const child = spawn(process.execPath, newsctlArgv(["serve", "--db", db, "--port", "0"]), { env: { PATH: process.env.PATH ?? "/usr/bin:/bin" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("\n")) resolve(stdout.split("\n")[0]!);
    });
    child.once("exit", () => reject(new Error(`newsctl serve stopped: ${stderr}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}

/** A GET that gives up (closing its connection) after `timeoutMs`: the status, or "gave up". */
export async function getWithin(url: string, timeoutMs: number): Promise<{ status: number | "gave up"; ms: number; text: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, text };
  } catch {
    return { status: "gave up", ms: performance.now() - started, text: "" };
  }
}

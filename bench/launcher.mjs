// How the benchmark starts newsctl: with the Node running it and the Node options on the
// launcher's `#!` line, as a user's shell starts it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const launcher = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "bin", "newsctl");
const flags = /^#!\/usr\/bin\/env -S node(.*)$/m.exec(readFileSync(launcher, "utf8"))?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];

/** Node's arguments for `newsctl ARGS`. */
export function newsctlArgs(...args) {
  return [...flags, launcher, ...args];
}

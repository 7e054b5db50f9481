// Where a path named with -o leads, before anything is written there. A regular file (or a new
// one) is replaced whole, through any links to it, which stay links; a descriptor, a device or
// a FIFO is written into as it is, since replacing it would take its reader's output away:
// /dev/stdout, /dev/fd/N and /proc/self/fd/N are links to descriptors the process holds, and
// nothing in /dev or /proc is ever renamed over.

import { lstat, readlink, realpath } from "node:fs/promises";
import path from "node:path";

type OutputTarget =
  /** The process's standard output: -o led to descriptor 1. */
  | { kind: "stdout" }
  /** Opened and written as it is: a device, a FIFO, a socket, another descriptor. */
  | { kind: "direct" }
  /** A regular file (existing or not) at this path, links resolved: replaced once complete. */
  | { kind: "replace"; path: string };

/** As many links as Linux follows before it says ELOOP. */
const MAX_LINKS = 40;
/** The kernel's links to a descriptor of this process: /proc/self/fd/N, /dev/fd/N. */
const DESCRIPTOR_LINK = /^\/(?:proc\/(?:self|thread-self)|dev)\/fd\/(\d+)$/;
/** Folders of devices and of the kernel's view of processes: written into, never renamed over. */
const SYSTEM_FOLDERS = ["/dev", "/proc"];

/** Follows the links of `given` one by one, to what it names in the end. */
export async function resolveOutputTarget(given: string): Promise<OutputTarget> {
  let current = path.resolve(given);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const descriptor = DESCRIPTOR_LINK.exec(current)?.[1];
    if (descriptor === "1") return { kind: "stdout" };
    if (descriptor !== undefined) return { kind: "direct" };
    const info = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (info?.isSymbolicLink()) {
      current = path.resolve(path.dirname(current), await readlink(current));
      continue;
    }
    if (info !== undefined && !info.isFile()) return { kind: "direct" };
    // The folder as it really is, so that a link to /dev is seen for what it is.
    const folder = await realpath(path.dirname(current));
    if (SYSTEM_FOLDERS.some((system) => folder === system || folder.startsWith(`${system}/`))) return { kind: "direct" };
    return { kind: "replace", path: path.join(folder, path.basename(current)) };
  }
  throw Object.assign(new Error(`too many links: ${given}`), { code: "ELOOP" });
}

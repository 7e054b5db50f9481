// The dumps a reading reads: PATH arguments expanded (directories walked, patterns matched,
// standard input), and the file an export is writing refused before it is read.

import type { Readable } from "node:stream";
import { InputError, UsageError } from "../errors.js";
import { isSameFile, type FileIdentity } from "../io/file-identity.js";
import { expandInputs, type InputInclude } from "../io/inputs.js";
import type { DumpSource } from "../io/read-dump.js";

interface SourceOptions {
  paths: readonly string[];
  include: InputInclude;
  /** A file that must not be read (the file an export is writing): reading it is refused. */
  forbiddenFile?: FileIdentity | undefined;
}

/** The sources the paths name, in order, and the paths that cannot be read, as errors. */
export async function* dumpSources(options: SourceOptions, context: { stdin: Readable; isStdinTerminal: boolean }): AsyncGenerator<DumpSource | InputError> {
  const { forbiddenFile } = options;
  for await (const source of expandInputs(options.paths, { include: options.include, isStdinTerminal: context.isStdinTerminal })) {
    if (forbiddenFile !== undefined && !(source instanceof InputError) && (await isSameFile(source, forbiddenFile, context.stdin))) {
      throw new UsageError(`${source.name} is also the output file; writing it would destroy what is being read`, "write the export somewhere else");
    }
    yield source;
  }
}

// The output files being written when the process is told to stop (Ctrl-C, SIGTERM, a closed
// terminal): the entry point drops them without loading the writers, which a run that writes
// no file never loads.

/** Something that can drop its unfinished file at once, without waiting. */
export interface UnfinishedFile {
  abortNow(): void;
}

const unfinished = new Set<UnfinishedFile>();

export function addUnfinishedFile(file: UnfinishedFile): void {
  unfinished.add(file);
}

export function removeUnfinishedFile(file: UnfinishedFile): void {
  unfinished.delete(file);
}

/** Drops every unfinished output file at once, for a process about to end. */
export function abortFilesInProgress(): void {
  for (const file of [...unfinished]) file.abortNow();
}

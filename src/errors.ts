// Errors as values with an exit code and a hint, made where the problem is known and printed in
// one place (src/cli.ts). Anything else that escapes is a bug, shown with its stack only on --debug.

export const EXIT_SUCCESS = 0;
/** search found nothing; show found no such article. */
export const EXIT_NOTHING_FOUND = 1;
/** Usage error, unreadable input, or (with --strict) a malformed article. */
export const EXIT_TROUBLE = 2;

export class NewsctlError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_TROUBLE,
    readonly hint?: string,
    /** Lines shown as they are under the message (a query with a caret under the problem). */
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** The command line asks for something that cannot be done as written. */
export class UsageError extends NewsctlError {
  constructor(message: string, hint?: string, detail?: string) {
    super(message, EXIT_TROUBLE, hint, detail);
  }
}

/**
 * A request that cannot be read as written: options on the command line, or the parameters of a
 * URL. The command line prints it as a usage error (exit 2); the server answers 400 with it.
 */
export class RequestError extends NewsctlError {
  constructor(message: string, hint?: string, detail?: string) {
    super(message, EXIT_TROUBLE, hint, detail);
  }
}

/** A path could not be read; the others still are. */
export class InputError extends NewsctlError {
  constructor(
    readonly path: string,
    readonly reason: string,
    hint?: string,
  ) {
    super(`${path}: ${reason}`, EXIT_TROUBLE, hint);
  }
}

/** Words a user can act on for the system errors that reading or writing a path can give. */
export function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    case "ENAMETOOLONG":
      return "the path is too long for the system";
    case "ENXIO":
      return "a socket or a device with nothing behind it: it cannot be read";
    case "ENOSPC":
      return "no space left on the device";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** What a path that is neither a regular file nor a directory is, in words. */
export function describeFileKind(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  return "not a file";
}

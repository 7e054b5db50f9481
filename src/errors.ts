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
 * What is wrong with a request, by name, with the values its message names: so that the server
 * can say it in the visitor's language (its pages' catalogues hold a message for each name),
 * while the command line and the JSON answers print the English message as they always have.
 */
export interface Problem {
  name: ProblemName;
  values?: Readonly<Record<string, string | number>>;
}

type ProblemName =
  | QueryProblemName
  | "dates-in-wrong-order"
  | "not-a-date"
  | "too-many-agencies"
  | "agency-too-long"
  | "not-an-article-number"
  | "not-a-whole-number"
  | "query-too-long"
  | "unknown-sort"
  | "page-size"
  | "page-from-one"
  | "page-too-deep"
  | "file-missing"
  | "file-too-long"
  | "line-missing"
  | "unknown-format"
  | "no-page"
  | "not-a-download"
  | "download-needs-query"
  | "no-article"
  | "stats-take-no-query"
  | "too-many-waiting"
  | "too-many-downloads"
  | "too-slow"
  | "stopping"
  | "count-too-small"
  | "count-out-of-range"
  | "not-a-choice"
  | "not-one-word"
  | "query-missing"
  | "too-many-queries"
  | "too-many-periods";

/** What a query that does not parse does wrong (src/core/query.ts). */
export type QueryProblemName =
  | "query-empty"
  | "or-without-word-before"
  | "or-without-word-after"
  | "negated-alternative"
  | "too-many-words"
  | "unknown-field"
  | "field-without-word"
  | "unclosed-quote"
  | "quote-inside-word"
  | "star-inside-word"
  | "star-without-letters"
  | "star-after-words"
  | "empty-quotes"
  | "no-letters";

/**
 * A request that cannot be read as written: options on the command line, or the parameters of a
 * URL. The command line prints it as a usage error (exit 2); the server answers 400 with it.
 */
export class RequestError extends NewsctlError {
  constructor(
    message: string,
    hint?: string,
    detail?: string,
    /** The problem by name, for an interface in another language. */
    readonly problem?: Problem,
  ) {
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

// Where an article is: the file it was read from and the line it starts on (a record's `file`
// and `line`). Two articles are never at one place, so a place tells records apart and, between
// articles that are otherwise equal, decides their order the same whatever order files were read in.

/**
 * A key for an article's place, for sets and maps: "FILE:LINE". No two places share one, since
 * the line, after the last colon, holds none.
 */
export function placeKey(file: string, line: number): string {
  return `${file}:${line}`;
}

/**
 * Orders places by file (compared as strings are, by UTF-16 code units), then by line: negative
 * when the place of `fileA` and `lineA` comes first, positive when it comes after, 0 when the
 * same. Fields rather than objects, so that ranking can compare matches it keeps in columns.
 */
export function comparePlaces(fileA: string, lineA: number, fileB: string, lineB: number): number {
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  return lineA - lineB;
}

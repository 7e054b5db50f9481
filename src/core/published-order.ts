// Which of two publication times is later: as instants when both carry an offset (made with
// --tz), as written otherwise; an article without a time counts as the oldest.

const LOCAL_TIME_LENGTH = "2021-01-25T11:27:00".length;

/** Whether a publication time carries an offset (it was made with --tz). */
export function hasOffset(published: string): boolean {
  return published.length > LOCAL_TIME_LENGTH;
}

/** Positive when `a` is later than `b`, negative when earlier, 0 when the same. */
export function comparePublished(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (hasOffset(a) && hasOffset(b)) return Math.sign(Date.parse(a) - Date.parse(b));
  return a > b ? 1 : a < b ? -1 : 0;
}

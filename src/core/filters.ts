// The filters every reading command shares (--since, --until, --agency, --id), as one predicate
// over records. Bounds are inclusive; agencies compare folded, so "الشرق الاوسط" finds
// "الشرق الأوسط"; ids compare in ASCII digits, so "٤٩٠٧٢٨" finds "490728".

import { toAsciiDigits } from "./digits.js";
import { foldArabic } from "./fold.js";
import type { ArticleRecord } from "./record.js";

export interface RecordFilter {
  since?: TimeBound | undefined;
  until?: TimeBound | undefined;
  agencies?: readonly string[] | undefined;
  ids?: readonly string[] | undefined;
}

/** A bound on `published`: local wall-clock time, and an instant when it named an offset. */
export interface TimeBound {
  local: string;
  instant?: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads a --since or --until value (`YYYY-MM-DD` or a full ISO time, offset optional); a bare
 * date covers its whole day. Returns null when the value is neither.
 */
export function parseTimeBound(value: string, side: "since" | "until"): TimeBound | null {
  const text = toAsciiDigits(value.trim());
  const day = DATE_ONLY.exec(text);
  if (day) {
    if (!isRealDate(Number(day[1]), Number(day[2]), Number(day[3]))) return null;
    return { local: `${text}T${side === "since" ? "00:00:00" : "23:59:59"}` };
  }
  const full = DATE_TIME.exec(text);
  if (!full) return null;
  const [, year, month, dayOfMonth, hour, minute, second = "00", offset] = full;
  if (!isRealDate(Number(year), Number(month), Number(dayOfMonth)) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    return null;
  }
  const local = `${year}-${month}-${dayOfMonth}T${hour}:${minute}:${second}`;
  if (offset === undefined) return { local };
  const normalised = offset === "Z" ? "+00:00" : offset.includes(":") ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return { local, instant: Date.parse(local + normalised) };
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the filter asks for anything (an empty one keeps every record). */
export function hasFilter(filter: RecordFilter): boolean {
  return filter.since !== undefined || filter.until !== undefined || (filter.agencies?.length ?? 0) > 0 || (filter.ids?.length ?? 0) > 0;
}

/** A predicate that keeps the records every given filter accepts. */
export function makeRecordPredicate(filter: RecordFilter): (record: ArticleRecord) => boolean {
  const agencies = filter.agencies?.length ? new Set(filter.agencies.map(foldAgency)) : undefined;
  const ids = filter.ids?.length ? new Set(filter.ids.map((id) => toAsciiDigits(id.trim()))) : undefined;
  const { since, until } = filter;
  return (record) => {
    if (ids !== undefined && (record.id === null || !ids.has(record.id))) return false;
    if (agencies !== undefined && (record.agency === null || !agencies.has(foldAgency(record.agency)))) return false;
    if (since !== undefined || until !== undefined) {
      if (record.published === null || !isWithinBounds(record.published, since, until)) return false;
    }
    return true;
  };
}

/** Whether a published time lies within the bounds given (inclusive). */
export function isWithinBounds(published: string, since: TimeBound | undefined, until: TimeBound | undefined): boolean {
  if (since !== undefined && compareToBound(published, since) < 0) return false;
  if (until !== undefined && compareToBound(published, until) > 0) return false;
  return true;
}

/** Agencies compare folded, with runs of white space as one space. */
export function foldAgency(name: string): string {
  return foldArabic(name.trim()).replace(/\s+/g, " ");
}

const LOCAL_LENGTH = "2021-01-25T11:27:00".length;

/** Compares instants when both sides carry an offset, wall-clock times otherwise. */
function compareToBound(published: string, bound: TimeBound): number {
  if (bound.instant !== undefined && published.length > LOCAL_LENGTH) {
    return Date.parse(published) - bound.instant;
  }
  const local = published.slice(0, LOCAL_LENGTH);
  return local < bound.local ? -1 : local > bound.local ? 1 : 0;
}

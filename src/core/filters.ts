// The filters every reading command shares (--since, --until, --agency, --id), as one predicate
// over records. Bounds are inclusive; agencies compare folded, so "الشرق الاوسط" finds
// "الشرق الأوسط"; ids compare in ASCII digits, so "٤٩٠٧٢٨" finds "490728".

import { hasOffset, isIsoDate, parseIsoDateTime, publishedLocalTime, publishedMillis } from "./dates.js";
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

/**
 * Reads a --since or --until value (`YYYY-MM-DD` or a full ISO time, offset optional); a bare
 * date covers its whole day. Returns null when the value is neither.
 */
export function parseTimeBound(value: string, side: "since" | "until"): TimeBound | null {
  const text = toAsciiDigits(value.trim());
  if (isIsoDate(text)) return { local: `${text}T${side === "since" ? "00:00:00" : "23:59:59"}` };
  return parseIsoDateTime(text);
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

/** Compares instants when both sides carry an offset, wall-clock times otherwise. */
function compareToBound(published: string, bound: TimeBound): number {
  if (bound.instant !== undefined && hasOffset(published)) {
    return publishedMillis(published) - bound.instant;
  }
  const local = publishedLocalTime(published);
  return local < bound.local ? -1 : local > bound.local ? 1 : 0;
}

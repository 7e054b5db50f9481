// Named time zones (IANA, through Intl) for `--tz`: the offset in force at a local wall-clock
// time, so that a dump's local time can be written with its offset (formatOffset in dates.ts).

import { formatLocalDateTime, type LocalDateTime, wallClockMillis } from "./dates.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const CACHE_LIMIT = 100_000;

/** The offset of a named zone at local wall-clock times. */
export interface TimeZone {
  readonly name: string;
  /**
   * The offset in minutes east of UTC at that local time; null when the local time does not
   * exist there (the hour skipped when clocks go forward). An hour that happens twice takes
   * its first occurrence.
   */
  offsetAt(local: LocalDateTime): number | null;
}

/** Resolves an IANA zone name ("Asia/Tehran", "UTC"); throws RangeError for an unknown one. */
export function resolveTimeZone(name: string): TimeZone {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: name,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    era: "short",
  });
  const canonical = format.resolvedOptions().timeZone;

  /** Minutes east of UTC in force at an instant. */
  const offsetOfInstant = (instant: number): number => {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(new Date(instant))) parts[part.type] = part.value;
    const year = parts.era === "BC" ? 1 - Number(parts.year) : Number(parts.year);
    const wall = wallClockMillis({ year, month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) });
    const seconds = Math.floor(instant / 1000) * 1000;
    return Math.round((wall - seconds) / MINUTE_MS);
  };

  const cache = new Map<string, number | null>();
  return {
    name: canonical,
    offsetAt(local) {
      const key = formatLocalDateTime(local);
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const asUtc = wallClockMillis(local);
      // The offsets in force a day either side cover any transition near this time.
      const candidates = new Set([offsetOfInstant(asUtc - DAY_MS), offsetOfInstant(asUtc + DAY_MS)]);
      let found: number | null = null;
      for (const offset of candidates) {
        const fits = offsetOfInstant(asUtc - offset * MINUTE_MS) === offset;
        // Twice-lived hour: the larger offset gives the earlier instant.
        if (fits && (found === null || offset > found)) found = offset;
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, found);
      return found;
    },
  };
}

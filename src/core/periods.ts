// Periods of time that analyses count by: a day, an ISO week, a month or a year, named as
// YYYY-MM-DD, YYYY-Www, YYYY-MM and YYYY. A period comes from an article's day as written in
// the dump (no shift between time zones), and every period between two is listed, so that a
// series of counts has time as its axis.

export const PERIOD_UNITS = ["day", "week", "month", "year"] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** The default unit gives at most this many periods where it can (and so, usually, at least 20). */
const MOST_DEFAULT_PERIODS = 200;
const DAY_MS = 86_400_000;

/** A day YYYY-MM-DD as milliseconds since the epoch, at midnight UTC. */
function dayMillis(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function dayOfMillis(millis: number): string {
  return new Date(millis).toISOString().slice(0, 10);
}

/** The first day numbered by dayNumber: 1900-01-01. */
const FIRST_NUMBERED_DAY = Date.UTC(1900, 0, 1);
const WRITTEN_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day YYYY-MM-DD as the number of days since 1900-01-01; null for what is not a day of the
 * calendar written so, or a day before then.
 */
export function dayNumber(day: string): number | null {
  if (!WRITTEN_DAY.test(day)) return null;
  const millis = dayMillis(day);
  if (!(millis >= FIRST_NUMBERED_DAY) || dayOfMillis(millis) !== day) return null;
  return (millis - FIRST_NUMBERED_DAY) / DAY_MS;
}

/** The day YYYY-MM-DD of a number dayNumber gives. */
export function dayOfNumber(number: number): string {
  return dayOfMillis(FIRST_NUMBERED_DAY + number * DAY_MS);
}

/** The ISO week of a day: the week (Monday to Sunday) and the year its Thursday falls in. */
function isoWeek(day: string): string {
  const millis = dayMillis(day);
  const weekday = (new Date(millis).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(millis + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

/** The Monday of an ISO week YYYY-Www. */
function weekMonday(week: string): number {
  const year = Number(week.slice(0, 4));
  const january4 = Date.UTC(year, 0, 4); // always in week 1
  const weekday = (new Date(january4).getUTCDay() + 6) % 7;
  return january4 - weekday * DAY_MS + (Number(week.slice(6)) - 1) * 7 * DAY_MS;
}

/** The period of `unit` that a day (YYYY-MM-DD, as publishedDay gives it) falls in. */
export function periodOf(day: string, unit: PeriodUnit): string {
  switch (unit) {
    case "day":
      return day;
    case "week":
      return isoWeek(day);
    case "month":
      return day.slice(0, 7);
    case "year":
      return day.slice(0, 4);
  }
}

/** The period after this one. */
function nextPeriod(period: string, unit: PeriodUnit): string {
  switch (unit) {
    case "day":
      return dayOfMillis(dayMillis(period) + DAY_MS);
    case "week":
      return isoWeek(dayOfMillis(weekMonday(period) + 7 * DAY_MS));
    case "month": {
      const month = Number(period.slice(5, 7));
      const year = Number(period.slice(0, 4)) + (month === 12 ? 1 : 0);
      return `${String(year).padStart(4, "0")}-${String((month % 12) + 1).padStart(2, "0")}`;
    }
    case "year":
      return String(Number(period) + 1).padStart(4, "0");
  }
}

/** Every period from the one holding `firstDay` to the one holding `lastDay`, in order. */
export function periodsBetween(firstDay: string, lastDay: string, unit: PeriodUnit): string[] {
  const last = periodOf(lastDay, unit);
  const periods = [periodOf(firstDay, unit)];
  while (periods.at(-1)! < last) periods.push(nextPeriod(periods.at(-1)!, unit));
  return periods;
}

/** How many periods of `unit` lie from the one holding `firstDay` to the one holding `lastDay`. */
function periodCount(firstDay: string, lastDay: string, unit: PeriodUnit): number {
  const months = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  switch (unit) {
    case "day":
      return Math.round((dayMillis(lastDay) - dayMillis(firstDay)) / DAY_MS) + 1;
    case "week":
      return Math.round((weekMonday(isoWeek(lastDay)) - weekMonday(isoWeek(firstDay))) / DAY_MS / 7) + 1;
    case "month":
      return months(lastDay) - months(firstDay) + 1;
    case "year":
      return Number(lastDay.slice(0, 4)) - Number(firstDay.slice(0, 4)) + 1;
  }
}

/**
 * The unit a series is counted by when none is asked for: the finest that gives at most 200
 * periods, which gives at least 20 unless the span is shorter than 20 days.
 */
export function defaultPeriodUnit(firstDay: string, lastDay: string): PeriodUnit {
  return PERIOD_UNITS.find((unit) => periodCount(firstDay, lastDay, unit) <= MOST_DEFAULT_PERIODS) ?? "year";
}

/** The first and last day (YYYY-MM-DD) of a period of `unit`, as periodOf names it. */
export function periodDays(period: string, unit: PeriodUnit): { first: string; last: string } {
  switch (unit) {
    case "day":
      return { first: period, last: period };
    case "week": {
      const monday = weekMonday(period);
      return { first: dayOfMillis(monday), last: dayOfMillis(monday + 6 * DAY_MS) };
    }
    case "month": {
      const [year, month] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
      return { first: `${period}-01`, last: dayOfMillis(Date.UTC(year, month, 0)) };
    }
    case "year":
      return { first: `${period}-01-01`, last: `${period}-12-31` };
  }
}

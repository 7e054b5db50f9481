// Dates and times: every reading, building and comparing of them (time-zone.ts only finds the
// offset of a named zone).
//
// Date lines of news dumps: every form of docs/format.md ("25 Jan 2021 ساعة 11:27",
// "الإثنين 25 كانون الثاني 2021 - 11:27", "٢٠٢١-٠١-٢٥ ١١:٢٧" ...) read into a local date and time.
// A line that has the shape of a date line is one, even when its date cannot exist: the layout
// needs it as the header's anchor, and the record then carries published: null and a warning.
//
// Then the times records carry in `published` (the local time as written, "2021-01-25T11:27:00",
// or with --tz that time and its offset, "2021-01-25T11:27:00+03:00"), and ISO 8601 times given
// on the command line (--since, --until).

import { toAsciiDigits } from "./digits.js";
import { foldArabic } from "./fold.js";

/** A wall-clock time as written in the dump, with no time zone. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What a date line says: the time when it can exist, otherwise why not. */
export type DateLine =
  | { isValid: true; local: LocalDateTime; weekdayMismatch: boolean }
  | { isValid: false; problem: string };

// Month names by folded spelling (alef forms, teh marbuta and marks do not matter).
const MONTH_NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ["january", "jan", "يناير", "كانون الثاني", "جانفي", "ينير"]],
  [2, ["february", "feb", "فبراير", "شباط", "فيفري"]],
  [3, ["march", "mar", "مارس", "آذار", "اذار"]],
  [4, ["april", "apr", "أبريل", "ابريل", "إبريل", "نيسان", "أفريل"]],
  [5, ["may", "مايو", "أيار", "ايار", "ماي"]],
  [6, ["june", "jun", "يونيو", "يونية", "حزيران", "جوان", "يونيه"]],
  [7, ["july", "jul", "يوليو", "يولية", "تموز", "جويلية", "يوليوز", "يوليه"]],
  [8, ["august", "aug", "أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت", "غشت"]],
  [9, ["september", "sep", "sept", "سبتمبر", "أيلول", "ايلول", "شتنبر"]],
  [10, ["october", "oct", "أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"]],
  [11, ["november", "nov", "نوفمبر", "تشرين الثاني", "نونبر"]],
  [12, ["december", "dec", "ديسمبر", "كانون الأول", "كانون الاول", "دجنبر"]],
];

// Weekday names by folded spelling; 0 is Sunday, as in Date.getUTCDay().
const WEEKDAY_NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [0, ["الأحد", "الاحد", "sunday", "sun"]],
  [1, ["الإثنين", "الاثنين", "الأثنين", "monday", "mon"]],
  [2, ["الثلاثاء", "tuesday", "tue", "tues"]],
  [3, ["الأربعاء", "الاربعاء", "wednesday", "wed"]],
  [4, ["الخميس", "thursday", "thu", "thur", "thurs"]],
  [5, ["الجمعة", "friday", "fri"]],
  [6, ["السبت", "saturday", "sat"]],
];

// Markers after a 12-hour time, folded: ص, صباحا, صباحاً (morning); م, مساء, مساءً (evening).
const MORNING_MARKERS = new Set(["ص", "صباحا", "am", "a.m."]);
const EVENING_MARKERS = new Set(["م", "مساء", "pm", "p.m."]);

// A word: letters and marks (months, weekdays, markers). Separators: ساعة, الساعة, dashes, commas.
const WORD = "[\\p{L}\\p{M}.]+";
const COMMA = "\\s*[،,]?\\s*";
const TIME_SEPARATOR = "\\s*[،,]?\\s*(?:(?:[-–]|(?:ال)?ساعة)\\s*)?";
const TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*(" + WORD + "))?";
const WEEKDAY_PREFIX = "(?:(?:يوم\\s+)?(" + WORD + ")" + COMMA + ")?";

/**
 * The patterns and name tables, made on first use: building them (Unicode classes, folded names)
 * is a cost that commands which never read a date line, such as a search of an index, should
 * not pay when they start.
 */
const datePatterns = (() => {
  let made: { dayMonthYear: RegExp; isoLike: RegExp; monthByName: ReadonlyMap<string, number>; weekdayByName: ReadonlyMap<string, number> } | undefined;
  return () =>
    (made ??= {
      // "[weekday] 25 Jan[,] 2021[,] [sep] 11:27[:05] [marker]" (month of one or two words).
      dayMonthYear: new RegExp(
        "^" + WEEKDAY_PREFIX + "(\\d{1,2})" + COMMA + "(" + WORD + "(?:\\s+" + WORD + ")?)" + COMMA + "(\\d{4})" + TIME_SEPARATOR + TIME + "$",
        "u",
      ),
      // "[weekday] 2021-01-25 11:27[:05]" and "2021-01-25T11:27:05".
      isoLike: new RegExp("^" + WEEKDAY_PREFIX + "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:T|" + TIME_SEPARATOR + ")" + TIME + "$", "u"),
      monthByName: new Map(MONTH_NAMES.flatMap(([month, names]) => names.map((name) => [foldArabic(name), month] as const))),
      weekdayByName: new Map(WEEKDAY_NAMES.flatMap(([day, names]) => names.map((name) => [foldArabic(name), day] as const))),
    });
})();

// The longest date line worth trying ("الأربعاء 22 كانون الثاني، 2015، الساعة 05:16:00 صباحاً" is 55).
const LONGEST_DATE_LINE = 80;
const SHORTEST_DATE_LINE = 12;

/**
 * Reads a trimmed line as a date line. Returns null when the line does not have the shape of one
 * (it is then ordinary text), otherwise the local time or the reason it cannot exist.
 */
export function parseDateLine(line: string): DateLine | null {
  // Longer lines are paragraphs, even where runs of spaces would shrink them to a date.
  if (line.length > LONGEST_DATE_LINE) return null;
  // Stryker disable next-line all: a quick rejection of most lines; the patterns reject them too
  if (line.length < SHORTEST_DATE_LINE || !line.includes(":")) return null;
  const text = toAsciiDigits(line).replace(/\s+/g, " ");
  const first = text.charCodeAt(0);
  // Every date line starts with a digit or a weekday name; cheap rejection of body paragraphs.
  // Stryker disable next-line all: the patterns below reject these lines too
  if (!(first >= 0x30 && first <= 0x39) && !WEEKDAY_START.test(text)) return null;

  const patterns = datePatterns();
  let weekdayWord: string | undefined;
  let fields: { year: string; month: number; day: string; hour: string; minute: string; second?: string | undefined; marker?: string | undefined };
  const dayFirst = patterns.dayMonthYear.exec(text);
  if (dayFirst) {
    const [, weekday, day, monthWord, year, hour, minute, second, marker] = dayFirst;
    const month = patterns.monthByName.get(foldArabic(monthWord!).replace(/\.$/, ""));
    if (month === undefined) return null;
    weekdayWord = weekday;
    fields = { year: year!, month, day: day!, hour: hour!, minute: minute!, second, marker };
  } else {
    const iso = patterns.isoLike.exec(text);
    if (!iso) return null;
    const [, weekday, year, month, day, hour, minute, second, marker] = iso;
    weekdayWord = weekday;
    fields = { year: year!, month: Number(month), day: day!, hour: hour!, minute: minute!, second, marker };
  }

  let weekday: number | undefined;
  if (weekdayWord !== undefined) {
    weekday = patterns.weekdayByName.get(foldArabic(weekdayWord));
    if (weekday === undefined) return null;
  }
  let hour = Number(fields.hour);
  if (fields.marker !== undefined) {
    const marker = foldArabic(fields.marker);
    const isMorning = MORNING_MARKERS.has(marker);
    if (!isMorning && !EVENING_MARKERS.has(marker)) return null;
    if (hour < 1 || hour > 12) {
      return { isValid: false, problem: `${fields.hour}:${fields.minute} is not a 12-hour time` };
    }
    // 12 in the morning is 00; 12 in the evening is 12.
    hour = isMorning ? hour % 12 : (hour % 12) + 12;
  }
  const local: LocalDateTime = {
    year: Number(fields.year),
    month: fields.month,
    day: Number(fields.day),
    hour,
    minute: Number(fields.minute),
    second: fields.second === undefined ? 0 : Number(fields.second),
  };
  const problem = findImpossibleField(local);
  if (problem) return { isValid: false, problem };
  const weekdayMismatch = weekday !== undefined && weekday !== weekdayOf(local);
  return { isValid: true, local, weekdayMismatch };
}

const WEEKDAY_START = /^\p{L}/u;

function findImpossibleField(t: LocalDateTime): string | null {
  if (t.month < 1 || t.month > 12) return `month ${t.month} does not exist`;
  if (t.day < 1 || t.day > daysInMonth(t.year, t.month)) {
    return `${formatLocalDate(t)} does not exist`;
  }
  if (t.hour > 23 || t.minute > 59 || t.second > 59) {
    return `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} is not a time of day`;
  }
  return null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a day exists: a month from 1 to 12, and a day within that month. */
function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The weekday (0 is Sunday) of a local date in the proleptic Gregorian calendar. */
export function weekdayOf(t: LocalDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(t.year, t.month - 1, t.day);
  return date.getUTCDay();
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatLocalDate(t: LocalDateTime): string {
  return `${String(t.year).padStart(4, "0")}-${pad2(t.month)}-${pad2(t.day)}`;
}

/** ISO 8601 local time without an offset: 2021-01-25T11:27:00. */
export function formatLocalDateTime(t: LocalDateTime): string {
  return `${formatLocalDate(t)}T${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
}

/** "+03:30", "-05:00", "+00:00": an offset in minutes east of UTC, as a time carries it. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** Milliseconds since the epoch of a local time's fields read as UTC (years 0 to 99 too, not as 1900 to 1999). */
export function wallClockMillis(t: LocalDateTime): number {
  const wall = new Date(0);
  wall.setUTCFullYear(t.year, t.month - 1, t.day);
  wall.setUTCHours(t.hour, t.minute, t.second, 0);
  return wall.getTime();
}

// ---- Times as records carry them (`published`) -----------------------------------------------

const LOCAL_TIME_LENGTH = "2021-01-25T11:27:00".length;

/** Whether a publication time carries an offset (it was made with --tz). */
export function hasOffset(published: string): boolean {
  return published.length > LOCAL_TIME_LENGTH;
}

/** The local wall-clock time of a publication time, without its offset. */
export function publishedLocalTime(published: string): string {
  return published.slice(0, LOCAL_TIME_LENGTH);
}

/** The day of a publication time: "2021-01-25". */
export function publishedDay(published: string): string {
  return published.slice(0, "2021-01-25".length);
}

/**
 * A publication time in milliseconds since the epoch: of the instant when it carries an offset,
 * otherwise of its wall-clock time read as UTC.
 */
export function publishedMillis(published: string): number {
  return hasOffset(published) ? Date.parse(published) : Date.parse(`${published}Z`);
}

/** Positive when `a` is later than `b`, negative when earlier, 0 when the same. */
export function comparePublished(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (hasOffset(a) && hasOffset(b)) return Math.sign(Date.parse(a) - Date.parse(b));
  return a > b ? 1 : a < b ? -1 : 0;
}

/** A publication time for people to read: "2021-01-25 11:27:00", or "2021-01-25 11:27:00+03:00". */
export function readablePublished(published: string): string {
  return published.replace("T", " ");
}

/** A publication time for people to read, to the minute: "2021-01-25 11:27". */
export function readablePublishedToMinute(published: string): string {
  return readablePublished(published.slice(0, "2021-01-25T11:27".length));
}

// ---- ISO 8601 times given on the command line ---------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Whether text (ASCII digits) is a date `YYYY-MM-DD` of a day that exists. */
export function isIsoDate(text: string): boolean {
  const day = ISO_DATE.exec(text);
  return day !== null && isRealDate(Number(day[1]), Number(day[2]), Number(day[3]));
}

/**
 * Reads an ISO 8601 time in ASCII digits: `YYYY-MM-DD`, `T` or a space, `HH:MM[:SS[.fraction]]`,
 * and an offset when one is named (`Z`, `+03:00`, `+0300`). Gives its local wall-clock time as
 * `YYYY-MM-DDTHH:MM:SS` (a fraction of a second is dropped), and its instant when it names an
 * offset; null when the text is not such a time or the time cannot exist.
 */
export function parseIsoDateTime(text: string): { local: string; instant?: number } | null {
  const full = ISO_DATE_TIME.exec(text);
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

// Date lines of docs/format.md ("Dates"): every form, month name, digit set, separator, 12-hour marker, impossible dates, and --tz offsets.
import { describe, expect, it } from "vitest";
import { formatOffset, parseDateLine, publishedDay, publishedMillis, readablePublished, readablePublishedToMinute, wallClockMillis, weekdayOf, type LocalDateTime } from "../../src/core/dates.js";
import { resolveTimeZone } from "../../src/core/time-zone.js";

function at(year: number, month: number, day: number, hour: number, minute: number, second = 0): LocalDateTime {
  return { year, month, day, hour, minute, second };
}

/** The local time a date line names; fails the test when the line is not a valid date line. */
function localOf(line: string): LocalDateTime {
  const parsed = parseDateLine(line);
  expect(parsed, `"${line}" should be read as a date line`).not.toBeNull();
  expect(parsed!.isValid, `"${line}" should name a real time`).toBe(true);
  if (parsed === null || !parsed.isValid) throw new Error("unreachable");
  return parsed.local;
}

const JAN_25_2021_11_27 = at(2021, 1, 25, 11, 27);

describe("the spec's table of date forms", () => {
  it.each([
    ["English month abbreviation (the seed)", "25 Jan 2021 ساعة 11:27"],
    ["Egyptian/Gulf month names", "25 يناير 2021 ساعة 11:27"],
    ["Levantine/Iraqi month names", "25 كانون الثاني 2021 - 11:27"],
    ["Arabic-Indic digits, الساعة", "٢٥ يناير ٢٠٢١ الساعة ١١:٢٧"],
    ["ISO-like", "2021-01-25 11:27"],
    ["weekday first", "الإثنين 25 يناير 2021 - 11:27"],
  ])("%s: %s is 2021-01-25 11:27:00", (_form, line) => {
    expect(localOf(line)).toEqual(JAN_25_2021_11_27);
  });

  it("the weekday-first row names the right weekday (25 Jan 2021 was a Monday)", () => {
    expect(parseDateLine("الإثنين 25 يناير 2021 - 11:27")).toMatchObject({ isValid: true, weekdayMismatch: false });
  });
});

describe("month names", () => {
  const english: Array<[string, string, number]> = [
    ["January", "Jan", 1],
    ["February", "Feb", 2],
    ["March", "Mar", 3],
    ["April", "Apr", 4],
    ["May", "May", 5],
    ["June", "Jun", 6],
    ["July", "Jul", 7],
    ["August", "Aug", 8],
    ["September", "Sep", 9],
    ["October", "Oct", 10],
    ["November", "Nov", 11],
    ["December", "Dec", 12],
  ];
  it.each(english)("English %s and %s are month %i", (full, abbreviation, month) => {
    expect(localOf(`3 ${full} 2021 ساعة 10:05`)).toEqual(at(2021, month, 3, 10, 5));
    expect(localOf(`3 ${abbreviation} 2021 ساعة 10:05`)).toEqual(at(2021, month, 3, 10, 5));
  });

  const egyptianGulf: Array<[string, number]> = [
    ["يناير", 1],
    ["فبراير", 2],
    ["مارس", 3],
    ["أبريل", 4],
    ["ابريل", 4],
    ["إبريل", 4],
    ["مايو", 5],
    ["يونيو", 6],
    ["يونية", 6],
    ["يوليو", 7],
    ["يولية", 7],
    ["أغسطس", 8],
    ["اغسطس", 8],
    ["سبتمبر", 9],
    ["أكتوبر", 10],
    ["اكتوبر", 10],
    ["نوفمبر", 11],
    ["ديسمبر", 12],
  ];
  it.each(egyptianGulf)("Egyptian/Gulf %s is month %i", (name, month) => {
    expect(localOf(`3 ${name} 2021 الساعة 10:05`)).toEqual(at(2021, month, 3, 10, 5));
  });

  const levantine: Array<[string, number]> = [
    ["كانون الثاني", 1],
    ["شباط", 2],
    ["آذار", 3],
    ["اذار", 3],
    ["نيسان", 4],
    ["أيار", 5],
    ["ايار", 5],
    ["حزيران", 6],
    ["تموز", 7],
    ["آب", 8],
    ["اب", 8],
    ["أيلول", 9],
    ["ايلول", 9],
    ["تشرين الأول", 10],
    ["تشرين الاول", 10],
    ["تشرين الثاني", 11],
    ["كانون الأول", 12],
    ["كانون الاول", 12],
  ];
  it.each(levantine)("Levantine %s is month %i", (name, month) => {
    expect(localOf(`3 ${name} 2021 - 10:05`)).toEqual(at(2021, month, 3, 10, 5));
  });

  const maghreb: Array<[string, number]> = [
    ["جانفي", 1],
    ["فيفري", 2],
    ["أفريل", 4],
    ["ماي", 5],
    ["جوان", 6],
    ["جويلية", 7],
    ["يوليوز", 7],
    ["أوت", 8],
    ["اوت", 8],
    ["غشت", 8],
  ];
  it.each(maghreb)("Maghreb %s is month %i", (name, month) => {
    expect(localOf(`3 ${name} 2021 الساعة 10:05`)).toEqual(at(2021, month, 3, 10, 5));
  });

  it("the two-word Levantine names are not confused with each other (كانون الأول is December, كانون الثاني January)", () => {
    expect(localOf("9 كانون الأول 2020 - 08:00").month).toBe(12);
    expect(localOf("9 كانون الثاني 2020 - 08:00").month).toBe(1);
    expect(localOf("9 تشرين الأول 2020 - 08:00").month).toBe(10);
    expect(localOf("9 تشرين الثاني 2020 - 08:00").month).toBe(11);
  });
});

describe("digit sets", () => {
  it("reads ASCII digits", () => {
    expect(localOf("25 يناير 2021 الساعة 11:27")).toEqual(JAN_25_2021_11_27);
  });
  it("reads Arabic-Indic digits (٠-٩)", () => {
    expect(localOf("٢٥ يناير ٢٠٢١ الساعة ١١:٢٧")).toEqual(JAN_25_2021_11_27);
  });
  it("reads Extended Arabic-Indic / Persian digits (۰-۹)", () => {
    expect(localOf("۲۵ يناير ۲۰۲۱ الساعة ۱۱:۲۷")).toEqual(JAN_25_2021_11_27);
  });
  it("reads the three sets mixed in one line", () => {
    expect(localOf("٢٥ Jan 2021 ساعة ۱۱:2٧")).toEqual(JAN_25_2021_11_27);
    expect(localOf("۲۰۲۱-٠١-25 ١١:۲7")).toEqual(JAN_25_2021_11_27);
  });
  it("reads every digit of every set (all ten values)", () => {
    // 10 / 29 / 1987 at 23:45:06 written with every digit 0-9 across the fields.
    expect(localOf("29 Oct 1987 ساعة 23:45:06")).toEqual(at(1987, 10, 29, 23, 45, 6));
    expect(localOf("٢٩ Oct ١٩٨٧ ساعة ٢٣:٤٥:٠٦")).toEqual(at(1987, 10, 29, 23, 45, 6));
    expect(localOf("۲۹ Oct ۱۹۸۷ ساعة ۲۳:۴۵:۰۶")).toEqual(at(1987, 10, 29, 23, 45, 6));
  });
});

describe("time of day", () => {
  it("reads seconds when present", () => {
    expect(localOf("25 Jan 2021 ساعة 11:27:45")).toEqual(at(2021, 1, 25, 11, 27, 45));
    expect(localOf("2021-01-25 11:27:45")).toEqual(at(2021, 1, 25, 11, 27, 45));
  });
  it("takes seconds as 0 when absent", () => {
    expect(localOf("25 Jan 2021 ساعة 11:27").second).toBe(0);
  });
  it("reads a one-digit hour", () => {
    expect(localOf("25 Jan 2021 ساعة 9:05")).toEqual(at(2021, 1, 25, 9, 5));
    expect(localOf("٢٥ يناير ٢٠٢١ الساعة ٩:٠٥")).toEqual(at(2021, 1, 25, 9, 5));
    expect(localOf("2021-01-25 7:30")).toEqual(at(2021, 1, 25, 7, 30));
  });
  it("reads a one-digit day", () => {
    expect(localOf("6 Jan 2015 ساعة 05:16")).toEqual(at(2015, 1, 6, 5, 16));
  });
});

describe("separators between date and time", () => {
  it.each([
    ["ساعة", "25 يناير 2021 ساعة 11:27"],
    ["الساعة", "25 يناير 2021 الساعة 11:27"],
    ["hyphen", "25 يناير 2021 - 11:27"],
    ["en dash", "25 يناير 2021 – 11:27"],
    ["Arabic comma", "25 يناير 2021، 11:27"],
    ["Arabic comma with spaces", "25 يناير 2021 ، 11:27"],
    ["Latin comma", "25 يناير 2021, 11:27"],
    ["no separator", "25 يناير 2021 11:27"],
    ["hyphen in the ISO-like form", "2021-01-25 - 11:27"],
  ])("%s: %s", (_name, line) => {
    expect(localOf(line)).toEqual(JAN_25_2021_11_27);
  });

  it("accepts commas after the weekday, the day and month, and the year", () => {
    expect(localOf("6 يناير، 2015، الساعة 05:16")).toEqual(at(2015, 1, 6, 5, 16));
    expect(localOf("الثلاثاء، 6 يناير، 2015، الساعة 05:16")).toEqual(at(2015, 1, 6, 5, 16));
    expect(localOf("الثلاثاء, 6 يناير, 2015, 05:16")).toEqual(at(2015, 1, 6, 5, 16));
    expect(localOf("الثلاثاء 6 كانون الثاني، 2015 - 05:16")).toEqual(at(2015, 1, 6, 5, 16));
  });
});

describe("12-hour times", () => {
  it.each([
    ["ص", 11],
    ["صباحا", 11],
    ["صباحاً", 11],
    ["م", 23],
    ["مساء", 23],
    ["مساءً", 23],
  ])("11:27 %s is %i:27", (marker, hour) => {
    expect(localOf(`25 يناير 2021 الساعة 11:27 ${marker}`)).toEqual(at(2021, 1, 25, hour, 27));
  });

  it("12 in the morning is 00", () => {
    expect(localOf("25 يناير 2021 الساعة 12:00 ص")).toEqual(at(2021, 1, 25, 0, 0));
    expect(localOf("25 يناير 2021 الساعة 12:30 صباحاً")).toEqual(at(2021, 1, 25, 0, 30));
  });

  it("12 in the evening is 12", () => {
    expect(localOf("25 يناير 2021 الساعة 12:00 م")).toEqual(at(2021, 1, 25, 12, 0));
    expect(localOf("25 يناير 2021 الساعة 12:45 مساءً")).toEqual(at(2021, 1, 25, 12, 45));
  });

  it("1 in the evening is 13 and 1 in the morning is 01 (one-digit hour with a marker)", () => {
    expect(localOf("25 يناير 2021 الساعة 1:05 م")).toEqual(at(2021, 1, 25, 13, 5));
    expect(localOf("25 يناير 2021 الساعة 1:05 ص")).toEqual(at(2021, 1, 25, 1, 5));
  });

  it("reads a marker after Arabic-Indic digits and after seconds", () => {
    expect(localOf("٢٥ يناير ٢٠٢١ الساعة ٠٣:١٠ مساءً")).toEqual(at(2021, 1, 25, 15, 10));
    expect(localOf("25 يناير 2021 الساعة 03:10:20 م")).toEqual(at(2021, 1, 25, 15, 10, 20));
  });
});

describe("dates and times that cannot exist", () => {
  it.each([
    ["29 February in a common year", "29 Feb 2021 ساعة 11:27"],
    ["31 April", "31 أبريل 2021 الساعة 11:27"],
    ["31 April (Levantine)", "31 نيسان 2021 - 11:27"],
    ["30 February (ISO-like)", "2021-02-30 10:00"],
    ["month 13 (ISO-like)", "2021-13-01 10:00"],
    ["day 0", "0 Jan 2021 ساعة 11:27"],
    ["24:30", "25 Jan 2021 ساعة 24:30"],
    ["minute 60", "25 Jan 2021 ساعة 11:60"],
    ["13 in the evening", "25 يناير 2021 الساعة 13:00 م"],
    ["0 in the morning", "25 يناير 2021 الساعة 0:15 ص"],
  ])("%s: %s is a date line that is not valid", (_name, line) => {
    const parsed = parseDateLine(line);
    // Still a date line (the header's anchor), but never a shifted date.
    expect(parsed).not.toBeNull();
    expect(parsed).toMatchObject({ isValid: false });
    expect(parsed).not.toHaveProperty("local");
  });

  it.each([
    ["2021-02-30 10:00", "2021-02-30 does not exist"],
    ["31 أبريل 2021 الساعة 11:27", "2021-04-31 does not exist"],
    ["2021-13-01 10:00", "month 13 does not exist"],
    ["2021-00-10 10:00", "month 0 does not exist"],
    ["25 Jan 2021 ساعة 24:30", "24:30:00 is not a time of day"],
    ["25 Jan 2021 ساعة 23:60", "23:60:00 is not a time of day"],
    ["25 Jan 2021 ساعة 23:59:60", "23:59:60 is not a time of day"],
    ["25 يناير 2021 الساعة 13:00 م", "13:00 is not a 12-hour time"],
    ["25 يناير 2021 الساعة 0:15 ص", "0:15 is not a 12-hour time"],
  ])("%s says why: %s", (line, problem) => {
    expect(parseDateLine(line)).toEqual({ isValid: false, problem });
  });

  it("29 February 2024 (a leap year) is valid", () => {
    expect(localOf("29 Feb 2024 ساعة 11:27")).toEqual(at(2024, 2, 29, 11, 27));
    expect(localOf("29 فبراير 2024 الساعة 08:00")).toEqual(at(2024, 2, 29, 8, 0));
  });

  it("29 February 2000 is valid and 29 February 1900 is not (century rule)", () => {
    expect(localOf("29 Feb 2000 ساعة 11:27")).toEqual(at(2000, 2, 29, 11, 27));
    expect(parseDateLine("29 Feb 1900 ساعة 11:27")).toMatchObject({ isValid: false });
  });

  it("23:59:59 and 00:00 are valid", () => {
    expect(localOf("31 Dec 2021 ساعة 23:59:59")).toEqual(at(2021, 12, 31, 23, 59, 59));
    expect(localOf("1 Jan 2022 ساعة 00:00")).toEqual(at(2022, 1, 1, 0, 0));
  });
});

describe("lines that are not date lines", () => {
  it.each([
    ["a body sentence containing a date", "وقال المتحدث إن الاجتماع عقد في 25 يناير 2021 الساعة 11:27 بحضور الوزراء."],
    ["a date followed by more words", "25 يناير 2021 ساعة 11:27 وصل الوفد إلى المطار"],
    ["an unknown month word (Latin)", "25 Blah 2021 ساعة 11:27"],
    ["an unknown month word (Arabic)", "25 كتابا 2021 ساعة 11:27"],
    ["an unknown word before the date", "مساء 25 يناير 2021 ساعة 11:27"],
    ["a date without a time", "25 يناير 2021"],
    ["a time without a date", "الساعة 11:27 صباحا"],
    ["a word after the time that is no 12-hour marker", "25 يناير 2021 الساعة 11:27 بتوقيت"],
    ["a date line padded past the longest date line", `25${" ".repeat(70)}يناير 2021 الساعة 11:27`],
    ["a number line", "رقم: 490728"],
    ["a headline", "محاولة إحياء التنظيم انطلاقا من القواعد"],
    ["an empty line", ""],
  ])("%s: %s", (_name, line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe("spelling that still reads", () => {
  it("an abbreviated month with a full stop, and runs of spaces", () => {
    expect(localOf("25 Jan. 2021 ساعة 11:27")).toEqual(JAN_25_2021_11_27);
    expect(localOf("25  Jan   2021  ساعة   11:27")).toEqual(JAN_25_2021_11_27);
  });
});

describe("weekdays", () => {
  it("flags a weekday that is not the weekday of the date", () => {
    // 25 Jan 2021 was a Monday, not a Sunday.
    const parsed = parseDateLine("الأحد 25 يناير 2021 - 11:27");
    expect(parsed).toMatchObject({ isValid: true, weekdayMismatch: true });
    expect(localOf("الأحد 25 يناير 2021 - 11:27")).toEqual(JAN_25_2021_11_27);
  });

  it("does not flag the right weekday, in any spelling of its alef", () => {
    expect(parseDateLine("الاثنين 25 يناير 2021 - 11:27")).toMatchObject({ isValid: true, weekdayMismatch: false });
    expect(parseDateLine("الخميس 29 فبراير 2024 الساعة 10:00")).toMatchObject({ isValid: true, weekdayMismatch: false });
  });

  it("weekdayOf gives 0 for Sunday through 6 for Saturday", () => {
    expect(weekdayOf(at(2021, 1, 24, 0, 0))).toBe(0); // Sunday
    expect(weekdayOf(at(2021, 1, 25, 0, 0))).toBe(1); // Monday
    expect(weekdayOf(at(2024, 2, 29, 0, 0))).toBe(4); // Thursday
    expect(weekdayOf(at(2021, 1, 30, 0, 0))).toBe(6); // Saturday
  });
});

describe("time zones (--tz)", () => {
  it("Asia/Tehran is +03:30 on 2021-01-25 11:27", () => {
    const zone = resolveTimeZone("Asia/Tehran");
    const offset = zone.offsetAt(JAN_25_2021_11_27);
    expect(offset).toBe(210);
    expect(formatOffset(offset!)).toBe("+03:30");
  });

  it("formats negative, zero and whole-hour offsets", () => {
    expect(formatOffset(0)).toBe("+00:00");
    expect(formatOffset(-300)).toBe("-05:00");
    expect(formatOffset(-570)).toBe("-09:30");
    expect(formatOffset(345)).toBe("+05:45");
    expect(formatOffset(180)).toBe("+03:00");
  });

  it("UTC has offset 0", () => {
    expect(resolveTimeZone("UTC").offsetAt(JAN_25_2021_11_27)).toBe(0);
  });

  it("a local time skipped when clocks go forward has no offset (null)", () => {
    // America/New_York went from 02:00 to 03:00 on 14 March 2021.
    const zone = resolveTimeZone("America/New_York");
    expect(zone.offsetAt(at(2021, 3, 14, 2, 30))).toBeNull();
    expect(zone.offsetAt(at(2021, 3, 14, 1, 59))).toBe(-300);
    expect(zone.offsetAt(at(2021, 3, 14, 3, 0))).toBe(-240);
  });

  it("a local time lived twice when clocks go back takes its first occurrence (the larger offset)", () => {
    // America/New_York went from 02:00 EDT back to 01:00 EST on 7 November 2021.
    expect(resolveTimeZone("America/New_York").offsetAt(at(2021, 11, 7, 1, 30))).toBe(-240);
    // Europe/Berlin went from 03:00 CEST back to 02:00 CET on 31 October 2021.
    expect(resolveTimeZone("Europe/Berlin").offsetAt(at(2021, 10, 31, 2, 30))).toBe(120);
  });

  it("an unknown zone throws RangeError", () => {
    expect(() => resolveTimeZone("Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("times as records carry them", () => {
  it("publishedMillis: the instant of a time with an offset, the wall-clock time read as UTC otherwise", () => {
    expect(publishedMillis("2021-01-25T11:27:00")).toBe(Date.UTC(2021, 0, 25, 11, 27, 0));
    expect(publishedMillis("2021-01-25T11:27:00+03:00")).toBe(Date.UTC(2021, 0, 25, 8, 27, 0));
    expect(publishedMillis("2021-01-25T11:27:00-05:30")).toBe(Date.UTC(2021, 0, 25, 16, 57, 0));
  });

  it("wallClockMillis reads the fields as UTC, years before 100 as written", () => {
    expect(wallClockMillis(JAN_25_2021_11_27)).toBe(Date.UTC(2021, 0, 25, 11, 27, 0));
    expect(new Date(wallClockMillis({ year: 50, month: 3, day: 1, hour: 0, minute: 0, second: 0 })).getUTCFullYear()).toBe(50);
  });

  it("the day, and the time for people to read (whole, or to the minute)", () => {
    expect(publishedDay("2021-01-25T11:27:00+03:00")).toBe("2021-01-25");
    expect(readablePublished("2021-01-25T11:27:00")).toBe("2021-01-25 11:27:00");
    expect(readablePublished("2021-01-25T11:27:00+03:00")).toBe("2021-01-25 11:27:00+03:00");
    expect(readablePublishedToMinute("2021-01-25T11:27:00+03:00")).toBe("2021-01-25 11:27");
  });
});

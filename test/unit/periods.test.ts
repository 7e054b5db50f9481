// Periods a trend counts by: ISO weeks across a year's end, months and years, every period
// listed between two days, and the default unit that gives 20 to 200 periods.

import { describe, expect, it } from "vitest";
import { dayNumber, dayOfNumber, defaultPeriodUnit, periodOf, periodsBetween } from "../../src/core/periods.js";

describe("periods", () => {
  it.each([
    // Thursday 2020-12-31 is in the 53rd week of 2020, and so are the first days of 2021 up to Sunday.
    ["2020-12-31", "2020-W53"],
    ["2021-01-03", "2020-W53"],
    ["2021-01-04", "2021-W01"],
    // Monday 2019-12-30 is in the first week of 2020.
    ["2019-12-30", "2020-W01"],
    ["2019-12-29", "2019-W52"],
    ["2024-12-30", "2025-W01"],
    ["2026-01-01", "2026-W01"],
  ])("puts %s in ISO week %s", (day, week) => {
    expect(periodOf(day, "week")).toBe(week);
  });

  it("names days, months and years as written", () => {
    expect(periodOf("2021-03-09", "day")).toBe("2021-03-09");
    expect(periodOf("2021-03-09", "month")).toBe("2021-03");
    expect(periodOf("2021-03-09", "year")).toBe("2021");
  });

  it("lists every period between two days, across a year's end", () => {
    expect(periodsBetween("2020-12-30", "2021-01-02", "day")).toEqual(["2020-12-30", "2020-12-31", "2021-01-01", "2021-01-02"]);
    expect(periodsBetween("2020-12-24", "2021-01-11", "week")).toEqual(["2020-W52", "2020-W53", "2021-W01", "2021-W02"]);
    expect(periodsBetween("2019-12-23", "2020-01-06", "week")).toEqual(["2019-W52", "2020-W01", "2020-W02"]);
    expect(periodsBetween("2020-11-30", "2021-02-01", "month")).toEqual(["2020-11", "2020-12", "2021-01", "2021-02"]);
    expect(periodsBetween("2019-05-01", "2021-01-01", "year")).toEqual(["2019", "2020", "2021"]);
    expect(periodsBetween("2021-02-28", "2021-03-01", "day")).toEqual(["2021-02-28", "2021-03-01"]);
    expect(periodsBetween("2020-02-28", "2020-03-01", "day")).toEqual(["2020-02-28", "2020-02-29", "2020-03-01"]);
  });

  it("chooses the finest unit that gives at most 200 periods", () => {
    expect(defaultPeriodUnit("2021-01-01", "2021-01-01")).toBe("day");
    expect(defaultPeriodUnit("2021-01-01", "2021-07-19")).toBe("day"); // 200 days
    expect(defaultPeriodUnit("2021-01-01", "2021-07-20")).toBe("week"); // 201 days, 29 weeks
    expect(defaultPeriodUnit("2015-01-01", "2021-01-01")).toBe("month"); // 73 months
    expect(defaultPeriodUnit("1990-01-01", "2021-01-01")).toBe("year");
  });

  it.each([
    ["1900-01-01", 0],
    ["1900-03-01", 59],
    ["1970-01-01", 25_567],
    ["2016-02-29", 42_427],
    ["2079-06-06", 65_535],
  ])("numbers %s as day %i since 1900, and back", (day, number) => {
    expect(dayNumber(day)).toBe(number);
    expect(dayOfNumber(number)).toBe(day);
  });

  it.each(["1899-12-31", "2015-02-29", "2015-13-01", "2015-7-01", "0015-07-01", "2015-07-01T10"])("numbers no day for %s", (text) => {
    expect(dayNumber(text)).toBeNull();
  });
});

// The shared filters of the command line: parseTimeBound (--since/--until, inclusive) and makeRecordPredicate (since, until, folded agency, ids in any digit set).
import { describe, expect, it } from "vitest";
import { makeRecordPredicate, parseTimeBound, type RecordFilter } from "../../src/core/filters.js";
import type { ArticleRecord } from "../../src/core/record.js";
import { articleRecord as record } from "../helpers/article-record.js";

function bound(value: string, side: "since" | "until") {
  const parsed = parseTimeBound(value, side);
  expect(parsed, `${value} should be a valid --${side}`).not.toBeNull();
  return parsed!;
}

function keeps(filter: RecordFilter, fields: Partial<ArticleRecord>): boolean {
  return makeRecordPredicate(filter)(record(fields));
}

describe("parseTimeBound", () => {
  it("a date as --since starts at 00:00:00 of that day", () => {
    expect(parseTimeBound("2021-01-25", "since")).toMatchObject({ local: "2021-01-25T00:00:00" });
  });

  it("a date as --until ends at 23:59:59 of that day (inclusive)", () => {
    expect(parseTimeBound("2021-01-25", "until")).toMatchObject({ local: "2021-01-25T23:59:59" });
  });

  it("a full ISO time is taken as given, on either side", () => {
    expect(parseTimeBound("2021-01-25T11:27:30", "since")).toMatchObject({ local: "2021-01-25T11:27:30" });
    expect(parseTimeBound("2021-01-25T11:27:30", "until")).toMatchObject({ local: "2021-01-25T11:27:30" });
  });

  it("a full ISO time without seconds has seconds 00", () => {
    expect(parseTimeBound("2021-01-25T11:27", "since")).toMatchObject({ local: "2021-01-25T11:27:00" });
  });

  it("a full ISO time with an offset names an instant", () => {
    const withOffset = bound("2021-01-25T11:27:00+03:30", "since");
    expect(withOffset.local).toBe("2021-01-25T11:27:00");
    expect(withOffset.instant).toBe(Date.UTC(2021, 0, 25, 7, 57, 0));
    expect(bound("2021-01-25T11:27:00Z", "until").instant).toBe(Date.UTC(2021, 0, 25, 11, 27, 0));
  });

  it.each([
    ["a word", "yesterday"],
    ["an empty value", ""],
    ["30 February", "2021-02-30"],
    ["29 February of a common year", "2021-02-29"],
    ["month 13", "2021-13-01"],
    ["day 0", "2021-01-00"],
    ["hour 24", "2021-01-25T24:00:00"],
    ["minute 60", "2021-01-25T11:60"],
    ["a day-first date", "25-01-2021"],
    ["a date with trailing text", "2021-01-25 and later"],
  ])("%s (%s) is not a bound", (_name, value) => {
    expect(parseTimeBound(value, "since")).toBeNull();
    expect(parseTimeBound(value, "until")).toBeNull();
  });

  it("29 February of a leap year is a bound", () => {
    expect(parseTimeBound("2024-02-29", "until")).toMatchObject({ local: "2024-02-29T23:59:59" });
  });
});

describe("makeRecordPredicate: time bounds", () => {
  const since = bound("2021-01-25", "since");
  const until = bound("2021-01-25", "until");

  it("--since is inclusive: a record at 00:00:00 of that day is kept, one a second earlier is not", () => {
    expect(keeps({ since }, { published: "2021-01-25T00:00:00" })).toBe(true);
    expect(keeps({ since }, { published: "2021-01-24T23:59:59" })).toBe(false);
    expect(keeps({ since }, { published: "2022-06-01T08:00:00" })).toBe(true);
  });

  it("--until is inclusive: a record at 23:59:59 of that day is kept, the next midnight is not", () => {
    expect(keeps({ until }, { published: "2021-01-25T23:59:59" })).toBe(true);
    expect(keeps({ until }, { published: "2021-01-26T00:00:00" })).toBe(false);
    expect(keeps({ until }, { published: "2020-01-01T00:00:00" })).toBe(true);
  });

  it("--since and --until on the same day keep exactly that day", () => {
    expect(keeps({ since, until }, { published: "2021-01-25T11:27:00" })).toBe(true);
    expect(keeps({ since, until }, { published: "2021-01-24T11:27:00" })).toBe(false);
    expect(keeps({ since, until }, { published: "2021-01-26T11:27:00" })).toBe(false);
  });

  it("a full-time bound compares to the second", () => {
    const at = bound("2021-01-25T11:27:00", "since");
    expect(keeps({ since: at }, { published: "2021-01-25T11:27:00" })).toBe(true);
    expect(keeps({ since: at }, { published: "2021-01-25T11:26:59" })).toBe(false);
  });

  it("records published with an offset (--tz) compare by their local date against a date bound", () => {
    expect(keeps({ since, until }, { published: "2021-01-25T00:30:00+03:30" })).toBe(true);
    expect(keeps({ since, until }, { published: "2021-01-26T00:30:00+03:30" })).toBe(false);
  });

  it("a bound with an offset and a record with an offset compare as instants", () => {
    const sinceInstant = bound("2021-01-25T08:00:00Z", "since");
    // 11:27+03:30 is 07:57Z (before), 11:45+03:30 is 08:15Z (after).
    expect(keeps({ since: sinceInstant }, { published: "2021-01-25T11:27:00+03:30" })).toBe(false);
    expect(keeps({ since: sinceInstant }, { published: "2021-01-25T11:45:00+03:30" })).toBe(true);
  });

  it("records with published null are excluded when a time bound is set", () => {
    expect(keeps({ since }, { published: null })).toBe(false);
    expect(keeps({ until }, { published: null })).toBe(false);
  });

  it("records with published null are kept when no time bound is set", () => {
    expect(keeps({}, { published: null })).toBe(true);
    expect(keeps({ agencies: ["تنا"] }, { published: null })).toBe(true);
  });
});

describe("makeRecordPredicate: agencies", () => {
  it("matches the agency exactly", () => {
    expect(keeps({ agencies: ["تنا"] }, { agency: "تنا" })).toBe(true);
    expect(keeps({ agencies: ["تنا"] }, { agency: "واس" })).toBe(false);
  });

  it("compares folded: الشرق الاوسط finds الشرق الأوسط", () => {
    expect(keeps({ agencies: ["الشرق الاوسط"] }, { agency: "الشرق الأوسط" })).toBe(true);
    expect(keeps({ agencies: ["الشرق الأوسط"] }, { agency: "الشرق الاوسط" })).toBe(true);
  });

  it("folding ignores harakat and tatweel and teh marbuta / heh differences", () => {
    expect(keeps({ agencies: ["وكالة الانباء"] }, { agency: "وكالةُ الأنبـاء" })).toBe(true);
    expect(keeps({ agencies: ["وكاله الانباء"] }, { agency: "وكالة الأنباء" })).toBe(true);
  });

  it("does not keep a different agency that only shares words", () => {
    expect(keeps({ agencies: ["الشرق"] }, { agency: "الشرق الأوسط" })).toBe(false);
  });

  it("several agencies: any of them", () => {
    const filter = { agencies: ["واس", "الشرق الاوسط"] };
    expect(keeps(filter, { agency: "واس" })).toBe(true);
    expect(keeps(filter, { agency: "الشرق الأوسط" })).toBe(true);
    expect(keeps(filter, { agency: "تنا" })).toBe(false);
  });

  it("a record with no agency is excluded by an agency filter", () => {
    expect(keeps({ agencies: ["تنا"] }, { agency: null })).toBe(false);
  });

  it("the record's agency text is not changed by matching", () => {
    const r = record({ agency: "الشرق الأوسط" });
    makeRecordPredicate({ agencies: ["الشرق الاوسط"] })(r);
    expect(r.agency).toBe("الشرق الأوسط");
  });
});

describe("makeRecordPredicate: ids", () => {
  it("matches ASCII ids", () => {
    expect(keeps({ ids: ["490728"] }, { id: "490728" })).toBe(true);
    expect(keeps({ ids: ["490728"] }, { id: "490729" })).toBe(false);
  });

  it("Arabic-Indic and Persian digits match the record's ASCII id", () => {
    expect(keeps({ ids: ["٤٩٠٧٢٨"] }, { id: "490728" })).toBe(true);
    expect(keeps({ ids: ["۴۹۰۷۲۸"] }, { id: "490728" })).toBe(true);
    expect(keeps({ ids: ["٤٩٠٧٢٩"] }, { id: "490728" })).toBe(false);
  });

  it("several ids: any of them", () => {
    const filter = { ids: ["1", "٢"] };
    expect(keeps(filter, { id: "1" })).toBe(true);
    expect(keeps(filter, { id: "2" })).toBe(true);
    expect(keeps(filter, { id: "3" })).toBe(false);
  });

  it("a record with id null is excluded by an id filter", () => {
    expect(keeps({ ids: ["490728"] }, { id: null })).toBe(false);
  });
});

describe("makeRecordPredicate: combined", () => {
  it("no filter keeps every record", () => {
    expect(keeps({}, {})).toBe(true);
    expect(keeps({}, { id: null, agency: null, published: null })).toBe(true);
  });

  it("every given filter must accept the record", () => {
    const filter: RecordFilter = {
      since: bound("2021-01-01", "since"),
      until: bound("2021-01-31", "until"),
      agencies: ["تنا"],
      ids: ["490728"],
    };
    expect(keeps(filter, {})).toBe(true);
    expect(keeps(filter, { agency: "واس" })).toBe(false);
    expect(keeps(filter, { id: "1" })).toBe(false);
    expect(keeps(filter, { published: "2021-02-01T00:00:00" })).toBe(false);
  });
});

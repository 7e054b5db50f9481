// The details of the layout a user meets in warnings: each warning's line and message, marks
// that reading puts on lines (bytes replaced, lines cut), where an agency line and a title stop
// being one, and articles longer than the parser's look-back.

import { describe, expect, it } from "vitest";
import { DumpParser } from "../../src/core/dump-parser.js";
import type { LineMarks } from "../../src/core/dump-line.js";
import type { ArticleRecord, DumpProblem } from "../../src/core/record.js";

type MarkedLine = string | [string, Partial<LineMarks>];

/** Parses lines (a line may carry reading marks); returns records and problems. */
function parse(lines: readonly MarkedLine[]): { records: ArticleRecord[]; problems: DumpProblem[] } {
  const parser = new DumpParser({ file: "f.txt" });
  for (const line of lines) {
    if (typeof line === "string") parser.push(line);
    else parser.push(line[0], { hasInvalidBytes: false, isCut: false, ...line[1] });
  }
  parser.end();
  const items = parser.take();
  return { records: items.flatMap((item) => (item.record ? [item.record] : [])), problems: items.flatMap((item) => item.problems) };
}

const HEADER = ["افتتاح معرض الكتاب في الرياض", "واس", "25 Jan 2021 ساعة 11:27"];
const BODY = "افتتح وزير الثقافة معرض الكتاب صباح اليوم.";

describe("each warning: its line and its message", () => {
  it("missing-number, at the article's first line", () => {
    const { records, problems } = parse([...HEADER, BODY]);
    expect(records[0]!.warnings).toEqual(["missing-number"]);
    expect(problems).toEqual([{ file: "f.txt", line: 1, code: "missing-number", message: "no number line (رقم: ...) closes this article" }]);
  });

  it("missing-header, at the first line of the text a number line closes", () => {
    const { records, problems } = parse(["", "نص بلا عنوان ولا وكالة.", "رقم: 5"]);
    expect(records).toEqual([expect.objectContaining({ id: "5", headline: null, agency: null, body: "نص بلا عنوان ولا وكالة.", line: 2, warnings: ["missing-header"] })]);
    expect(problems).toEqual([{ file: "f.txt", line: 2, code: "missing-header", message: "no agency and date line before this number line" }]);
  });

  it("missing-headline, at the agency line", () => {
    const { records, problems } = parse(["", "واس", "25 Jan 2021 ساعة 11:27", BODY, "رقم: 6"]);
    expect(records[0]).toMatchObject({ headline: null, agency: "واس", line: 2, warnings: ["missing-headline"] });
    expect(problems).toEqual([{ file: "f.txt", line: 2, code: "missing-headline", message: "no headline above the agency line" }]);
  });

  it("missing-body, at the date line", () => {
    const { records, problems } = parse([...HEADER, "رقم: 7"]);
    expect(records[0]).toMatchObject({ body: "", id: "7", warnings: ["missing-body"] });
    expect(problems).toEqual([{ file: "f.txt", line: 3, code: "missing-body", message: "no body paragraph after the date line" }]);
  });

  it("invalid-date quotes the date line and says why", () => {
    const { problems } = parse([HEADER[0]!, HEADER[1]!, "31 Apr 2021 ساعة 11:27", BODY, "رقم: 8"]);
    expect(problems).toEqual([{ file: "f.txt", line: 3, code: "invalid-date", message: '2021-04-31 does not exist: "31 Apr 2021 ساعة 11:27"' }]);
  });

  it("stray-text counts the lines, one or many", () => {
    expect(parse(["سطر تائه."]).problems).toEqual([{ file: "f.txt", line: 1, code: "stray-text", message: "1 line outside any article (no agency and date line above them)" }]);
    expect(parse(["", "سطر تائه.", "وسطر آخر."]).problems).toEqual([{ file: "f.txt", line: 2, code: "stray-text", message: "2 lines outside any article (no agency and date line above them)" }]);
  });
});

describe("marks from reading", () => {
  it("a line with replaced bytes gives its article invalid-utf8 at that line, once", () => {
    const { records, problems } = parse([...HEADER, [BODY, { hasInvalidBytes: true }], ["فقرة ثانية.", { hasInvalidBytes: true }], "رقم: 9"]);
    expect(records[0]!.warnings).toEqual(["invalid-utf8"]);
    expect(problems).toEqual([{ file: "f.txt", line: 4, code: "invalid-utf8", message: "bytes that are not valid UTF-8 were replaced by U+FFFD" }]);
  });

  it("replaced bytes in a title count too", () => {
    const { records } = parse([[HEADER[0]!, { hasInvalidBytes: true }], HEADER[1]!, HEADER[2]!, BODY, "رقم: 9"]);
    expect(records[0]!.warnings).toEqual(["invalid-utf8"]);
  });

  it("a cut line gives line-too-long, in an article and in stray text", () => {
    const inArticle = parse([...HEADER, [BODY, { isCut: true }], "رقم: 10"]);
    expect(inArticle.records[0]!.warnings).toEqual(["line-too-long"]);
    expect(inArticle.problems).toEqual([expect.objectContaining({ line: 4, code: "line-too-long" })]);
    const stray = parse([["سطر طويل جدا", { isCut: true, hasInvalidBytes: true }]]);
    expect(stray.problems.map((problem) => [problem.line, problem.code])).toEqual([[1, "stray-text"], [1, "invalid-utf8"], [1, "line-too-long"]]);
  });
});

describe("what counts as an agency line or a title", () => {
  /** An article whose body has a date paragraph under `above`: is that read as a header? */
  function readsHeaderUnder(above: string): boolean {
    const { records } = parse([...HEADER, "الفقرة الأولى من الخبر الأول تنتهي هنا.", "عنوان قصير", above, "26 Jan 2021 ساعة 09:00", "فقرة.", "رقم: 11"]);
    return records.some((record) => record.warnings.includes("header-in-body")) || records.length > 1;
  }

  it("an agency line has at most 60 characters", () => {
    expect(readsHeaderUnder("و".repeat(60))).toBe(true);
    expect(readsHeaderUnder("و".repeat(61))).toBe(false);
  });

  it("an agency line has at most 8 words", () => {
    expect(readsHeaderUnder("أ ب ت ث ج ح خ د")).toBe(true);
    expect(readsHeaderUnder("أ ب ت ث ج ح خ د ذ")).toBe(false);
  });

  it("an agency line does not end a sentence", () => {
    expect(readsHeaderUnder("وكالة الأنباء.")).toBe(false);
  });

  it("a title has at most 200 characters: a longer line above the agency is a paragraph", () => {
    const titled = (headline: string) => parse(["", headline, "واس", "25 Jan 2021 ساعة 11:27", BODY, "رقم: 12"]).records[0]!;
    expect(titled("ع".repeat(200)).headline).toBe("ع".repeat(200));
  });
});

describe("long articles", () => {
  it("an article with more body lines than the parser looks back over for a header is read whole", () => {
    const paragraphs = Array.from({ length: 10_100 }, (_, i) => `الفقرة رقم ${i + 1} من خبر طويل جدا.`);
    const { records, problems } = parse([...HEADER, ...paragraphs, "رقم: 13"]);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]!.body.split("\n")).toHaveLength(paragraphs.length);
  });

  it("a date line as the very last line of a file still makes an article (without a body)", () => {
    const { records } = parse(HEADER);
    expect(records[0]).toMatchObject({ headline: HEADER[0], published: "2021-01-25T11:27:00", body: "", warnings: ["missing-number", "missing-body"] });
  });
});

describe("finding the next article after a lost number line, one rule at a time", () => {
  // The damaged article's last paragraph ends no sentence, so that only the rule under test can
  // find the next header.
  const DAMAGED = ["افتتاح معرض الكتاب", "تنا", "3 فبراير 2021 ساعة 09:15", "قال المنظمون إن المعرض سيبقى مفتوحا"];
  const NEXT_BODY = ["ارتفعت أسعار الذهب في الأسواق اليوم.", "رقم: 2"];
  const summary = (lines: string[]) => parse(lines).records.map((record) => [record.id, record.headline, record.subheadline, record.line, record.warnings]);

  it("a blank line, then at most two titles: a new article (another agency)", () => {
    expect(summary([...DAMAGED, "", "ارتفاع أسعار الذهب", "واس", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY])).toEqual([
      [null, "افتتاح معرض الكتاب", null, 1, ["missing-number"]],
      ["2", "ارتفاع أسعار الذهب", null, 6, []],
    ]);
    expect(summary([...DAMAGED, "", "ارتفاع أسعار الذهب", "في الأسواق العالمية", "واس", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY])).toEqual([
      [null, "افتتاح معرض الكتاب", null, 1, ["missing-number"]],
      ["2", "ارتفاع أسعار الذهب", "في الأسواق العالمية", 6, []],
    ]);
  });

  it("a desk line, then a title: a new article", () => {
    expect(summary([...DAMAGED, "/15", "ارتفاع أسعار الذهب", "واس", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY])).toEqual([
      [null, "افتتاح معرض الكتاب", null, 1, ["missing-number"]],
      ["2", "ارتفاع أسعار الذهب", null, 6, []],
    ]);
  });

  it("the same agency straight after the body, with two titles: a new article", () => {
    // Nothing else would find it: the paragraph above the titles ends no sentence.
    expect(summary([...DAMAGED, "ارتفاع أسعار الذهب", "في الأسواق العالمية", "تنا", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY])).toEqual([
      [null, "افتتاح معرض الكتاب", null, 1, ["missing-number"]],
      ["2", "ارتفاع أسعار الذهب", "في الأسواق العالمية", 5, []],
    ]);
  });

  it("the same agency under a line that is no title takes only the line above the agency as headline", () => {
    const long = "ع".repeat(201);
    expect(summary([...DAMAGED, long, "ارتفاع أسعار الذهب", "تنا", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY])).toEqual([
      [null, "افتتاح معرض الكتاب", null, 1, ["missing-number"]],
      ["2", "ارتفاع أسعار الذهب", null, 6, []],
    ]);
  });

  it("another agency under a paragraph that ends a sentence: one title, or two", () => {
    const ended = [...DAMAGED.slice(0, 3), "قال المنظمون إن المعرض سيبقى مفتوحا."];
    expect(summary([...ended, "ارتفاع أسعار الذهب", "واس", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY])).toEqual([
      [null, "افتتاح معرض الكتاب", null, 1, ["missing-number"]],
      ["2", "ارتفاع أسعار الذهب", null, 5, []],
    ]);
    expect(summary([...ended, "ارتفاع أسعار الذهب", "في الأسواق العالمية", "واس", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY])).toEqual([
      [null, "افتتاح معرض الكتاب", null, 1, ["missing-number"]],
      ["2", "ارتفاع أسعار الذهب", "في الأسواق العالمية", 5, []],
    ]);
  });

  it("another agency straight under a paragraph that ends a sentence, with no title between: body text, reported", () => {
    const ended = [...DAMAGED.slice(0, 3), "قال المنظمون إن المعرض سيبقى مفتوحا."];
    expect(summary([...ended, "واس", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY])).toEqual([["2", "افتتاح معرض الكتاب", null, 1, ["header-in-body"]]]);
  });

  it("three titles under a paragraph that ends a sentence, another agency: at most two titles are proof, so body text", () => {
    const ended = [...DAMAGED.slice(0, 3), "قال المنظمون إن المعرض سيبقى مفتوحا."];
    const lines = [...ended, "عنوان أول", "عنوان ثان", "عنوان ثالث", "واس", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY];
    expect(summary(lines)).toEqual([["2", "افتتاح معرض الكتاب", null, 1, ["header-in-body"]]]);
  });

  it("the same agency straight after a damaged article without a body: its two titles start the next one", () => {
    const lines = [...DAMAGED.slice(0, 3), "ارتفاع أسعار الذهب", "في الأسواق العالمية", "تنا", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY];
    expect(summary(lines)).toEqual([
      [null, "افتتاح معرض الكتاب", null, 1, ["missing-number", "missing-body"]],
      ["2", "ارتفاع أسعار الذهب", "في الأسواق العالمية", 4, []],
    ]);
  });

  it("three titles without a lead after a blank line, another agency, no sentence end: nothing proves an article", () => {
    const lines = [...DAMAGED, "", "عنوان أول", "عنوان ثان", "عنوان ثالث", "واس", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY];
    expect(summary(lines)).toEqual([["2", "افتتاح معرض الكتاب", null, 1, ["header-in-body"]]]);
  });

  it("an agency line straight under the damaged article's date line, with no title between, is body text", () => {
    const lines = [...DAMAGED.slice(0, 3), "واس", "4 فبراير 2021 ساعة 10:00", ...NEXT_BODY];
    expect(summary(lines)).toEqual([["2", "افتتاح معرض الكتاب", null, 1, []]]);
    expect(parse(lines).records[0]!.body.split("\n")).toEqual(["واس", "4 فبراير 2021 ساعة 10:00", NEXT_BODY[0]]);
  });
});

describe("a long preamble", () => {
  it("is reported in pieces as it is read, and the header lines at its end are kept for the article", () => {
    const preamble = Array.from({ length: 10_003 }, (_, i) => `سطر تمهيدي رقم ${i + 1}.`);
    const { records, problems } = parse([...preamble, "", ...HEADER, BODY, "رقم: 3"]);
    expect(records.map((record) => [record.id, record.headline, record.line])).toEqual([["3", HEADER[0], 10_005]]);
    expect(problems.map((problem) => [problem.line, problem.code, problem.message])).toEqual([
      [1, "stray-text", "9993 lines outside any article (no agency and date line above them)"],
      [9994, "stray-text", "10 lines outside any article (no agency and date line above them)"],
    ]);
  });
});

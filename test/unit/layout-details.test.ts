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

// The query language of docs/search.md: words, OR, -word, "phrases", prefix*, field:word and field:"phrase", their errors with 1-based columns, and that no input can crash the parser.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuery, QuerySyntaxError, SEARCH_FIELDS, type ParsedQuery, type QueryTerm } from "../../src/core/query.js";

/** The error parseQuery throws for a query; fails the test when it parses or throws something else. */
function syntaxError(query: string): QuerySyntaxError {
  try {
    parseQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(QuerySyntaxError);
    return error as QuerySyntaxError;
  }
  expect.fail(`"${query}" should not parse`);
}

/** Terms of each clause, as [negated?, terms]. */
function shape(query: ParsedQuery): Array<[boolean, QueryTerm[]]> {
  return query.clauses.map((clause) => [clause.isNegated, clause.alternatives]);
}

describe("words", () => {
  it("each word is a clause that must match (AND)", () => {
    const parsed = parseQuery("الجيش السوري");
    expect(parsed.clauses).toHaveLength(2);
    expect(parsed.clauses.every((clause) => !clause.isNegated && clause.alternatives.length === 1)).toBe(true);
    expect(parsed.clauses[0]!.alternatives[0]).toMatchObject({ kind: "word", field: null, token: "الجيش", stem: "جيش" });
    expect(parsed.clauses[1]!.alternatives[0]).toMatchObject({ kind: "word", field: null, token: "السوري" });
  });

  it("words are folded like the text: harakat, alef forms, ة, digits, case", () => {
    const tokens = parseQuery("مُسْتَشْفَى إحياء مدينة ٢٠٢١ Reuters").clauses.map((c) => c.alternatives[0]);
    expect(tokens.map((t) => (t!.kind === "word" ? t!.token : null))).toEqual(["مستشفي", "احياء", "مدينه", "2021", "reuters"]);
  });

  it("extra white space between words does not matter", () => {
    expect(parseQuery("  حلب \t  حمص ").clauses.map((c) => c.alternatives[0])).toMatchObject([{ token: "حلب" }, { token: "حمص" }]);
    expect(parseQuery("  حلب \t  حمص ").clauses).toHaveLength(2);
  });

  it("punctuation around a word is not part of it", () => {
    expect(parseQuery("حلب،").clauses[0]!.alternatives[0]).toMatchObject({ kind: "word", token: "حلب", stem: "حلب" });
    expect(parseQuery("(حلب)").clauses[0]!.alternatives[0]).toMatchObject({ kind: "word", token: "حلب" });
  });
});

describe("OR", () => {
  it("OR makes one clause of the words on either side", () => {
    const [clause] = parseQuery("حلب OR حمص").clauses;
    expect(parseQuery("حلب OR حمص").clauses).toHaveLength(1);
    expect(clause!.isNegated).toBe(false);
    expect(clause!.alternatives.map((t) => t.kind === "word" && t.token)).toEqual(["حلب", "حمص"]);
  });

  it("OR binds only the neighbouring words; the others stay required", () => {
    const clauses = parseQuery("قصف حلب OR حمص دمشق").clauses;
    expect(clauses.map((c) => c.alternatives.map((t) => t.kind === "word" && t.token))).toEqual([["قصف"], ["حلب", "حمص"], ["دمشق"]]);
  });

  it("a chain of ORs is one clause", () => {
    const clauses = parseQuery("حلب OR حمص OR ادلب").clauses;
    expect(clauses).toHaveLength(1);
    expect(clauses[0]!.alternatives).toHaveLength(3);
  });

  it("OR can join phrases, prefixes and fielded words", () => {
    const [clause] = parseQuery('"دير الزور" OR حلب* OR headline:حمص').clauses;
    expect(clause!.alternatives.map((t) => [t.kind, t.field])).toEqual([
      ["phrase", null],
      ["prefix", null],
      ["word", "headline"],
    ]);
  });

  it("lower-case or is an ordinary word", () => {
    expect(parseQuery("حلب or حمص").clauses).toHaveLength(3);
  });
});

describe("-word", () => {
  it("a word after - is a negated clause", () => {
    const clauses = shape(parseQuery("تنظيم -داعش"));
    expect(clauses).toHaveLength(2);
    expect(clauses[0]![0]).toBe(false);
    expect(clauses[1]![0]).toBe(true);
    expect(clauses[1]![1][0]).toMatchObject({ kind: "word", token: "داعش" });
  });

  it("- can negate a phrase or a fielded word", () => {
    const clauses = parseQuery('حلب -"دير الزور" -agency:سانا').clauses;
    expect(clauses.map((c) => c.isNegated)).toEqual([false, true, true]);
    expect(clauses[1]!.alternatives[0]).toMatchObject({ kind: "phrase", tokens: ["دير", "الزور"] });
    expect(clauses[2]!.alternatives[0]).toMatchObject({ kind: "word", field: "agency", token: "سانا" });
  });

  it("a hyphen inside a word does not negate it", () => {
    expect(parseQuery("ف-16").clauses[0]!.isNegated).toBe(false);
  });
});

describe('"phrases"', () => {
  it("quoted words are one phrase of folded tokens, in order", () => {
    const clauses = parseQuery('"دير الزور"').clauses;
    expect(clauses).toHaveLength(1);
    expect(clauses[0]!.alternatives[0]).toMatchObject({ kind: "phrase", field: null, tokens: ["دير", "الزور"] });
  });

  it("a phrase is folded like the text", () => {
    expect(parseQuery('"مُدِينَة الحسكة"').clauses[0]!.alternatives[0]).toMatchObject({ kind: "phrase", tokens: ["مدينه", "الحسكه"] });
  });

  it("a phrase next to words", () => {
    const clauses = parseQuery('طريق "دير الزور" دمشق').clauses;
    expect(clauses.map((c) => c.alternatives[0]!.kind)).toEqual(["word", "phrase", "word"]);
  });
});

describe("prefix*", () => {
  it("word* is a prefix term of the folded word", () => {
    expect(parseQuery("مدرس*").clauses[0]!.alternatives[0]).toMatchObject({ kind: "prefix", field: null, token: "مدرس" });
    expect(parseQuery("إحتل*").clauses[0]!.alternatives[0]).toMatchObject({ kind: "prefix", token: "احتل" });
    expect(parseQuery("٢٠٢*").clauses[0]!.alternatives[0]).toMatchObject({ kind: "prefix", token: "202" });
  });
});

describe("field:word", () => {
  it.each(SEARCH_FIELDS.map((field) => [field]))("%s:word limits the word to that field", (field) => {
    const clauses = parseQuery(`${field}:حلب`).clauses;
    expect(clauses).toHaveLength(1);
    expect(clauses[0]!.alternatives[0]).toMatchObject({ kind: "word", field, token: "حلب" });
  });

  it("all five fields are known: headline, subheadline, lead, body, agency", () => {
    expect([...SEARCH_FIELDS].sort()).toEqual(["agency", "body", "headline", "lead", "subheadline"]);
  });

  it('field:"phrase" is a phrase in that field', () => {
    expect(parseQuery('headline:"دير الزور"').clauses[0]!.alternatives[0]).toMatchObject({
      kind: "phrase",
      field: "headline",
      tokens: ["دير", "الزور"],
    });
  });

  it("field:prefix* is a prefix in that field", () => {
    expect(parseQuery("body:مدرس*").clauses[0]!.alternatives[0]).toMatchObject({ kind: "prefix", field: "body", token: "مدرس" });
  });

  it("the field applies to its own word only", () => {
    const clauses = parseQuery("agency:AFP حلب").clauses;
    expect(clauses[0]!.alternatives[0]).toMatchObject({ field: "agency", token: "afp" });
    expect(clauses[1]!.alternatives[0]).toMatchObject({ field: null, token: "حلب" });
  });
});

describe("combinations", () => {
  it('headline:حلب "دير الزور" -داعش قصف* lead:حمص OR body:ادلب', () => {
    const clauses = parseQuery('headline:حلب "دير الزور" -داعش قصف* lead:حمص OR body:ادلب').clauses;
    expect(clauses.map((c) => [c.isNegated, c.alternatives.map((t) => `${t.kind}/${t.field ?? "*"}`)])).toEqual([
      [false, ["word/headline"]],
      [false, ["phrase/*"]],
      [true, ["word/*"]],
      [false, ["prefix/*"]],
      [false, ["word/lead", "word/body"]],
    ]);
  });
});

describe("errors carry the 1-based column of the problem", () => {
  it("an unclosed quote: the column of the quote", () => {
    expect(syntaxError('حلب "دير الزور').column).toBe(5);
    expect(syntaxError('"').column).toBe(1);
  });

  it("OR at the start", () => {
    expect(syntaxError("OR حلب").column).toBe(1);
  });

  it("OR at the end", () => {
    expect(syntaxError("حلب OR").column).toBe(5);
  });

  it("OR OR: the second OR", () => {
    expect(syntaxError("حلب OR OR حمص").column).toBe(8);
  });

  it("an unknown field: the field name", () => {
    expect(syntaxError("title:حلب").column).toBe(1);
    expect(syntaxError("حلب title:حمص").column).toBe(5);
  });

  it('"headline:" with nothing after: just past the colon', () => {
    expect(syntaxError("headline:").column).toBe(10);
    expect(syntaxError("حلب headline:").column).toBe(14);
    expect(syntaxError("headline: حلب").column).toBe(10);
  });

  it("a lone *", () => {
    expect(syntaxError("*").column).toBe(1);
    expect(syntaxError("حلب *").column).toBe(5);
  });

  it("a * inside a word: the word or its *", () => {
    // Either the start of the word "مد*رس" (5) or its "*" (7) is the position of the problem.
    expect([5, 7]).toContain(syntaxError("حلب مد*رس").column);
    expect([1, 2]).toContain(syntaxError("a*b").column);
  });

  it("an empty query", () => {
    expect(syntaxError("").column).toBe(1);
    const blank = syntaxError("   ").column;
    expect(blank).toBeGreaterThanOrEqual(1);
    expect(blank).toBeLessThanOrEqual(4);
  });

  it("a word of only punctuation: that word", () => {
    expect(syntaxError("حلب ؟!").column).toBe(5);
    expect(syntaxError("...").column).toBe(1);
    expect(syntaxError('حلب ""').column).toBe(5);
  });

  it("-word as the second side of OR: the -word", () => {
    expect(syntaxError("حلب OR -حمص").column).toBe(8);
  });

  it("-word as the first side of OR: the -word (or the OR), not the plain word after it", () => {
    // "-حلب" is at column 1, OR at column 6, "حمص" at column 9.
    expect([1, 6]).toContain(syntaxError("-حلب OR حمص").column);
  });

  it("columns count characters, not UTF-16 units", () => {
    // 𝕏 is one character (two UTF-16 units); the quote is the 3rd character.
    expect(syntaxError('𝕏 "حلب').column).toBe(3);
  });
});

// ---- No input can crash the parser -------------------------------------------------------------

/** Pieces that make queries close to the syntax: operators, fields, quotes, stars, words. */
const queryPiece = fc.constantFrom(
  " ", " ", " ", "OR", "OR", "-", '"', '"', "*", ":", "headline:", "body:", "lead:", "agency:", "subheadline:", "title:",
  "حلب", "الجيش", "مُحَمَّد", "٢٠٢١", "abc", "،", "؟", "\t", "\u200C", "\u064E", "x", "HEADLINE:", "-headline:",
);
const RUNS_EACH = 3000;

function parsesOrThrowsWithColumn(query: string): void {
  let parsed: ParsedQuery;
  try {
    parsed = parseQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(QuerySyntaxError);
    const { column } = error as QuerySyntaxError;
    expect(Number.isInteger(column)).toBe(true);
    expect(column).toBeGreaterThanOrEqual(1);
    expect(column).toBeLessThanOrEqual([...query].length + 1);
    return;
  }
  // What parses is usable: at least one clause, no empty alternatives, tokens of letters and digits.
  expect(parsed.clauses.length).toBeGreaterThan(0);
  for (const clause of parsed.clauses) {
    expect(clause.alternatives.length).toBeGreaterThan(0);
    if (clause.isNegated) expect(clause.alternatives).toHaveLength(1);
    for (const term of clause.alternatives) {
      const tokens = term.kind === "phrase" ? term.tokens : [term.token];
      expect(tokens.length).toBeGreaterThan(0);
      for (const token of tokens) expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
    }
  }
}

describe("any input either parses or throws QuerySyntaxError with a column in 1..length+1", () => {
  it("fc.string (printable ASCII)", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), parsesOrThrowsWithColumn), { numRuns: RUNS_EACH });
  });

  it("full Unicode code points", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), parsesOrThrowsWithColumn), { numRuns: RUNS_EACH });
  });

  it("graphemes", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), parsesOrThrowsWithColumn), { numRuns: 2000 });
  });

  it("pieces of the query syntax", () => {
    fc.assert(
      fc.property(fc.array(queryPiece, { maxLength: 12 }).map((pieces) => pieces.join("")), parsesOrThrowsWithColumn),
      { numRuns: RUNS_EACH },
    );
  });
});

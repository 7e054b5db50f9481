// Matches in long text: found a piece at a time, in order, without missing a phrase that spans
// two pieces, and the first of many found without reading the rest.
import { describe, expect, it } from "vitest";
import { matchRanges } from "../../src/core/match-ranges.js";
import { parseQuery } from "../../src/core/query.js";
import { positiveTerms } from "../../src/core/search-match.js";

/** Every range the terms match, in order. */
const findMatchRanges = (...args: Parameters<typeof matchRanges>) => [...matchRanges(...args)];

const STEMMING = { isStemming: true };

describe("matchRanges over long text", () => {
  it("finds a phrase whose words fall on both sides of where the text is cut into pieces", () => {
    const filler = "كلمة ".repeat(3277);
    const text = `${filler}دير الزور نهاية`;
    expect(findMatchRanges(text, positiveTerms(parseQuery('"دير الزور"')), STEMMING)).toEqual([[filler.length, filler.length + "دير الزور".length]]);
  });

  it("gives the first matches of a line of a hundred thousand at once", () => {
    const text = "كلمة داعش ".repeat(100_000);
    const started = performance.now();
    const ranges = matchRanges(text, positiveTerms(parseQuery("داعش")), STEMMING);
    expect(ranges.next().value).toEqual([5, 9]);
    expect(ranges.next().value).toEqual([15, 19]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

// The measures of `words` and `collocates` against values worked out by hand: Dunning's G2,
// Hardie's log ratio (a zero count taken as 0.5), logDice and MI.

import { describe, expect, it } from "vitest";
import { logDice, mutualInformation } from "../../src/core/collocations.js";
import { logLikelihood, logRatio } from "../../src/core/word-frequencies.js";

describe("word measures", () => {
  it("gives G2 and the log ratio of 10 in 1,000 tokens against 20 in 10,000", () => {
    // E1 = 1000·30/11000 = 2.72727, E2 = 27.2727; G2 = 2(10 ln(10/E1) + 20 ln(20/E2)).
    expect(logLikelihood(10, 20, 1000, 10000)).toBeCloseTo(13.5795, 3);
    expect(logRatio(10, 20, 1000, 10000)).toBeCloseTo(Math.log2(5), 9);
  });

  it("takes a zero count as 0.5 for the log ratio, and as nothing for G2", () => {
    expect(logRatio(5, 0, 100, 100)).toBeCloseTo(Math.log2(10), 9);
    expect(logLikelihood(5, 0, 100, 100)).toBeCloseTo(10 * Math.LN2, 9);
  });

  it("gives logDice and MI", () => {
    expect(logDice(4, 10, 6)).toBeCloseTo(13, 9); // 14 + log2(8/16)
    expect(logDice(8, 8, 8)).toBeCloseTo(14, 9); // the most it can be
    expect(mutualInformation(4, 10, 6, 1200, 5)).toBeCloseTo(3, 9); // log2(4·1200 / (10·6·2·5))
  });
});

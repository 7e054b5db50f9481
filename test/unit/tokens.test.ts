// Tokens of folded text (docs/search.md, "Folding"): properties over Arabic-heavy and arbitrary strings, and the token search with its exact path.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldArabic } from "../../src/core/fold.js";
import { tokensContaining, tokensContainingByPattern, tokenTexts } from "../../src/core/tokens.js";
import { RUNS, texts } from "../helpers/arabic-text.js";

describe("rule 6: tokens", () => {
  it("tokens are runs of letters and digits; punctuation and spaces separate them", () => {
    expect(tokenTexts("قال محمد، في 2021: نعم؟ (لا)")).toEqual(["قال", "محمد", "في", "2021", "نعم", "لا"]);
  });

  it("letters and digits joined without a separator are one token", () => {
    expect(tokenTexts(foldArabic("ف16 و٣٥"))).toEqual(["ف16", "و35"]);
  });

  it("empty and separator-only text has no tokens", () => {
    expect(tokenTexts("")).toEqual([]);
    expect(tokenTexts(" ،.؛ - ")).toEqual([]);
  });
});

describe.each(texts)("properties over %s", (_name, arbitrary) => {
  it("tokenTexts of folded text equals the /[\\p{L}\\p{N}]+/gu tokens", () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const folded = foldArabic(text);
        expect(tokenTexts(folded)).toEqual(folded.match(/[\p{L}\p{N}]+/gu) ?? []);
      }),
      { numRuns: RUNS },
    );
  });

  it("tokenTexts of unfolded text equals the /[\\p{L}\\p{N}]+/gu tokens too", () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        expect(tokenTexts(text)).toEqual(text.match(/[\p{L}\p{N}]+/gu) ?? []);
      }),
      { numRuns: RUNS },
    );
  });

});

// The token search hands a text to an exact, slower path when a letter outside the BMP may touch
// a hit; both must give the same answers.
describe("token search and its exact path", () => {
  const pieces = fc.constantFrom("جيش", "الجيش", "و", " ", "، ", "\u{1F600}", "\u{1D400}", "12", "ab", "-", "\u{20000}");
  const foldedText = fc.array(pieces, { maxLength: 20 }).map((parts) => foldArabic(parts.join("")));
  const reference = (folded: string, fragment: string, then: number) => {
    const tokens = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
    return tokens.flatMap((token, index) => (token.includes(fragment) ? [tokens.slice(index, index + 1 + then)] : []));
  };

  // Fragments are folded query words: letters and digits, astral ones included.
  it("property: tokensContaining gives every token holding the fragment, with the tokens after it", () => {
    fc.assert(
      fc.property(foldedText, fc.constantFrom("جيش", "ش", "ال", "1", "a", "\u{1D400}", "\u{20000}"), fc.integer({ min: 0, max: 2 }), (folded, fragment, then) => {
        expect(tokensContaining(folded, fragment, then)).toEqual(reference(folded, fragment, then));
        expect(tokensContainingByPattern(folded, fragment, then)).toEqual(reference(folded, fragment, then));
      }),
      { numRuns: 2000 },
    );
  });

  it("property: tokenTexts splits on anything but letters and digits, astral ones included", () => {
    fc.assert(
      fc.property(foldedText, (folded) => {
        expect(tokenTexts(folded)).toEqual(folded.match(/[\p{L}\p{N}]+/gu) ?? []);
      }),
      { numRuns: 2000 },
    );
  });

  it("an empty fragment is in no token", () => {
    expect(tokensContaining("الجيش والشعب", "")).toEqual([]);
  });
});

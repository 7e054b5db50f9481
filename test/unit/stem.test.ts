// Light stemming of docs/search.md (Lucene's ArabicStemmer / light10): each prefix and suffix, their order and length conditions, non-Arabic tokens, and a property against a reference written from the spec.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isArabicWord, stemArabic } from "../../src/core/arabic-stem.js";
import { foldArabic } from "../../src/core/fold.js";

describe("the spec's example: الجيش, والجيش, للجيش and جيش", () => {
  it("all four stem alike", () => {
    const stems = ["الجيش", "والجيش", "للجيش", "جيش"].map(stemArabic);
    expect(new Set(stems).size).toBe(1);
    expect(stems[0]).toBe("جيش");
  });
});

describe("prefixes: at most one, the first that fits of ال وال بال كال فال لل و", () => {
  it.each([
    ["ال", "الجيش"],
    ["وال", "والجيش"],
    ["بال", "بالجيش"],
    ["كال", "كالجيش"],
    ["فال", "فالجيش"],
    ["لل", "للجيش"],
    ["و", "وجيش"],
  ])("%s is stripped: %s -> جيش", (_prefix, word) => {
    expect(stemArabic(word)).toBe("جيش");
  });

  it("وال is tried before و: والجيش loses all three letters, not just the و", () => {
    expect(stemArabic("والجيش")).toBe("جيش");
  });

  it("only one prefix is stripped: الوطن -> وطن (the و stays), وللجيش -> للجيش", () => {
    expect(stemArabic("الوطن")).toBe("وطن");
    expect(stemArabic("وللجيش")).toBe("للجيش");
  });

  it("و is stripped only from words of four letters or more", () => {
    expect(stemArabic("وقت")).toBe("وقت");
    expect(stemArabic("ولد")).toBe("ولد");
    expect(stemArabic("وزير")).toBe("زير");
    expect(stemArabic("وطن")).toBe("وطن");
  });

  it("the other prefixes are stripped only where two letters remain", () => {
    expect(stemArabic("الف")).toBe("الف"); // ال would leave one letter
    expect(stemArabic("الفن")).toBe("فن");
    expect(stemArabic("للن")).toBe("للن"); // لل would leave one letter
    expect(stemArabic("للعب")).toBe("عب");
    expect(stemArabic("بالغ")).toBe("بالغ"); // بال would leave one letter, and no other prefix fits
    expect(stemArabic("بالعب")).toBe("عب");
  });

  it("a four-letter word starting وال loses only its و (وال would leave one letter)", () => {
    expect(stemArabic("والد")).toBe("الد");
  });
});

describe("suffixes: ها ان ات ون ين يه ه ي, in that order, each once, where two letters remain", () => {
  it.each([
    ["ها", "كتابها", "كتاب"],
    ["ان", "لاعبان", "لاعب"],
    ["ات", "سيارات", "سيار"],
    ["ون", "لاعبون", "لاعب"],
    ["ين", "لاعبين", "لاعب"],
    ["يه", "عربيه", "عرب"],
    ["ه", "كتابه", "كتاب"],
    ["ي", "كتابي", "كتاب"],
  ])("%s is stripped: %s -> %s", (_suffix, word, stem) => {
    expect(stemArabic(word)).toBe(stem);
  });

  it("several suffixes go in the listed order: سياراتها -> سيار (ها, then ات)", () => {
    expect(stemArabic("سياراتها")).toBe("سيار");
    expect(stemArabic("معلماتها")).toBe("معلم");
  });

  it("a suffix earlier in the list is not looked at again: لسانه -> لسان, while لسان -> لس", () => {
    expect(stemArabic("لسانه")).toBe("لسان");
    expect(stemArabic("لسان")).toBe("لس");
  });

  it("each suffix is stripped once only", () => {
    expect(stemArabic("كتابهه")).toBe("كتابه");
    expect(stemArabic("كرسيي")).toBe("كرسي");
  });

  it("a suffix stays where fewer than two letters would remain", () => {
    expect(stemArabic("ذات")).toBe("ذات");
    expect(stemArabic("بان")).toBe("بان");
    expect(stemArabic("فيه")).toBe("في"); // يه would leave one letter; ه leaves two
    expect(stemArabic("به")).toBe("به");
    expect(stemArabic("هي")).toBe("هي");
    expect(stemArabic("منه")).toBe("من");
  });

  it("prefix and suffixes together", () => {
    expect(stemArabic("والسيارات")).toBe("سيار");
    expect(stemArabic("المعلمون")).toBe("معلم");
    expect(stemArabic("بالمدرسه")).toBe("مدرس");
  });

  it("on folded text, ة and ية are covered by ه and يه", () => {
    expect(stemArabic(foldArabic("المدرسة"))).toBe(stemArabic(foldArabic("مدرسة")));
    expect(stemArabic(foldArabic("العربية"))).toBe("عرب");
  });
});

describe("only Arabic-letter tokens are stemmed", () => {
  it.each(["2021", "abc", "the", "ال2021", "والجيش1", "alwatan", "x"])("%s is unchanged", (token) => {
    expect(stemArabic(token)).toBe(token);
  });

  it("isArabicWord tells Arabic-letter tokens from others", () => {
    expect(isArabicWord("والجيش")).toBe(true);
    expect(isArabicWord("2021")).toBe(false);
    expect(isArabicWord("abc")).toBe(false);
    expect(isArabicWord("ف16")).toBe(false);
  });
});

// ---- A reference implementation, written from the text of docs/search.md ---------------------------

const ARABIC_LETTER = /^(?:(?=\p{L})\p{Script=Arabic})+$/u;

/**
 * docs/search.md: "strip at most one prefix, the first that matches of ال وال بال كال فال لل و (و only
 * from words of four letters or more; the others only where two letters remain); then take the
 * suffixes ها ان ات ون ين يه ه ي in that order and strip each that the word ends with, once, where
 * two letters remain. Only Arabic-letter tokens are stemmed."
 */
function referenceStem(token: string): string {
  if (!ARABIC_LETTER.test(token)) return token;
  let letters = [...token];
  const prefixRules: Array<[string, (length: number) => boolean]> = [
    ["ال", (n) => n - 2 >= 2],
    ["وال", (n) => n - 3 >= 2],
    ["بال", (n) => n - 3 >= 2],
    ["كال", (n) => n - 3 >= 2],
    ["فال", (n) => n - 3 >= 2],
    ["لل", (n) => n - 2 >= 2],
    ["و", (n) => n >= 4],
  ];
  const rule = prefixRules.find(([prefix, fits]) => letters.join("").startsWith(prefix) && fits(letters.length));
  if (rule) letters = letters.slice([...rule[0]].length);
  for (const suffix of ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"]) {
    const n = [...suffix].length;
    if (letters.length - n >= 2 && letters.slice(-n).join("") === suffix) letters = letters.slice(0, -n);
  }
  return letters.join("");
}

describe("the reference agrees with the spec's own examples", () => {
  it("sanity of the reference", () => {
    expect(["الجيش", "والجيش", "للجيش", "جيش"].map(referenceStem)).toEqual(["جيش", "جيش", "جيش", "جيش"]);
    expect(referenceStem("وقت")).toBe("وقت");
    expect(referenceStem("سياراتها")).toBe("سيار");
  });
});

// The letters of folded Arabic (no alef forms, ى, ة, ؤ or ئ).
const FOLDED_LETTERS = [..."ءابتثجحخدذرزسشصضطظعغفقكلمنهوي"];
// Letters that make up the prefixes and suffixes, given extra weight so the rules fire often.
const AFFIX_LETTERS = [..."الوبكفهينت"];
const letter = fc.oneof(
  { arbitrary: fc.constantFrom(...FOLDED_LETTERS), weight: 1 },
  { arbitrary: fc.constantFrom(...AFFIX_LETTERS), weight: 2 },
);
const randomWord = fc.array(letter, { minLength: 1, maxLength: 9 }).map((letters) => letters.join(""));
/** A core with prefixes and suffixes glued on, cut to at most nine letters. */
const affixedWord = fc
  .tuple(
    fc.constantFrom("", "ال", "وال", "بال", "كال", "فال", "لل", "و", "و", "ول"),
    fc.array(fc.constantFrom(...FOLDED_LETTERS), { minLength: 0, maxLength: 6 }),
    fc.array(fc.constantFrom("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"), { maxLength: 3 }),
  )
  .map(([prefix, core, suffixes]) => (prefix + core.join("") + suffixes.join("")).slice(0, 9))
  .filter((word) => word.length >= 1);

describe("stemArabic equals the reference on random Arabic words of 1-9 letters", () => {
  it("random letters", () => {
    fc.assert(
      fc.property(randomWord, (word) => {
        expect(stemArabic(word)).toBe(referenceStem(word));
      }),
      { numRuns: 5000 },
    );
  });

  it("words built from prefixes and suffixes", () => {
    fc.assert(
      fc.property(affixedWord, (word) => {
        expect(stemArabic(word)).toBe(referenceStem(word));
      }),
      { numRuns: 5000 },
    );
  });

  it("a stem is a piece of the word and keeps at least two letters (or the whole word)", () => {
    fc.assert(
      fc.property(fc.oneof(randomWord, affixedWord), (word) => {
        const stem = stemArabic(word);
        expect(word.includes(stem)).toBe(true);
        expect(stem.length).toBeGreaterThanOrEqual(Math.min(2, word.length));
      }),
      { numRuns: 2000 },
    );
  });

  it("a non-Arabic token is never changed", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,9}$/), (token) => {
        expect(stemArabic(token)).toBe(token);
      }),
      { numRuns: 1000 },
    );
  });
});

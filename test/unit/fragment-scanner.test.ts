// The fragment scanner of search and its spelling prefilter: whether folded text holds a fragment, told without folding it; the same answers as folding and searching, with the prefilter in front or not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldArabic } from "../../src/core/fold.js";
import { FoldedFragmentScanner } from "../../src/core/fragment-scanner.js";

// A quick path: the scanner hands a text to the exact, slower path (undefined: fold it) when it
// cannot be sure. It must give the same answers, and must not give up on ordinary Arabic text.

describe("FoldedFragmentScanner", () => {
  const letters = fc.constantFrom("ا", "أ", "ل", "ج", "ي", "ش", "ة", "ه", "\u064e", "ـ", " ", "و", "ب");

  it("property: tells whether the folded text holds a fragment, without folding it", () => {
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 40 }), fc.array(fc.array(letters, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (characters, pieces) => {
        const text = characters.join("");
        const fragments = pieces.map((piece) => foldArabic(piece.join(""))).filter((fragment) => fragment.length > 0);
        if (fragments.length === 0) return;
        const folded = foldArabic(text);
        expect(new FoldedFragmentScanner(fragments).occursIn(text)).toBe(fragments.some((fragment) => folded.includes(fragment)));
      }),
      { numRuns: 3000 },
    );
  });

  it("property: after its first megabyte, with a regular expression of spellings in front, it tells the same", () => {
    // Letters that fold alike, marks folding drops, and characters whose folding depends on
    // their neighbours (a ligature, a combining hamza, a no-break space, dotted I, Allah ligature).
    const spellings = fc.constantFrom("ا", "أ", "إ", "ل", "ح", "ر", "ي", "ى", "ق", "ة", "ه", "\u064e", "\u0651", "ـ", "\u200f", " ", "و", "٣", "3", "A", "a", "\ufefb", "\u0654", "\u00a0", "\u0130", "\ufdf2");
    fc.assert(
      fc.property(fc.array(spellings, { maxLength: 30 }), fc.array(fc.array(spellings, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }), fc.boolean(), (characters, pieces, withArticle) => {
        const text = characters.join("");
        const fragments = pieces.map((piece) => foldArabic((withArticle ? "ال" : "") + piece.join(""))).filter((fragment) => fragment.length > 0);
        const filtered = new FoldedFragmentScanner(fragments, 0).occursIn(text);
        expect(filtered).toBe(new FoldedFragmentScanner(fragments, Number.POSITIVE_INFINITY).occursIn(text));
        if (filtered !== undefined) expect(filtered).toBe(fragments.some((fragment) => foldArabic(text).includes(fragment)));
      }),
      { numRuns: 5000 },
    );
  });

  it("makes its regular expression once it has scanned a megabyte, and finds what it found before", () => {
    const scanner = new FoldedFragmentScanner(["الحريق", "جيش"]);
    const miss = "هدوء تام في المدينة ".repeat(60_000);
    expect(scanner.occursIn(miss)).toBe(false);
    expect(scanner.occursIn(miss)).toBe(false); // now through the regular expression
    expect(scanner.occursIn("اندلع الحَريق")).toBe(true);
    expect(scanner.occursIn("والجيوش")).toBe(false);
    expect(scanner.occursIn("الجـيش")).toBe(true);
    expect(scanner.occursIn("حريق\ufefb")).toBeUndefined();
  });

  it("follows many partial matches at once (a long fragment over a long run of its first letter)", () => {
    const fragment = `${"ا".repeat(80)}ب`;
    const scanner = new FoldedFragmentScanner([fragment, "ب"]);
    expect(scanner.occursIn(`${"ا".repeat(200)}ت`)).toBe(false);
    expect(new FoldedFragmentScanner([fragment]).occursIn(`${"أ".repeat(200)}ب`)).toBe(true);
    expect(new FoldedFragmentScanner([fragment]).occursIn(`${"ا".repeat(79)}ب`)).toBe(false);
  });

  it("gives up (undefined) on a text that needs the exact path, and finds one-letter fragments", () => {
    expect(new FoldedFragmentScanner(["لا"]).occursIn("\ufefb")).toBeUndefined();
    // A combining hamza after a match may change its last letter (و and hamza above make ؤ).
    expect(new FoldedFragmentScanner(["و"]).occursIn("و\u0654")).toBeUndefined();
    expect(new FoldedFragmentScanner(["و"]).occursIn("و\u064e\u0654")).toBeUndefined();
    expect(new FoldedFragmentScanner(["و"]).occursIn("و\u064eب\u0654")).toBe(true);
    expect(new FoldedFragmentScanner(["ه"]).occursIn("مدينة")).toBe(true);
    expect(new FoldedFragmentScanner(["ز"]).occursIn("مدينة")).toBe(false);
  });
});

// The offset map from folded text back to the original characters (what highlighting uses): examples, and properties over Arabic-heavy and arbitrary strings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldArabic } from "../../src/core/fold.js";
import { foldWithOffsets } from "../../src/core/fold-offsets.js";
import { RUNS, texts } from "../helpers/arabic-text.js";

describe("foldWithOffsets: folded text mapped back to original characters", () => {
  it("each folded letter points at its original letter together with its marks", () => {
    const { folded, starts, ends } = foldWithOffsets("مُحَمَّد");
    expect(folded).toBe("محمد");
    // مُ (0-2) حَ (2-4) مَّ (4-7) د (7-8)
    expect(Array.from(starts)).toEqual([0, 2, 4, 7]);
    expect(Array.from(ends)).toEqual([2, 4, 7, 8]);
  });

  it("both letters of the lam-alef ligature point at the one original character", () => {
    const { folded, starts, ends } = foldWithOffsets("ب\uFEFB");
    expect(folded).toBe("بلا");
    expect(Array.from(starts)).toEqual([0, 1, 1]);
    expect(Array.from(ends)).toEqual([1, 2, 2]);
  });

  it("a fold's offsets stay as they were after other texts, short and long, are folded", () => {
    const first = foldWithOffsets("مُحَمَّد");
    const later = [foldWithOffsets("كتب الطالبُ الدرسَ"), foldWithOffsets("ب".repeat(20_000)), foldWithOffsets("ﻻ")];
    expect([first.folded, Array.from(first.starts), Array.from(first.ends)]).toEqual(["محمد", [0, 2, 4, 7], [2, 4, 7, 8]]);
    expect(later.map((fold) => [fold.folded.length, fold.starts.length, fold.ends.at(-1)])).toEqual([
      [16, 16, 18],
      [20_000, 20_000, 20_000],
      [2, 2, 1],
    ]);
  });

  it("removed tatweel and format characters leave no folded character behind", () => {
    const { folded, starts } = foldWithOffsets("عـ\u200Fرب");
    expect(folded).toBe("عرب");
    expect(starts.length).toBe(3);
    expect(starts[0]).toBe(0);
  });
});

/** A mark that always joins the character before it (all harakat are non-spacing marks). */
const JOINING_MARK = /^[\p{Mn}\p{Me}]/u;
/**
 * A control in Unicode's grapheme rules: a mark after it has nothing to attach to (ZWNJ and ZWJ
 * are not controls; unassigned default-ignorables and lone surrogates are).
 */
const CONTROL = /^(?![\u200C\u200D])(?:[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|(?=\p{Cn})\p{Default_Ignorable_Code_Point})$/u;
const codePointAt = (text: string, index: number) => String.fromCodePoint(text.codePointAt(index)!);
function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1]!;
}
/** Whether the character at `index` is a combining mark that belongs to the character before it. */
function isAttachedMark(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length || !JOINING_MARK.test(codePointAt(text, index))) return false;
  return !CONTROL.test(codePointBefore(text, index));
}

describe.each(texts)("properties over %s", (_name, arbitrary) => {
  it("foldWithOffsets(t).folded === foldArabic(t)", () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        expect(foldWithOffsets(text).folded).toBe(foldArabic(text));
      }),
      { numRuns: RUNS },
    );
  });

  it("every offset range lies within the text, is not empty, and never splits a letter from its marks", () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const { folded, starts, ends } = foldWithOffsets(text);
        expect(starts.length).toBe(folded.length);
        expect(ends.length).toBe(folded.length);
        for (let i = 0; i < folded.length; i++) {
          const start = starts[i]!;
          const end = ends[i]!;
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(start).toBeLessThan(end);
          if (i > 0) expect(start).toBeGreaterThanOrEqual(starts[i - 1]!);
          // A range never begins on a mark that belongs to the letter before it...
          expect(isAttachedMark(text, start), `range of folded ${i} starts on a mark at ${start}`).toBe(false);
          // ...and never ends right before such a mark.
          expect(isAttachedMark(text, end), `range of folded ${i} ends before a mark at ${end}`).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("Hangul jamo (the same invariants on inputs random runs rarely reach)", () => {
  it("foldWithOffsets agrees with foldArabic on compatibility jamo that NFKC composes (ㄱㅏ)", () => {
    expect(foldWithOffsets("\u3131\u314F").folded).toBe(foldArabic("\u3131\u314F"));
  });
});

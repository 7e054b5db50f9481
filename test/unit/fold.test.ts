// Arabic folding of docs/search.md ("Folding"): every rule by example, token positions, the offset map back to the original text, and properties over Arabic-heavy and arbitrary strings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldArabic, foldByTable, FoldedFragmentScanner, foldWithOffsets, isComposingFreeMark, tokenize, tokensContaining, tokensContainingByPattern, tokenTexts } from "../../src/core/fold.js";

const cp = (code: number) => String.fromCodePoint(code);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => cp(from + i));
/** Tokens of a text as a reader would look for them: fold, then split. */
const tokensOf = (text: string) => tokenTexts(foldArabic(text));

describe("rule 1: NFKC turns presentation forms into letters", () => {
  it("lam-alef ligature ﻻ (U+FEFB) becomes the two letters لا", () => {
    expect(foldArabic("\uFEFB")).toBe("لا");
    expect(foldArabic("\uFEFBعب")).toBe(foldArabic("لاعب"));
  });

  it("lam-alef with hamza ﻷ (U+FEF7) becomes لا (the hamza alef folds too)", () => {
    expect(foldArabic("\uFEF7")).toBe("لا");
  });

  it("the ligature ﷲ (U+FDF2) becomes the word الله", () => {
    expect(foldArabic("\uFDF2")).toBe("\u0627\u0644\u0644\u0647");
    expect(tokensOf("بسم \uFDF2")).toEqual(["بسم", "الله"]);
  });

  it("a word typed in contextual forms (U+FE70-FEFF) folds like the same word in plain letters", () => {
    // ﺍﻟﺠﻴﺶ: alef isolated, lam initial, jeem medial, yeh medial, sheen final.
    expect(foldArabic("\uFE8D\uFEDF\uFEA0\uFEF4\uFEB6")).toBe("الجيش");
  });

  it("forms of U+FB50-FDFF become letters and then fold further (keheh ﮎ -> ک -> ك, Farsi yeh ﯼ -> ی -> ي)", () => {
    expect(foldArabic("\uFB8E")).toBe("ك");
    expect(foldArabic("\uFBFC")).toBe("ي");
  });
});

describe("rule 2: marks and tatweel are removed", () => {
  const harakat = range(0x064b, 0x0652); // fathatan .. sukun
  it.each(harakat.map((mark) => [mark.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0"), mark]))(
    "haraka U+%s between letters is removed",
    (_code, mark) => {
      expect(foldArabic(`ك${mark}تب`)).toBe("كتب");
    },
  );

  it("superscript alef U+0670 is removed (هٰذا -> هذا)", () => {
    expect(foldArabic("ه\u0670ذا")).toBe("هذا");
  });

  it("Quranic marks and other combining marks are removed", () => {
    for (const mark of [...range(0x0653, 0x065f), ...range(0x06d6, 0x06dc), ...range(0x06df, 0x06e4), "\u06E7", "\u06E8", ...range(0x06ea, 0x06ed)]) {
      expect(foldArabic(`قل${mark}م`), `U+${mark.codePointAt(0)!.toString(16)}`).toBe("قلم");
    }
  });

  it("a fully voweled word folds to its bare letters", () => {
    expect(foldArabic("مُحَمَّدٌ")).toBe("محمد");
    expect(foldArabic("الْعَرَبِيَّةُ")).toBe("العربيه");
  });

  it("tatweel U+0640 is removed, keeping the word one token", () => {
    expect(foldArabic("الـعـربـيـة")).toBe("العربيه");
    expect(tokensOf("جـمـيـل")).toEqual(["جميل"]);
  });
});

describe("rule 3: format characters inside words", () => {
  const removed: Array<[string, string]> = [
    ["ZWJ U+200D", "\u200D"],
    ["LRM U+200E", "\u200E"],
    ["RLM U+200F", "\u200F"],
    ["ALM U+061C", "\u061C"],
    ...range(0x202a, 0x202e).map((c): [string, string] => [`bidi embedding/override U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]),
    ...range(0x2066, 0x2069).map((c): [string, string] => [`bidi isolate U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]),
    ["BOM U+FEFF", "\uFEFF"],
    ["soft hyphen U+00AD", "\u00AD"],
  ];
  it.each(removed)("%s inside a word is removed and the word stays one token", (_name, format) => {
    expect(foldArabic(`مد${format}رسة`)).toBe("مدرسه");
    expect(tokensOf(`في مد${format}رسة`)).toEqual(["في", "مدرسه"]);
  });

  it("ZWNJ U+200C separates words: it is not part of any token", () => {
    expect(tokensOf("مي\u200Cخواهم")).toEqual(["مي", "خواهم"]);
    expect(tokensOf("کتاب\u200Cها")).toEqual(["كتاب", "ها"]);
  });
});

describe("rule 4: letter forms", () => {
  it.each([
    ["آ", "ا"],
    ["أ", "ا"],
    ["إ", "ا"],
    ["ٱ", "ا"],
    ["ى", "ي"],
    ["ی", "ي"],
    ["ے", "ي"],
    ["ة", "ه"],
    ["ۀ", "ه"],
    ["ہ", "ه"],
    ["ک", "ك"],
    ["ؤ", "ء"],
    ["ئ", "ء"],
  ])("%s becomes %s", (from, to) => {
    expect(foldArabic(from)).toBe(to);
    expect(foldArabic(`ب${from}ب`)).toBe(`ب${to}ب`);
  });

  it("words spelled with different forms fold alike", () => {
    expect(foldArabic("إحياء")).toBe(foldArabic("احياء"));
    expect(foldArabic("الأميركية")).toBe("الاميركيه");
    expect(foldArabic("مستشفى")).toBe(foldArabic("مستشفي"));
    expect(foldArabic("مدينة")).toBe(foldArabic("مدينه"));
    expect(foldArabic("مسؤول")).toBe(foldArabic("مسئول"));
    expect(foldArabic("ٱلقرآن")).toBe("القران");
  });

  it("letters that are not listed stay as they are", () => {
    expect(foldArabic("ثخذضظغ")).toBe("ثخذضظغ");
    expect(foldArabic("ء")).toBe("ء");
    expect(foldArabic("ه")).toBe("ه");
  });
});

describe("rule 5: digits and Latin case", () => {
  it("every Arabic-Indic digit becomes its ASCII digit", () => {
    expect(foldArabic("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    for (let d = 0; d <= 9; d++) expect(foldArabic(cp(0x0660 + d))).toBe(String(d));
  });

  it("every Persian digit becomes its ASCII digit", () => {
    expect(foldArabic("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    for (let d = 0; d <= 9; d++) expect(foldArabic(cp(0x06f0 + d))).toBe(String(d));
  });

  it("a year in any digit set is the same token", () => {
    expect(tokensOf("عام ٢٠٢١")).toEqual(["عام", "2021"]);
    expect(tokensOf("سال ۲۰۲۴")).toEqual(["سال", "2024"]);
  });

  it("Latin letters are lower-cased", () => {
    expect(foldArabic("Reuters AFP")).toBe("reuters afp");
    expect(foldArabic("ÉTAT")).toBe("état");
  });
});

describe("rule 6: tokens", () => {
  it("tokens are runs of letters and digits; punctuation and spaces separate them", () => {
    expect(tokenTexts("قال محمد، في 2021: نعم؟ (لا)")).toEqual(["قال", "محمد", "في", "2021", "نعم", "لا"]);
  });

  it("tokenize gives the position of each token in the folded text", () => {
    const folded = foldArabic("قال محمد، 2021!");
    expect(folded).toBe("قال محمد، 2021!");
    expect(tokenize(folded)).toEqual([
      { text: "قال", start: 0, end: 3 },
      { text: "محمد", start: 4, end: 8 },
      { text: "2021", start: 10, end: 14 },
    ]);
  });

  it("positions are in the folded text, after marks are gone", () => {
    const folded = foldArabic("يا مُحَمَّدُ تَعَالَ");
    expect(tokenize(folded)).toEqual([
      { text: "يا", start: 0, end: 2 },
      { text: "محمد", start: 3, end: 7 },
      { text: "تعال", start: 8, end: 12 },
    ]);
  });

  it("letters and digits joined without a separator are one token", () => {
    expect(tokenTexts(foldArabic("ف16 و٣٥"))).toEqual(["ف16", "و35"]);
  });

  it("empty and separator-only text has no tokens", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenTexts(" ،.؛ - ")).toEqual([]);
  });
});

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

  it("removed tatweel and format characters leave no folded character behind", () => {
    const { folded, starts } = foldWithOffsets("عـ\u200Fرب");
    expect(folded).toBe("عرب");
    expect(starts.length).toBe(3);
    expect(starts[0]).toBe(0);
  });
});

// ---- Properties -------------------------------------------------------------------------------

const ARABIC_LETTERS = [...range(0x0621, 0x063a), ...range(0x0641, 0x064a)];
const HARAKAT = range(0x064b, 0x0652);
const DIGITS = [...range(0x0660, 0x0669), ...range(0x06f0, 0x06f9), ...range(0x30, 0x39)];
const PRESENTATION_FORMS = range(0xfe8d, 0xfefc);
const ASCII_LETTERS = [...range(0x41, 0x5a), ...range(0x61, 0x7a)];
const PUNCTUATION = [" ", " ", " ", ",", ".", "!", "?", "-", ":", '"', "(", ")", "*", "\n", "\t", "،", "؟", "؛"];
const ODD_CHARACTERS = [
  "\u0670", // superscript alef
  "\u0640", // tatweel
  "آ", "أ", "إ", "ٱ", "ؤ", "ئ", "ء", "ى", "ی", "ے", "ة", "ۀ", "ہ", "ک",
  "\u200C", "\u200D", "\u200F", "\u200E", "\u061C", "\uFEFF", "\u00AD", "\u202B", "\u2067",
  "\uFDF2", "\uFB8E",
];

/** One character of Arabic-heavy text, marks and oddities well represented. */
const arabicUnit = fc.oneof(
  { arbitrary: fc.constantFrom(...ARABIC_LETTERS), weight: 6 },
  { arbitrary: fc.constantFrom(...HARAKAT), weight: 3 },
  { arbitrary: fc.constantFrom(...ODD_CHARACTERS), weight: 3 },
  { arbitrary: fc.constantFrom(...DIGITS), weight: 2 },
  { arbitrary: fc.constantFrom(...PRESENTATION_FORMS), weight: 2 },
  { arbitrary: fc.constantFrom(...ASCII_LETTERS), weight: 2 },
  { arbitrary: fc.constantFrom(...PUNCTUATION), weight: 3 },
);

const texts: Array<[string, fc.Arbitrary<string>]> = [
  ["Arabic-heavy text", fc.string({ unit: arabicUnit, maxLength: 60 })],
  ["arbitrary graphemes", fc.string({ unit: "grapheme", maxLength: 40 })],
  ["arbitrary code points", fc.string({ unit: "binary", maxLength: 40 })],
  ["arbitrary UTF-16 (lone surrogates too)", fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 })],
];
const RUNS = 1500;

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
  it("foldArabic is idempotent", () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const once = foldArabic(text);
        expect(foldArabic(once)).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

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

  it("tokenTexts of folded text equals the /[\\p{L}\\p{N}]+/gu tokens", () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const folded = foldArabic(text);
        expect(tokenTexts(folded)).toEqual(folded.match(/[\p{L}\p{N}]+/gu) ?? []);
        expect(tokenize(folded).map((token) => token.text)).toEqual(folded.match(/[\p{L}\p{N}]+/gu) ?? []);
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

  it("tokenize positions point at the token text in the folded string", () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const folded = foldArabic(text);
        let previousEnd = 0;
        for (const token of tokenize(folded)) {
          expect(folded.slice(token.start, token.end)).toBe(token.text);
          expect(token.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = token.end;
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("Hangul jamo (the same invariants on inputs random runs rarely reach)", () => {
  it("folding is idempotent when removing a format character brings two jamo together", () => {
    const once = foldArabic("\u1100\u200D\u1161"); // ᄀ ZWJ ᅡ
    expect(foldArabic(once)).toBe(once);
  });

  it("foldWithOffsets agrees with foldArabic on compatibility jamo that NFKC composes (ㄱㅏ)", () => {
    expect(foldWithOffsets("\u3131\u314F").folded).toBe(foldArabic("\u3131\u314F"));
  });
});

describe("properties of the folded output", () => {
  it("folded Arabic-heavy text holds no marks, tatweel, removed format characters, listed letter forms or non-ASCII digits", () => {
    fc.assert(
      fc.property(fc.string({ unit: arabicUnit, maxLength: 60 }), (text) => {
        const folded = foldArabic(text);
        expect(folded).not.toMatch(/\p{M}|\u200D|[\u0640\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/u);
        expect(folded).not.toMatch(/[آأإٱىیےةۀہکؤئ]/);
        expect(folded).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
        expect(folded).not.toMatch(/[A-Z]/);
        expect(folded).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFE]/);
      }),
      { numRuns: RUNS },
    );
  });

  it("adding harakat to a word never changes its folded form", () => {
    const word = fc.array(fc.constantFrom(...ARABIC_LETTERS), { minLength: 1, maxLength: 9 });
    const marks = fc.array(fc.array(fc.constantFrom(...HARAKAT, "\u0670", "\u0640"), { maxLength: 2 }), { minLength: 9, maxLength: 9 });
    fc.assert(
      fc.property(word, marks, (letters, extra) => {
        const voweled = letters.map((letter, i) => letter + extra[i]!.join("")).join("");
        expect(foldArabic(voweled)).toBe(foldArabic(letters.join("")));
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The quick paths: folding by table, the fragment scanner and the token search each hand a text
// to an exact, slower path when they cannot be sure. They must give the same answers, and must
// not give up on ordinary Arabic text (that is what makes them quick).

describe("the one-pass folding table", () => {
  // Characters the table folds alone: Arabic letters and their forms, Arabic marks (which no
  // precomposed letter holds), tatweel, format characters, digits, Latin.
  const quick = fc.constantFrom("ا", "أ", "إ", "آ", "ى", "ة", "ؤ", "ئ", "ك", "ی", "ک", "\u064e", "\u0651", "\u0652", "\u0670", "\u0656", "\u08f0", "ـ", "\u200f", "\u200d", "\u00ad", "٣", "۴", "7", "A", "z", " ", "\n", "ς");
  // Characters that need the exact path: what NFKC changes alone or in context, marks that
  // compose (hamza and madda above and below, other scripts' marks), Hangul jamo, lower cases
  // longer than one character, surrogates.
  const slow = fc.constantFrom("\ufefb", "\ufe8d", "①", "\u0653", "\u0654", "\u0655", "\u0301", "\u1100", "\u11a8", "\u0130", "\u{1F600}", "ﷲ");

  it("property: folds a text of quick characters in one pass, as the exact path does", () => {
    fc.assert(
      fc.property(fc.array(quick, { maxLength: 30 }), (characters) => {
        const text = characters.join("");
        expect(foldByTable(text)).toBe(foldArabic(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("property: hands any text with a character of the exact kind to the exact path", () => {
    fc.assert(
      fc.property(fc.array(quick, { maxLength: 10 }), slow, fc.array(quick, { maxLength: 10 }), (before, character, after) => {
        expect(foldByTable(before.join("") + character + after.join(""))).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it("folds a text longer than its first buffer", () => {
    expect(foldByTable("وَ".repeat(5000))).toBe("و".repeat(5000));
    expect(foldByTable(`${"ب".repeat(5000)}أ`)).toBe(`${"ب".repeat(5000)}ا`);
  });

  it.each([
    [0x060f, false],
    [0x0610, true],
    [0x0652, true],
    [0x0653, false],
    [0x0655, false],
    [0x0656, true],
    [0x06ff, true],
    [0x0700, false],
    [0x074f, false],
    [0x0750, true],
    [0x08ff, true],
    [0x0900, false],
  ])("isComposingFreeMark(U+%s): %s", (code, expected) => {
    expect(isComposingFreeMark(code)).toBe(expected);
  });
});

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

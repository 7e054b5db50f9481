// Arabic folding of docs/search.md ("Folding"): every rule by example, properties over Arabic-heavy and arbitrary strings, and the one-pass folding table.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldArabic, foldByTable } from "../../src/core/fold.js";
import { isComposingFreeMark } from "../../src/core/fold-table.js";
import { tokenTexts } from "../../src/core/tokens.js";
import { ARABIC_LETTERS, arabicUnit, cp, HARAKAT, range, RUNS, texts } from "../helpers/arabic-text.js";

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

// ---- Properties -------------------------------------------------------------------------------

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
});

describe("Hangul jamo (the same invariants on inputs random runs rarely reach)", () => {
  it("folding is idempotent when removing a format character brings two jamo together", () => {
    const once = foldArabic("\u1100\u200D\u1161"); // ᄀ ZWJ ᅡ
    expect(foldArabic(once)).toBe(once);
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
// The quick paths: folding by table, the fragment scanner (fragment-scanner.test.ts) and the
// token search (tokens.test.ts) each hand a text to an exact, slower path when they cannot be
// sure. They must give the same answers, and must not give up on ordinary Arabic text (that is
// what makes them quick).

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

// Arabic folding for comparisons (month names, agencies, and later search): the forms a reader
// treats as the same letter become one form. Output never shows folded text; it only compares it.

import { toAsciiDigits } from "./digits.js";

// Every combining mark (harakat, U+0670, Quranic marks) and tatweel.
const MARKS_AND_TATWEEL = /[\p{M}\u0640]/gu;
// Format characters that hide inside words: ZWJ, LRM, RLM, ALM, bidi controls, BOM, soft hyphen.
const FORMAT_CHARACTERS = /[\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;
const LETTER_FORMS: Readonly<Record<string, string>> = {
  "\u0622": "\u0627", // آ
  "\u0623": "\u0627", // أ
  "\u0625": "\u0627", // إ
  "\u0671": "\u0627", // ٱ
  "\u0649": "\u064A", // ى
  "\u06CC": "\u064A", // ی
  "\u06D2": "\u064A", // ے
  "\u0629": "\u0647", // ة
  "\u06C0": "\u0647", // ۀ
  "\u06C1": "\u0647", // ہ
  "\u06A9": "\u0643", // ک
  "\u0624": "\u0621", // ؤ
  "\u0626": "\u0621", // ئ
};
const LETTER_FORM_PATTERN = new RegExp(`[${Object.keys(LETTER_FORMS).join("")}]`, "g");

/**
 * Folds text as search.md describes: NFKC, marks and tatweel removed, format characters removed,
 * letter forms unified, digits made ASCII, Latin lower-cased. ZWNJ is kept: it separates words.
 */
export function foldArabic(text: string): string {
  return toAsciiDigits(
    text
      .normalize("NFKC")
      .replace(MARKS_AND_TATWEEL, "")
      .replace(FORMAT_CHARACTERS, "")
      .replace(LETTER_FORM_PATTERN, (letter) => LETTER_FORMS[letter] ?? letter),
  ).toLowerCase();
}

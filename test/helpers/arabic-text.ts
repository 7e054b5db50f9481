// Text for the property tests of folding, tokens and the offset map: Arabic-heavy text, with
// marks and oddities well represented, and arbitrary strings.
import fc from "fast-check";

export const cp = (code: number) => String.fromCodePoint(code);
export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => cp(from + i));

export const ARABIC_LETTERS = [...range(0x0621, 0x063a), ...range(0x0641, 0x064a)];
export const HARAKAT = range(0x064b, 0x0652);
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
export const arabicUnit = fc.oneof(
  { arbitrary: fc.constantFrom(...ARABIC_LETTERS), weight: 6 },
  { arbitrary: fc.constantFrom(...HARAKAT), weight: 3 },
  { arbitrary: fc.constantFrom(...ODD_CHARACTERS), weight: 3 },
  { arbitrary: fc.constantFrom(...DIGITS), weight: 2 },
  { arbitrary: fc.constantFrom(...PRESENTATION_FORMS), weight: 2 },
  { arbitrary: fc.constantFrom(...ASCII_LETTERS), weight: 2 },
  { arbitrary: fc.constantFrom(...PUNCTUATION), weight: 3 },
);

export const texts: Array<[string, fc.Arbitrary<string>]> = [
  ["Arabic-heavy text", fc.string({ unit: arabicUnit, maxLength: 60 })],
  ["arbitrary graphemes", fc.string({ unit: "grapheme", maxLength: 40 })],
  ["arbitrary code points", fc.string({ unit: "binary", maxLength: 40 })],
  ["arbitrary UTF-16 (lone surrogates too)", fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 })],
];
export const RUNS = 1500;

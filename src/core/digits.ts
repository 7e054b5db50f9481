// Digits in the three sets Arabic news uses (ASCII, Arabic-Indic, Persian), turned into ASCII.
// JavaScript's \d and Number() know only ASCII digits, so every numeric field passes through here.

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** A regex character class source matching one digit of any of the three sets. */
export const ANY_DIGIT = "[0-9\u0660-\u0669\u06F0-\u06F9]";

/** Whether the string contains a digit that is not ASCII. */
const NON_ASCII_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/;

/** Replaces Arabic-Indic and Persian digits with ASCII ones; the length never changes. */
export function toAsciiDigits(text: string): string {
  if (!NON_ASCII_DIGIT.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) {
      out += String.fromCharCode(0x30 + code - ARABIC_INDIC_ZERO);
    } else if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) {
      out += String.fromCharCode(0x30 + code - PERSIAN_ZERO);
    } else {
      out += text[i];
    }
  }
  return out;
}

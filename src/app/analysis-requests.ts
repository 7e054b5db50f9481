// The values the analyses are asked with, read once for the command line and the server alike:
// the period unit of a trend, context widths, windows, how many rows, the order of a
// concordance, the measure of collocates, stop words and a single word. What cannot be used is
// a RequestError naming it (and its problem by name, which a page says in its own language).

import { readFileSync } from "node:fs";
import { foldArabic } from "../core/fold.js";
import { defaultStopWords, stopWordsOf } from "../core/stop-words.js";
import { tokenTexts } from "../core/tokens.js";
import { describeSystemError, RequestError } from "../errors.js";
import { readWholeNumber } from "./request-readers.js";

/** The most digits a count may have: bounds what a request can ask to be kept. */
const MOST_DIGITS = 9;

/** What the analyses count with unless asked otherwise, on the command line and the pages alike. */
export const ANALYSIS_DEFAULTS = {
  /** kwic: words of context on each side. */
  width: 8,
  /** words and collocates: rows. */
  top: 100,
  /** words: least occurrences. */
  minCount: 1,
  /** collocates: words on either side, and least occurrences near the word. */
  window: 5,
  minTogether: 3,
} as const;

/** A whole number (either digit set), at least `least`. */
export function readCount(label: string, value: string, least: number): number {
  const number = readWholeNumber(label, value, MOST_DIGITS);
  if (number < least) throw new RequestError(`${label}: "${value}" is less than ${least}`, undefined, undefined, { name: "count-too-small", values: { label, value, least } });
  return number;
}

/** A whole number from `least` to `most` (a request's bound), or `fallback` when not given. */
export function readCountWithin(label: string, value: string | undefined, fallback: number, least: number, most: number): number {
  const number = value === undefined ? fallback : readCount(label, value, 0);
  if (number < least || number > most) throw new RequestError(`${label}: from ${least} to ${most}, not ${value}`, undefined, undefined, { name: "count-out-of-range", values: { label, value: value ?? "", least, most } });
  return number;
}

/** One of a few named choices (a period unit, an order, a measure), or `fallback` when not given. */
export function readChoice<Choice extends string>(label: string, value: string | undefined, choices: readonly Choice[], fallback: Choice): Choice {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new RequestError(`${label}: "${value}" is not ${choices.join(", ")}`, undefined, undefined, { name: "not-a-choice", values: { label, value, choices: choices.join(", ") } });
  return value as Choice;
}

/**
 * The stop words a word list leaves out: the project's list (not given), none ("none"), or
 * the words of a file, one or more a line (a file that cannot be read is a RequestError).
 */
export function readStopWords(label: string, value: string | undefined): string[] {
  if (value === undefined) return [...defaultStopWords()];
  if (value === "none") return [];
  try {
    return [...stopWordsOf(readFileSync(value, "utf8"))];
  } catch (error) {
    throw new RequestError(`${label}: cannot read ${value}: ${describeSystemError(error)}`, "name a file of stop words, one or more a line, or none");
  }
}

/** A single word (collocates' node), folded; more or fewer than one word is a RequestError. */
export function readSingleWord(label: string, value: string): string {
  const tokens = tokenTexts(foldArabic(value));
  if (tokens.length !== 1) throw new RequestError(`${label}: "${value}" is ${tokens.length === 0 ? "no word" : "more than one word"}`, "give one word", undefined, { name: "not-one-word", values: { label, value } });
  return tokens[0]!;
}

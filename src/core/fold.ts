// Arabic folding for comparisons (search, month names, agencies): the forms a reader treats as
// the same letter become one form. Output never shows folded text; it only compares it, and the
// offset map leads from a match in folded text back to the original characters to highlight.

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
  // Lower-casing gives Greek final sigma only at a word's end; one form makes folding the
  // same whether a text is folded whole or character by character.
  "\u03C2": "\u03C3",
};
const LETTER_FORM_PATTERN = new RegExp(`[${Object.keys(LETTER_FORMS).join("")}]`, "g");

/**
 * Folds text as search.md describes: NFKC, marks and tatweel removed, format characters removed,
 * letter forms unified, digits made ASCII, Latin lower-cased. ZWNJ is kept: it separates words.
 * Lower-casing comes before the removal of marks (İ lower-cases to i and a combining dot), so
 * that folding folded text changes nothing.
 */
export function foldArabic(text: string): string {
  return foldByTable(text) ?? foldByPatterns(text.normalize("NFKC").toLowerCase());
}

const KEEP = 0;
const DROP = 0xffff;
/** The character needs NFKC or a context-dependent lower case: fold by patterns instead. */
const SLOW = 0xfffe;
let actionTable: Uint16Array | undefined;
// Made on first use: creating a decoder or a segmenter loads ICU data, which a command that never
// folds long text should not pay for at start-up.
let utf16: InstanceType<typeof TextDecoder> | undefined;
let scratch = new Uint16Array(4096);

/** One buffer reused for every text folded: folding many articles then makes little garbage. */
function scratchFor(length: number): Uint16Array {
  if (scratch.length < length) scratch = new Uint16Array(Math.max(length, scratch.length * 2));
  return scratch;
}

/**
 * One pass with a table of what folding does to each character; undefined when the text holds
 * a character that NFKC or lower-casing would change in context (then the patterns fold it).
 */
export function foldByTable(text: string): string | undefined {
  const actions = foldActions();
  let out: Uint16Array | undefined;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let action = actions[code]!;
    if (action === UNKNOWN) action = classify(code);
    if (action === KEEP) {
      if (out !== undefined) out[length++] = code;
      continue;
    }
    if (action === SLOW) return undefined;
    if (out === undefined) {
      out = scratchFor(text.length);
      for (let k = 0; k < i; k++) out[k] = text.charCodeAt(k);
      length = i;
    }
    if (action !== DROP) out[length++] = action;
  }
  if (out === undefined) return text;
  utf16 ??= new TextDecoder("utf-16le");
  return utf16.decode(out.subarray(0, length));
}

/**
 * What folding does to each BMP code unit, worked out the first time the character is seen
 * (texts use a few hundred distinct characters, so no table of 65,536 is ever computed whole).
 * A character is SLOW when NFKC changes it alone, when it may compose with the character before
 * it (so NFKC of the text could differ from NFKC of its characters), when its lower case is not
 * one character, and for surrogates; every other character folds the same alone as in any text.
 */
function foldActions(): Uint16Array {
  if (actionTable) return actionTable;
  actionTable = new Uint16Array(0x10000).fill(UNKNOWN);
  return actionTable;
}

const UNKNOWN = 0xfffd;
/** How many code units the table knows; grows as characters are first seen. */
let classifiedCount = 0;

/** Works out a character's action and keeps it in the table. */
function classify(code: number): number {
  const action = actionOf(code);
  foldActions()[code] = action;
  classifiedCount++;
  return action;
}

// Each character's action is worked out once and kept for the life of the process, so a
// mutation here cannot be switched on and off between test runs in one process (mutation
// testing); the quick-path properties in test/unit/fold.test.ts check it in a fresh one.
// Stryker disable all
function actionOf(code: number): number {
  const character = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) return SLOW;
  if (FORMAT_CHARACTER_CODES.includes(code) || code === TATWEEL) return DROP;
  if (MARK.test(character)) return isComposingFreeMark(code) ? DROP : SLOW;
  // Hangul jamo compose into syllables under NFKC.
  if (code >= 0x1100 && code <= 0x11ff) return SLOW;
  if (character.normalize("NFKC") !== character) return SLOW;
  const lower = character.toLowerCase();
  if (lower.length !== 1) return SLOW;
  const folded = LETTER_FORMS[lower] ?? toAsciiDigits(lower);
  return folded === character ? KEEP : folded.charCodeAt(0);
}
// Stryker restore all

const TATWEEL = 0x0640;
const MARK = /^\p{M}$/u;

/**
 * Marks of the Arabic blocks, which no precomposed character contains, except the madda and
 * hamza above and below (U+0653-0655: آ أ إ ؤ ئ are made with them). Other scripts' marks take
 * the slow, exact path.
 */
export function isComposingFreeMark(code: number): boolean {
  return ((code >= 0x0610 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x08ff)) && !(code >= 0x0653 && code <= 0x0655);
}

const FORMAT_CHARACTER_CODES = [0x200d, 0x200e, 0x200f, 0x061c, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff, 0x00ad];

/**
 * Tells whether folded text would contain any of some folded fragments, folding on the fly
 * without building the folded text. Most articles contain none of a query's words, and this is
 * several times quicker than folding them. After 256 Ki characters of text, a regular expression
 * of every raw spelling of the fragments' cores (spellingFilter) passes over the texts that hold
 * none, several times quicker again; only texts where it finds one are scanned (and if that is
 * most of the text, the filter is given up).
 */
export class FoldedFragmentScanner {
  private readonly firsts: Int32Array;
  private readonly codes: Int32Array[];
  // Partial matches under way, as pairs: fragment index, characters matched so far.
  private active: Int32Array = new Int32Array(64);
  private next: Int32Array = new Int32Array(64);
  private scanned = 0;
  /** undefined until made; null once given up, when most of the text holds a core anyway. */
  private filter: SpellingFilter | undefined | null;
  private filterTested = 0;
  private filterPassed = 0;

  /** `filterAfter`: characters scanned before the filter is made. */
  constructor(
    private readonly fragments: readonly string[],
    private readonly filterAfter = CHARACTERS_BEFORE_FILTER,
  ) {
    this.firsts = Int32Array.from(fragments, (fragment) => fragment.charCodeAt(0));
    this.codes = fragments.map((fragment) => Int32Array.from(fragment, (character) => character.charCodeAt(0)));
  }

  /** Whether foldArabic(text) contains a fragment; undefined when the text needs NFKC in context. */
  occursIn(text: string): boolean | undefined {
    if (this.filter === undefined ? this.scanned >= this.filterAfter : this.filter !== null && this.filter.madeAt !== classifiedCount) this.filter = spellingFilter(this.fragments);
    this.scanned += text.length;
    if (this.filter) {
      this.filterTested += text.length;
      if (!this.filter.cores.test(text)) return holdsUnsure(text) ? this.scan(text) : false;
      // A core in most of the text (a common letter, a common word): the filter only adds work.
      this.filterPassed += text.length;
      if (this.filterPassed > FILTER_SHARE_TO_GIVE_UP * this.filterTested && this.filterTested >= FILTER_CHARACTERS_BEFORE_JUDGING) this.filter = null;
    }
    return this.scan(text);
  }

  private scan(text: string): boolean | undefined {
    const actions = foldActions();
    const { firsts, codes } = this;
    let active = this.active;
    let next = this.next;
    let activeCount = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let action = actions[code]!;
      if (action === UNKNOWN) action = classify(code);
      if (action === DROP) continue;
      if (action === SLOW) return undefined;
      const folded = action === KEEP ? code : action;
      let nextCount = 0;
      for (let k = 0; k < activeCount; k += 2) {
        const fragment = codes[active[k]!]!;
        const matched = active[k + 1]!;
        if (fragment[matched] !== folded) continue;
        if (matched + 1 === fragment.length) return isSettledAfter(text, i);
        if (nextCount + 2 > next.length) next = this.next = growPairs(next);
        next[nextCount++] = active[k]!;
        next[nextCount++] = matched + 1;
      }
      for (let f = 0; f < firsts.length; f++) {
        if (firsts[f] !== folded) continue;
        if (codes[f]!.length === 1) return isSettledAfter(text, i);
        if (nextCount + 2 > next.length) next = this.next = growPairs(next);
        next[nextCount++] = f;
        next[nextCount++] = 1;
      }
      const spare = active;
      active = next;
      next = spare;
      activeCount = nextCount;
    }
    this.active = active;
    this.next = next;
    return false;
  }
}

/**
 * A match ending at `end` stands (true) unless a character folding depends on its neighbours
 * follows it, past any that folding drops (undefined): a combining hamza after و makes ؤ.
 */
function isSettledAfter(text: string, end: number): true | undefined {
  const actions = foldActions();
  for (let i = end + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let action = actions[code]!;
    if (action === UNKNOWN) action = classify(code);
    if (action === DROP) continue;
    return action === SLOW ? undefined : true;
  }
  return true;
}

const CHARACTERS_BEFORE_FILTER = 1 << 18;
// The filter is given up when, of this many characters or more, more than this share were in
// texts that hold a core (then scanned as well).
const FILTER_CHARACTERS_BEFORE_JUDGING = 1 << 20;
const FILTER_SHARE_TO_GIVE_UP = 0.6;

/**
 * `cores` finds, in a text of characters the table knows and none of them SLOW, any raw spelling
 * of a core of a fragment: its characters, each as any known character that folds to it, with
 * characters that folding drops between them. A core is the fragment without its leading alefs
 * and lams while more than three letters are left (a regular expression that starts on the
 * commonest letters is slow). A text without a core holds no fragment, unless it holds a
 * character the table does not know yet or a SLOW one (see holdsUnsure). The filter is made
 * again whenever the table has learnt characters since (`madeAt`).
 */
interface SpellingFilter {
  cores: RegExp;
  madeAt: number;
}

function spellingFilter(fragments: readonly string[]): SpellingFilter {
  const madeAt = classifiedCount;
  const { spellings, drop } = foldSpellings();
  const between = `${drop}*`;
  const cores = fragments.map((fragment) => {
    let core = fragment;
    while (core.length > 3 && (core.startsWith("\u0627") || core.startsWith("\u0644"))) core = core.slice(1);
    return Array.from(core, (character) => characterClass(spellings.get(character.charCodeAt(0)) ?? [])).join(between);
  });
  return { cores: new RegExp(cores.length > 0 ? cores.join("|") : "[]"), madeAt };
}

/**
 * Whether a text holds a character whose folding depends on its neighbours (SLOW), or one the
 * table does not know yet. A loop over the table: a regular expression of the thousands of SLOW
 * characters is several times slower.
 */
function holdsUnsure(text: string): boolean {
  const actions = foldActions();
  for (let i = 0; i < text.length; i++) {
    const action = actions[text.charCodeAt(i)];
    if (action === SLOW || action === UNKNOWN) return true;
  }
  return false;
}

interface FoldSpellings {
  /** Every known character that folds to a character, by the folded character's code. */
  spellings: Map<number, number[]>;
  /** A class of the known characters folding drops. */
  drop: string;
}

/** What folding does to the characters the table knows, inverted. */
function foldSpellings(): FoldSpellings {
  const actions = foldActions();
  const spellings = new Map<number, number[]>();
  const dropped: number[] = [];
  for (let code = 0; code < 0x10000; code++) {
    const action = actions[code]!;
    if (action === UNKNOWN || action === SLOW) continue;
    if (action === DROP) dropped.push(code);
    else {
      const folded = action === KEEP ? code : action;
      const list = spellings.get(folded);
      if (list === undefined) spellings.set(folded, [code]);
      else list.push(code);
    }
  }
  return { spellings, drop: characterClass(dropped) };
}

/** A class matching these code units (ascending), as ranges; one that matches nothing when there are none. */
function characterClass(codes: readonly number[]): string {
  const escaped = (code: number) => `\\u${code.toString(16).padStart(4, "0")}`;
  let body = "";
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j]! + 1) j++;
    body += j > i ? `${escaped(codes[i]!)}-${escaped(codes[j]!)}` : escaped(codes[i]!);
    i = j + 1;
  }
  return `[${body}]`;
}

function growPairs(pairs: Int32Array): Int32Array {
  const grown = new Int32Array(pairs.length * 2);
  grown.set(pairs);
  return grown;
}

/**
 * The same folding by patterns, for text that needs NFKC in context. Removing a mark or a
 * format character can bring together characters that NFKC composes (Hangul jamo around a
 * ZWJ), so the steps repeat until nothing changes: folding folded text then changes nothing.
 */
function foldByPatterns(normal: string): string {
  let folded = foldStepsByPatterns(normal);
  for (let previous = normal; folded !== previous; ) {
    previous = folded;
    folded = foldStepsByPatterns(folded.normalize("NFKC").toLowerCase());
  }
  return folded;
}

function foldStepsByPatterns(normal: string): string {
  return toAsciiDigits(
    normal
      .replace(MARKS_AND_TATWEEL, "")
      .replace(FORMAT_CHARACTERS, "")
      .replace(LETTER_FORM_PATTERN, (letter) => LETTER_FORMS[letter] ?? letter),
  );
}

/** Folded text with, for each folded character, the original range it came from. */
export interface FoldedText {
  folded: string;
  /** Original index where the character at each folded index came from. */
  starts: Int32Array;
  /** Original index just past what each folded character came from. */
  ends: Int32Array;
}

let graphemes: Intl.Segmenter | undefined;

/**
 * Folds text one user-perceived character (a letter and its marks) at a time, so each folded
 * character points back to a whole original character: a match then covers its marks too.
 * `foldWithOffsets(t).folded === foldArabic(t)`.
 */
export function foldWithOffsets(text: string): FoldedText {
  const whole = foldArabic(text);
  // NFKC can compose across what Intl.Segmenter calls characters (Hangul compatibility jamo);
  // then words, and at worst the whole text, are the pieces that fold alike alone and together.
  for (const pieces of [graphemePieces(text), wordPieces(text)]) {
    const folded = foldPieces(pieces);
    if (folded.folded === whole) return folded;
  }
  return foldPieces([{ segment: text, index: 0 }]);
}

interface Piece {
  segment: string;
  index: number;
}

function graphemePieces(text: string): Iterable<Piece> {
  graphemes ??= new Intl.Segmenter("ar", { granularity: "grapheme" });
  return graphemes.segment(text);
}

function wordPieces(text: string): Piece[] {
  return Array.from(text.matchAll(/\s+|\S+/gu), (match) => ({ segment: match[0], index: match.index }));
}

function foldPieces(pieces: Iterable<Piece>): FoldedText {
  const folded: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const { segment, index } of pieces) {
    const piece = foldArabic(segment);
    folded.push(piece);
    for (let i = 0; i < piece.length; i++) {
      starts.push(index);
      ends.push(index + segment.length);
    }
  }
  return { folded: folded.join(""), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** A token of folded text: a run of letters and digits. */
export interface Token {
  text: string;
  /** Index in the folded text where the token starts, and just past its end. */
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/** The tokens of folded text, in order. */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  for (const match of folded.matchAll(TOKEN)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Only the token texts, for matching where positions do not matter. */
export function tokenTexts(folded: string): string[] {
  if (SURROGATE.test(folded)) return folded.match(TOKEN) ?? [];
  const isTokenCharacter = tokenCharacters();
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    if (isTokenCode(isTokenCharacter, folded.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push(folded.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) tokens.push(folded.slice(start));
  return tokens;
}

let tokenTable: Uint8Array | undefined;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** 1 for each BMP code unit that is a letter or a digit (\p{L} or \p{N}), 2 for others, 0 not yet known. */
function tokenCharacters(): Uint8Array {
  tokenTable ??= new Uint8Array(0x10000);
  return tokenTable;
}

function isTokenCode(table: Uint8Array, code: number): boolean {
  let known = table[code]!;
  // Stryker disable next-line all: kept for the process once worked out, like actionOf
  if (known === 0) known = table[code] = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/**
 * The tokens of folded text that contain `fragment`, found by searching for the fragment and
 * widening each hit to its token, without tokenizing the rest of the text. With `then` > 0,
 * each result also holds that many following tokens (for phrases).
 */
export function tokensContaining(folded: string, fragment: string, then = 0): string[][] {
  const isTokenCharacter = tokenCharacters();
  const found: string[][] = [];
  if (fragment.length === 0) return found;
  let lastEnd = -1;
  for (let at = folded.indexOf(fragment); at >= 0; at = folded.indexOf(fragment, at + 1)) {
    let start = at;
    while (start > 0 && isTokenCode(isTokenCharacter, folded.charCodeAt(start - 1))) start--;
    if (start < lastEnd) continue; // a second hit inside a token already taken
    let end = at + fragment.length;
    while (end < folded.length && isTokenCode(isTokenCharacter, folded.charCodeAt(end))) end++;
    if (isSurrogateAt(folded, start - 1) || isSurrogateAt(folded, end)) return tokensContainingByPattern(folded, fragment, then);
    const run = [folded.slice(start, end)];
    let next = end;
    for (let k = 0; k < then; k++) {
      while (next < folded.length && !isTokenCode(isTokenCharacter, folded.charCodeAt(next))) {
        if (isSurrogateAt(folded, next)) return tokensContainingByPattern(folded, fragment, then);
        next++;
      }
      if (next >= folded.length) break;
      const tokenStart = next;
      while (next < folded.length && isTokenCode(isTokenCharacter, folded.charCodeAt(next))) next++;
      if (isSurrogateAt(folded, next)) return tokensContainingByPattern(folded, fragment, then);
      run.push(folded.slice(tokenStart, next));
    }
    found.push(run);
    lastEnd = end;
    at = end - 1;
  }
  return found;
}

function isSurrogateAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index); // NaN outside the text
  return code >= 0xd800 && code <= 0xdfff;
}

/** The same by full tokenization, for text where a letter outside the BMP may touch a hit. */
export function tokensContainingByPattern(folded: string, fragment: string, then: number): string[][] {
  const tokens = folded.match(TOKEN) ?? [];
  const found: string[][] = [];
  tokens.forEach((token, index) => {
    if (token.includes(fragment)) found.push(tokens.slice(index, index + 1 + then));
  });
  return found;
}

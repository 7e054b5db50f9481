// Folded text with a map back to the original: a match found in folded text is highlighted on
// the original characters it came from, marks included (snippet.ts). One pass over the text,
// whatever its length: no segmenter whose cost grows faster than the text (Intl.Segmenter's
// grapheme iteration takes seconds over a line of some tens of thousands of characters).

import { stringOfCodeUnits } from "./code-units.js";
import { foldArabic } from "./fold.js";
import { classify, FOLD_ACTIONS, foldActions } from "./fold-table.js";

// Copied into constants of this module, for the per-character loop (see FOLD_ACTIONS).
const { KEEP, DROP, SLOW, UNKNOWN } = FOLD_ACTIONS;

/** Folded text with, for each folded character, the original range it came from. */
interface FoldedText {
  folded: string;
  /** Original index where the character at each folded index came from. */
  starts: Int32Array;
  /** Original index just past what each folded character came from. */
  ends: Int32Array;
}

/**
 * Folds text one user-perceived character (a letter and its marks) at a time, so each folded
 * character points back to a whole original character: a match then covers its marks too.
 * `foldWithOffsets(t).folded === foldArabic(t)`.
 */
export function foldWithOffsets(text: string): FoldedText {
  const pieces = characterPieces(text);
  const byCharacters = foldPieces(text, pieces);
  if (!byCharacters.isByPatterns) return byCharacters;
  // Some character needed NFKC or a lower case in context, which can compose across what reads
  // as two characters (Hangul compatibility jamo); then words, and at worst the whole text, are
  // the pieces that fold alike alone and together.
  const whole = foldArabic(text);
  if (byCharacters.folded === whole) return byCharacters;
  const byWords = foldPieces(text, wordPieces(text));
  return byWords.folded === whole ? byWords : foldPieces(text, Int32Array.of(0));
}

let kinds: Uint8Array | undefined;
const PLAIN = 1;
const JOINING = 2;
const CONTROL = 3;
/** Marks, and the joiners that never start a character of their own (ZWNJ, ZWJ). */
const JOINING_CHARACTER = /^[\p{M}\u200C\u200D]$/u;
/**
 * Characters after which a mark starts a character of its own (Unicode's grapheme rules: a
 * control ends a character); ZWNJ and ZWJ are not among them.
 */
const CONTROL_CHARACTER = /^(?![\u200C\u200D])(?:[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|(?=\p{Cn})\p{Default_Ignorable_Code_Point})$/u;

function kindOf(character: string): number {
  if (JOINING_CHARACTER.test(character)) return JOINING;
  return CONTROL_CHARACTER.test(character) ? CONTROL : PLAIN;
}

/** What a BMP code unit (not a surrogate) is, worked out once per character and kept. */
function kindOfUnit(code: number): number {
  kinds ??= new Uint8Array(0x10000);
  let kind = kinds[code]!;
  if (kind === 0) {
    kind = kindOf(String.fromCharCode(code));
    kinds[code] = kind;
  }
  return kind;
}

/**
 * Where each user-perceived character starts, in order: a code point and the marks and joiners
 * after it (a mark after a control, or at the start, stands alone). The ends are the next start
 * (the text's length for the last). Extended grapheme clusters as far as folding needs them.
 */
function characterPieces(text: string): Int32Array {
  const starts = new Int32Array(text.length + 1);
  let count = 0;
  let previous = CONTROL;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let width = 1;
    let kind: number;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      width = 2;
      kind = kindOf(text.slice(i, i + 2));
    } else {
      kind = code >= 0xd800 && code <= 0xdfff ? CONTROL : kindOfUnit(code);
    }
    if (!(kind === JOINING && previous !== CONTROL)) starts[count++] = i;
    // A joiner carries on the character it joins: what may follow it is what may follow that.
    if (kind !== JOINING || previous === CONTROL) previous = kind;
    i += width;
  }
  return starts.subarray(0, count);
}

/**
 * Each piece folded alone, in one pass: by the fold table, or by the patterns for a piece with
 * a character the table cannot fold alone; each folded character points at its whole piece.
 */
function foldPieces(text: string, pieces: Int32Array): FoldedText & { isByPatterns: boolean } {
  const actions = foldActions();
  let buffers = text.length <= KEPT_UNITS ? keptBuffers() : newBuffers(text.length);
  let [out, starts, ends] = buffers;
  let length = 0;
  let isByPatterns = false;
  for (let piece = 0; piece < pieces.length; piece++) {
    const start = pieces[piece]!;
    const end = piece + 1 < pieces.length ? pieces[piece + 1]! : text.length;
    if (length + end - start > out.length) [out, starts, ends] = buffers = grown(buffers, length + end - start);
    const pieceStart = length;
    let isSlow = false;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      let action = actions[code]!;
      if (action === UNKNOWN) action = classify(code);
      if (action === SLOW) {
        isSlow = true;
        break;
      }
      if (action === DROP) continue;
      out[length] = action === KEEP ? code : action;
      starts[length] = start;
      ends[length] = end;
      length++;
    }
    if (isSlow) {
      isByPatterns = true;
      length = pieceStart;
      const folded = foldArabic(text.slice(start, end));
      if (length + folded.length > out.length) [out, starts, ends] = buffers = grown(buffers, length + folded.length);
      for (let k = 0; k < folded.length; k++) {
        out[length] = folded.charCodeAt(k);
        starts[length] = start;
        ends[length] = end;
        length++;
      }
    }
  }
  return { folded: stringOfCodeUnits(out.subarray(0, length), isByPatterns), starts: starts.slice(0, length), ends: ends.slice(0, length), isByPatterns };
}

type FoldBuffers = [Uint16Array<ArrayBuffer>, Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>];

/**
 * Texts up to this long are folded into buffers kept from one to the next: a concordance folds
 * its articles in blocks of about a hundred characters, where making three arrays for each
 * block cost more than folding it. Longer texts get buffers of their own, so that one long line
 * leaves nothing large behind. What is returned is copied out of them.
 */
const KEPT_UNITS = 16_384;
let kept: FoldBuffers | undefined;

function keptBuffers(): FoldBuffers {
  kept ??= newBuffers(KEPT_UNITS);
  return kept;
}

function newBuffers(size: number): FoldBuffers {
  return [new Uint16Array(size), new Int32Array(size), new Int32Array(size)];
}

/** The buffers, with room for `size` characters at least (NFKC can make more characters than it was given). */
function grown([out, starts, ends]: FoldBuffers, size: number): FoldBuffers {
  const more = newBuffers(Math.max(size, out.length * 2));
  more[0].set(out);
  more[1].set(starts);
  more[2].set(ends);
  return more;
}

function wordPieces(text: string): Int32Array {
  return Int32Array.from(text.matchAll(/\s+|\S+/gu), (match) => match.index);
}

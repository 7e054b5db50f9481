// Folded text with a map back to the original: a match found in folded text is highlighted on
// the original characters it came from, marks included (snippet.ts).

import { foldArabic } from "./fold.js";

/** Folded text with, for each folded character, the original range it came from. */
export interface FoldedText {
  folded: string;
  /** Original index where the character at each folded index came from. */
  starts: Int32Array;
  /** Original index just past what each folded character came from. */
  ends: Int32Array;
}

// Made on first use: creating a segmenter loads ICU data, which a command that never highlights
// should not pay for at start-up.
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

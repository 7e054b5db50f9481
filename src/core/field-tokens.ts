// The folded tokens of a long text, folded a block at a time and only where they are asked for:
// a concordance needs the tokens at its matches and a few words around them, not a whole body
// folded with offsets. Blocks are cut before a plain space or line feed, which folding keeps
// as it is and no token or character crosses, so each block folds as it does within the text.

import { piecePlacedTokens, type PlacedToken } from "./match-ranges.js";

/** About this many characters a block; a text without spaces is one block. */
const BLOCK_CHARACTERS = 128;

/** A token and where it stands: its block and its place among that block's tokens. */
export interface LocatedToken {
  token: PlacedToken;
  block: number;
  index: number;
}

export class FieldTokens {
  /** Where each block starts; a block ends where the next starts (the last at the text's end). */
  private readonly starts: number[] = [];
  private readonly folded: Array<PlacedToken[] | undefined> = [];

  constructor(readonly text: string) {
    const cut = /[ \n]/g;
    for (let from = 0; from < text.length; ) {
      this.starts.push(from);
      cut.lastIndex = Math.min(text.length, from + BLOCK_CHARACTERS);
      from = cut.exec(text)?.index ?? text.length;
    }
  }

  get blockCount(): number {
    return this.starts.length;
  }

  /** The original text of a block. */
  blockText(block: number): string {
    return this.text.slice(this.starts[block], this.starts[block + 1] ?? this.text.length);
  }

  /** A block's tokens, with offsets into the whole text. */
  tokens(block: number): PlacedToken[] {
    let tokens = this.folded[block];
    if (tokens === undefined) {
      tokens = piecePlacedTokens(this.blockText(block), this.starts[block]!);
      this.folded[block] = tokens;
    }
    return tokens;
  }

  /** Up to `count` tokens from the one at `index` of `block` on (an index past a block's end starts the next). */
  tokensFrom(block: number, index: number, count: number): LocatedToken[] {
    const found: LocatedToken[] = [];
    for (let b = block, i = index; found.length < count && b < this.starts.length; b++, i = 0) {
      const tokens = this.tokens(b);
      for (; i < tokens.length && found.length < count; i++) found.push({ token: tokens[i]!, block: b, index: i });
    }
    return found;
  }

  /** Up to `count` tokens just before the one at `index` of `block`, in order. */
  tokensBefore(block: number, index: number, count: number): PlacedToken[] {
    const found: PlacedToken[] = [];
    for (let b = block, i = index; found.length < count && b >= 0; ) {
      const tokens = this.tokens(b);
      for (let k = i - 1; k >= 0 && found.length < count; k--) found.push(tokens[k]!);
      b--;
      if (b >= 0) i = this.tokens(b).length;
    }
    return found.reverse();
  }
}

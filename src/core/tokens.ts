// Tokens of folded text (fold.ts): runs of letters and digits, as docs/search.md defines them. Query
// words match whole tokens.

const TOKEN = /[\p{L}\p{N}]+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

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
  // Stryker disable next-line all: kept for the process once worked out, like actionOf in fold-table.ts
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

// Light stemming of Arabic tokens, exactly Lucene's ArabicStemmer (Larkey's light10, the stemmer
// of Elasticsearch's `arabic` analyzer) applied to folded text, so that الجيش, والجيش, للجيش and
// جيش meet. The index stores these stems, so any change here changes what old indexes mean.

// In this order; only the first that fits is removed. (Exported: a token's stem stands after at
// most one of these, which is how an index finds the tokens of a stem.)
export const STEM_PREFIXES = ["ال", "وال", "بال", "كال", "فال", "لل", "و"] as const;
// In this order; each that fits is removed, once. ية and ة of the original are already folded
// to يه and ه, so Lucene's two teh-marbuta suffixes are covered by these.
const SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"] as const;
// A stem keeps at least two letters; the lone و is removed only from words of four or more.
const SHORTEST_STEM = 2;
const SHORTEST_WORD_FOR_WAW = 4;

const ARABIC_LETTERS_ONLY = /^[\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF]+$/;

/** Whether a folded token is made of Arabic letters only (others are not stemmed). */
export function isArabicWord(token: string): boolean {
  return ARABIC_LETTERS_ONLY.test(token);
}

/** The light stem of a folded token; tokens that are not all Arabic letters come back unchanged. */
export function stemArabic(token: string): string {
  if (!isArabicWord(token)) return token;
  let word = token;
  for (const prefix of STEM_PREFIXES) {
    const shortest = prefix.length === 1 ? SHORTEST_WORD_FOR_WAW : prefix.length + SHORTEST_STEM;
    if (word.length >= shortest && word.startsWith(prefix)) {
      word = word.slice(prefix.length);
      break;
    }
  }
  for (const suffix of SUFFIXES) {
    if (word.length >= suffix.length + SHORTEST_STEM && word.endsWith(suffix)) {
      word = word.slice(0, word.length - suffix.length);
    }
  }
  return word;
}

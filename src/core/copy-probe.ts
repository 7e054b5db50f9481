// One article's copies, found in an index without comparing it to every article: a few of its
// body's three-word sequences, spread over the body, make phrase queries; a copy (which shares
// most of its sequences) holds at least two of them almost surely, and the articles that do are
// then judged as `newsctl dedup` judges them (near-duplicates.ts).

import { foldArabic } from "./fold.js";
import type { QueryTerm } from "./query.js";
import { tokenTexts } from "./tokens.js";

/** Sequences asked for: a copy that shares a share s of the sequences holds fewer than two with odds (1 - s)^6 + 6s(1 - s)^5. */
const PROBE_PHRASES = 6;
const PHRASE_WORDS = 3;

/** A few of this body's word sequences, as phrase terms on the body (the whole body when it is that short); none for an empty body. */
export function copyProbePhrases(body: string): QueryTerm[] {
  const words = tokenTexts(foldArabic(body));
  if (words.length === 0) return [];
  const phrases: QueryTerm[] = [];
  if (words.length <= PHRASE_WORDS) {
    phrases.push(phraseTerm(words));
  } else {
    const starts = words.length - PHRASE_WORDS;
    const seen = new Set<number>();
    for (let k = 0; k < PROBE_PHRASES; k++) {
      const start = Math.round((starts * k) / Math.max(1, PROBE_PHRASES - 1));
      if (seen.has(start)) continue;
      seen.add(start);
      phrases.push(phraseTerm(words.slice(start, start + PHRASE_WORDS)));
    }
  }
  return phrases;
}

function phraseTerm(tokens: string[]): QueryTerm {
  return { kind: "phrase", field: "body", tokens, source: tokens.join(" ") };
}

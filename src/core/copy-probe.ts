// One article's copies, found in an index without comparing it to every article: a few of its
// body's three-word sequences, spread over the body, make a phrase query; a copy (which shares
// most of its sequences) matches one of them almost surely, and the articles it brings are then
// judged as `newsctl dedup` judges them (near-duplicates.ts).

import { foldArabic } from "./fold.js";
import type { ParsedQuery, QueryTerm } from "./query.js";
import { tokenTexts } from "./tokens.js";

/** Sequences asked for: a copy that shares a share s of the sequences misses all of them with odds (1 - s)^6. */
const PROBE_PHRASES = 6;
const PHRASE_WORDS = 3;

/** A query that matches the articles whose body holds one of a few of this body's word sequences; null for an empty body. */
export function copyProbeQuery(body: string): ParsedQuery | null {
  const words = tokenTexts(foldArabic(body));
  if (words.length === 0) return null;
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
  return { clauses: [{ alternatives: phrases, isNegated: false, column: 1 }] };
}

function phraseTerm(tokens: string[]): QueryTerm {
  return { kind: "phrase", field: "body", tokens, source: tokens.join(" ") };
}

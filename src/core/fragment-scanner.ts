// The fragment scanner of search: whether an article's folded text would hold a query's
// fragment, told from its raw text through the folding table (fold-table.ts), with the spelling
// prefilter (spelling-prefilter.ts) in front once much text has gone by.

import { classify, FOLD_ACTIONS, foldActions, knownCharacterCount } from "./fold-table.js";
import { holdsUnsure, type SpellingFilter, spellingFilter } from "./spelling-prefilter.js";

// Copied into constants of this module, for the per-character loops (see FOLD_ACTIONS).
const { KEEP, DROP, SLOW, UNKNOWN } = FOLD_ACTIONS;

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
    if (this.filter === undefined ? this.scanned >= this.filterAfter : this.filter !== null && this.filter.madeAt !== knownCharacterCount()) this.filter = spellingFilter(this.fragments);
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

function growPairs(pairs: Int32Array): Int32Array {
  const grown = new Int32Array(pairs.length * 2);
  grown.set(pairs);
  return grown;
}

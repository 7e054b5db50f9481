// The fragment scanner's prefilter (fragment-scanner.ts): a regular expression of every raw
// spelling of the fragments, which passes over texts that cannot hold one several times quicker
// than the scanner, made from what the folding table (fold-table.ts) knows.

import { FOLD_ACTIONS, foldActions, knownCharacterCount } from "./fold-table.js";

// Copied into constants of this module, for the per-character loops (see FOLD_ACTIONS).
const { KEEP, DROP, SLOW, UNKNOWN } = FOLD_ACTIONS;

/**
 * `cores` finds, in a text of characters the table knows and none of them SLOW, any raw spelling
 * of a core of a fragment: its characters, each as any known character that folds to it, with
 * characters that folding drops between them. A core is the fragment without its leading alefs
 * and lams while more than three letters are left (a regular expression that starts on the
 * commonest letters is slow). A text without a core holds no fragment, unless it holds a
 * character the table does not know yet or a SLOW one (see holdsUnsure). The filter is made
 * again whenever the table has learnt characters since (`madeAt`).
 */
export interface SpellingFilter {
  cores: RegExp;
  madeAt: number;
}

export function spellingFilter(fragments: readonly string[]): SpellingFilter {
  const madeAt = knownCharacterCount();
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
export function holdsUnsure(text: string): boolean {
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

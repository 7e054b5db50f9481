// The counts of `collocates`: for each occurrence of a word (its node), the words within a
// window of tokens on either side, never across a field's end; stop words take their places in
// the window but are not listed. Measures: logDice (Rychlý 2008) and MI as docs/analysis.md
// defines them.

import type { CollectionWords } from "./word-frequencies.js";
import type { WrittenToken } from "./word-tokens.js";
import { wordKey } from "./word-tokens.js";

export interface CollocateRow {
  word: string;
  key: string;
  /** (node occurrence, this word's occurrence) pairs within the window. */
  together: number;
  /** This word's occurrences in all the articles counted. */
  count: number;
  logdice: number;
  mi: number;
}

/** Measures collocates can be ranked by. */
export const COLLOCATE_MEASURES = ["logdice", "mi", "together"] as const;
export type CollocateMeasure = (typeof COLLOCATE_MEASURES)[number];

/** 14 + log2(2·together / (node + count)). */
export function logDice(together: number, nodeCount: number, count: number): number {
  return 14 + Math.log2((2 * together) / (nodeCount + count));
}

/** log2(together·N / (node·count·2·window)), N every token. */
export function mutualInformation(together: number, nodeCount: number, count: number, tokens: number, window: number): number {
  return Math.log2((together * tokens) / (nodeCount * count * 2 * window));
}

interface Group {
  count: number;
  together: number;
  spellings: Map<string, number>;
}

export class CollocationCounts {
  private readonly groups = new Map<string, Group>();
  private nodeCount = 0;
  private tokens = 0;

  constructor(
    /** The node's key (wordKey of its folded form). */
    private readonly nodeKey: string,
    private readonly window: number,
    private readonly isExact: boolean,
    private readonly stopWords: ReadonlySet<string>,
  ) {}

  private group(key: string): Group {
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { count: 0, together: 0, spellings: new Map() };
      this.groups.set(key, group);
    }
    return group;
  }

  /** Counts an article's fields (fieldTokens). */
  add(fields: readonly WrittenToken[][]): void {
    for (const tokens of fields) {
      this.tokens += tokens.length;
      const keys = tokens.map((token) => (this.stopWords.has(token.form) ? null : wordKey(token.form, this.isExact)));
      tokens.forEach((token, place) => {
        if (wordKey(token.form, this.isExact) === this.nodeKey) {
          this.nodeCount++;
          for (let near = Math.max(0, place - this.window); near <= Math.min(tokens.length - 1, place + this.window); near++) {
            const key = keys[near];
            if (near !== place && key !== null && key !== undefined && key !== this.nodeKey) this.group(key).together++;
          }
        }
        const key = keys[place];
        if (key === null || key === undefined) return;
        const group = this.group(key);
        group.count++;
        group.spellings.set(token.spelling, (group.spellings.get(token.spelling) ?? 0) + 1);
      });
    }
  }

  /** How often the node occurred. */
  get nodeOccurrences(): number {
    return this.nodeCount;
  }

  /**
   * The collocates seen together at least `minTogether` times, best first by `measure`, the
   * first `top`. Each word's count, its spelling and N are of the articles added, or of
   * `collection` when given (the articles added are then those that hold the node, and the
   * collection all the articles counted).
   */
  rows(measure: CollocateMeasure, minTogether: number, top: number, collection?: CollectionWords): CollocateRow[] {
    const rows: Array<CollocateRow & { group: Group }> = [];
    const round = (value: number) => Math.round(value * 1e4) / 1e4;
    const tokens = collection?.tokens ?? this.tokens;
    for (const [key, group] of this.groups) {
      if (group.together < Math.max(1, minTogether)) continue;
      const count = collection?.occurrences(key) ?? group.count;
      rows.push({
        word: "",
        key,
        together: group.together,
        count,
        logdice: round(logDice(group.together, this.nodeCount, count)),
        mi: round(mutualInformation(group.together, this.nodeCount, count, tokens, this.window)),
        group,
      });
    }
    rows.sort((a, b) => b[measure] - a[measure] || b.together - a.together || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return rows.slice(0, top).map(({ group, ...row }) => ({ ...row, word: collection?.spelling(row.key) ?? mostFrequent(group.spellings) }));
  }
}

function mostFrequent(spellings: ReadonlyMap<string, number>): string {
  let word = "";
  let most = -1;
  for (const [spelling, count] of spellings) if (count > most || (count === most && spelling < word)) [word, most] = [spelling, count];
  return word;
}

// The counts of `collocates`: for each occurrence of a word (its node), the words within a
// window of tokens on either side, never across a field's end; stop words take their places in
// the window but are not listed. Measures: logDice (Rychlý 2008) and MI as docs/analysis.md
// defines them.

import { decodeWordSequence, keyOfForm, type WordVocabulary } from "./article-words.js";
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
    const together = [...this.groups].map(([key, group]): [string, number] => [key, group.together]);
    const counted: CollectionWords = collection ?? {
      tokens: this.tokens,
      occurrences: (key) => this.groups.get(key)?.count ?? 0,
      spelling: (key) => mostFrequent(this.groups.get(key)?.spellings ?? new Map()),
    };
    return rankCollocates(together, { nodeCount: this.nodeCount, window: this.window, measure, minTogether, top }, counted);
  }
}

/** How collocates are measured and cut: the node's occurrences, the window, the measure, the least together, how many. */
interface Ranking {
  nodeCount: number;
  window: number;
  measure: CollocateMeasure;
  minTogether: number;
  top: number;
}

/** Rows of the words seen together with the node (key, together), measured against the collection's counts: best first, the first `top`. */
function rankCollocates(together: Iterable<readonly [string, number]>, ranking: Ranking, collection: CollectionWords): CollocateRow[] {
  const { nodeCount, window, measure, minTogether, top } = ranking;
  const rows: CollocateRow[] = [];
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  for (const [key, pairs] of together) {
    if (pairs < Math.max(1, minTogether)) continue;
    const count = collection.occurrences(key);
    rows.push({
      word: "",
      key,
      together: pairs,
      count,
      logdice: round(logDice(pairs, nodeCount, count)),
      mi: round(mutualInformation(pairs, nodeCount, count, collection.tokens, window)),
    });
  }
  rows.sort((a, b) => b[measure] - a[measure] || b.together - a.together || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.slice(0, top).map((row) => ({ ...row, word: collection.spelling(row.key) }));
}

/** A spelling not looked at yet (StoredCollocationCounts). */
const UNKNOWN = -2;
/** A spelling of a stop word: a position in the window, never listed. */
const STOP = -1;
/** The node's key id. */
const NODE_KEY = 0;

/**
 * The counts of `collocates` over articles as the index stores their words (article-words.ts):
 * the same windows as CollocationCounts, read from spelling ids without text. Each spelling is
 * looked up (its form, key, whether it is the node or a stop word) once, when first met.
 */
export class StoredCollocationCounts {
  private readonly keyIdOfSpelling: Int32Array;
  private readonly isNodeSpelling: Uint8Array;
  private readonly keys: string[] = [];
  private readonly keyIds = new Map<string, number>();
  private together: Int32Array = new Int32Array(1024);
  private nodeCount = 0;

  constructor(
    private readonly vocabulary: WordVocabulary,
    private readonly nodeKey: string,
    private readonly window: number,
    private readonly isExact: boolean,
    private readonly stopWords: ReadonlySet<string>,
  ) {
    this.keyIdOfSpelling = new Int32Array(vocabulary.spellings.length).fill(UNKNOWN);
    this.isNodeSpelling = new Uint8Array(vocabulary.spellings.length);
    // The node's own key is key 0, never counted as its collocate.
    this.keyIds.set(nodeKey, NODE_KEY);
    this.keys.push(nodeKey);
  }

  /** The listed key id of a spelling (STOP for a stop word's), looking it up the first time. */
  private keyIdOf(id: number): number {
    const known = this.keyIdOfSpelling[id]!;
    if (known !== UNKNOWN) return known;
    const formId = this.vocabulary.formOfSpelling[id]!;
    const form = this.vocabulary.forms[formId]!;
    const key = keyOfForm(this.vocabulary, formId, this.isExact);
    this.isNodeSpelling[id] = key === this.nodeKey ? 1 : 0;
    let keyId = STOP;
    if (!this.stopWords.has(form)) {
      keyId = this.keyIds.get(key) ?? this.keys.length;
      if (keyId === this.keys.length) {
        this.keyIds.set(key, keyId);
        this.keys.push(key);
        if (keyId === this.together.length) {
          const grown = new Int32Array(this.together.length * 2);
          grown.set(this.together);
          this.together = grown;
        }
      }
    }
    this.keyIdOfSpelling[id] = keyId;
    return keyId;
  }

  /** Counts an article's stored words (it must hold the node for its counts to be right). */
  add(bytes: Uint8Array): void {
    const { ids, length } = decodeWordSequence(bytes);
    for (let place = 0; place < length; place++) {
      const id = ids[place]!;
      if (id === 0) continue;
      this.keyIdOf(id);
      if (this.isNodeSpelling[id] !== 1) continue;
      this.nodeCount++;
      for (let near = place - 1; near >= 0 && near >= place - this.window && ids[near] !== 0; near--) this.countNear(ids[near]!);
      for (let near = place + 1; near < length && near <= place + this.window && ids[near] !== 0; near++) this.countNear(ids[near]!);
    }
  }

  /** Counts a word in a node's window (a field's end never reaches it: the loops stop there). */
  private countNear(id: number): void {
    const keyId = this.keyIdOf(id);
    if (keyId > NODE_KEY) this.together[keyId]!++;
  }

  /** How often the node occurred. */
  get nodeOccurrences(): number {
    return this.nodeCount;
  }

  /** As CollocationCounts.rows, with every count and spelling from the collection. */
  rows(measure: CollocateMeasure, minTogether: number, top: number, collection: CollectionWords): CollocateRow[] {
    const together: Array<[string, number]> = [];
    this.keys.forEach((key, keyId) => {
      if (this.together[keyId]! > 0) together.push([key, this.together[keyId]!]);
    });
    return rankCollocates(together, { nodeCount: this.nodeCount, window: this.window, measure, minTogether, top }, collection);
  }
}

function mostFrequent(spellings: ReadonlyMap<string, number>): string {
  let word = "";
  let most = -1;
  for (const [spelling, count] of spellings) if (count > most || (count === most && spelling < word)) [word, most] = [spelling, count];
  return word;
}

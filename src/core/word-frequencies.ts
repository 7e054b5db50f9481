// The counts of `words`: occurrences and articles per word (grouped by light stem, or by folded
// form), in the articles a query matches and in the rest of the collection, and how distinctive
// each word is of the first against the second: Dunning's log-likelihood (G2) and Hardie's log
// ratio. Stop words are counted in the totals but not listed.

import { keyOfForm, type WordVocabulary } from "./article-words.js";
import { StoredWordTally } from "./stored-word-tally.js";
import type { WrittenToken } from "./word-tokens.js";
import { wordKey } from "./word-tokens.js";

/** One row of a word list. */
export interface WordRow {
  /** The group's most frequent spelling as written. */
  word: string;
  /** The group's folded stem (or form, exact). */
  key: string;
  /** Occurrences in the articles counted (the matches, with a query). */
  count: number;
  articles: number;
  /** With a query: log-likelihood against the rest of the collection. */
  g2?: number;
  /** With a query: log2 of the ratio of relative frequencies (a zero count taken as 0.5). */
  log_ratio?: number;
  /** The word is one of the query's. */
  is_query: boolean;
}

interface WordGroup {
  count: number;
  articles: number;
  /** The article last counted, so that an article counts once. */
  lastArticle: number;
  spellings: Map<string, number>;
}

/** Occurrences and articles per word of a set of articles, and all their tokens. */
export class WordCounts {
  readonly groups = new Map<string, WordGroup>();
  /** Every token, stop words too. */
  tokens = 0;
  private articleNumber = 0;
  /** Each folded form's group (null: a stop word), found once: text repeats its words. */
  private readonly groupOfForm = new Map<string, WordGroup | null>();

  constructor(
    private readonly isExact: boolean,
    private readonly stopWords: ReadonlySet<string>,
  ) {}

  private groupOf(key: string): WordGroup {
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { count: 0, articles: 0, lastArticle: 0, spellings: new Map() };
      this.groups.set(key, group);
    }
    return group;
  }

  /** Counts an article's words (its fields' tokens, fieldTokens). */
  add(fields: readonly WrittenToken[][]): void {
    const article = ++this.articleNumber;
    for (const tokens of fields) {
      this.tokens += tokens.length;
      for (const { form, spelling } of tokens) this.count(form, spelling, 1, article);
    }
  }

  /** Takes the counts of articles counted from the index's stored words (the tally's grouping and stop words must be these counts'). */
  addTally(tally: StoredWordTally): void {
    this.articleNumber += tally.articles;
    this.tokens += tally.tokens;
    for (const tallied of tally.groups()) {
      const group = this.groupOf(tallied.key);
      group.count += tallied.count;
      group.articles += tallied.articles;
      for (const [spelling, count] of tallied.spellings) group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + count);
    }
  }

  /** Articles counted. */
  get articles(): number {
    return this.articleNumber;
  }

  /** A word's occurrences (0 for a stop word, or one not met). */
  occurrences(key: string): number {
    return this.groups.get(key)?.count ?? 0;
  }

  /** A word's most frequent spelling. */
  spelling(key: string): string {
    const group = this.groups.get(key);
    return group === undefined ? key : mostFrequent(group.spellings);
  }

  private count(form: string, spelling: string, count: number, article: number): void {
    let group = this.groupOfForm.get(form);
    if (group === undefined) {
      group = this.stopWords.has(form) ? null : this.groupOf(wordKey(form, this.isExact));
      this.groupOfForm.set(form, group);
    }
    if (group === null) return;
    group.count += count;
    if (group.lastArticle !== article) {
      group.articles++;
      group.lastArticle = article;
    }
    group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + count);
  }
}

/** The words of a collection as the analyses compare against them: its tokens, and each word's occurrences and spelling. */
export interface CollectionWords {
  /** Every token, stop words too. */
  tokens: number;
  /** A word's occurrences (its key), stop words left out. */
  occurrences(key: string): number;
  /** A word's most frequent spelling. */
  spelling(key: string): string;
}

/**
 * The collection's words from the index's vocabulary: each key's occurrences summed over its
 * forms that are not stop words, and its most frequent spelling (found once, when first asked).
 */
export function vocabularyWords(vocabulary: WordVocabulary, isExact: boolean, stopWords: ReadonlySet<string>): CollectionWords {
  const counts = new Map<string, number>();
  const keyOf: (string | null)[] = [];
  vocabulary.forms.forEach((form, id) => {
    const key = stopWords.has(form) ? null : keyOfForm(vocabulary, id, isExact);
    keyOf[id] = key;
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + vocabulary.formOccurrences[id]!);
  });
  let spellings: Map<string, string> | undefined;
  const bestSpellings = () => {
    const best = new Map<string, [string, number]>();
    vocabulary.spellings.forEach((spelling, id) => {
      const key = keyOf[vocabulary.formOfSpelling[id]!];
      const count = vocabulary.spellingOccurrences[id]!;
      if (key === null || key === undefined || count === 0) return;
      const held = best.get(key);
      if (held === undefined || count > held[1] || (count === held[1] && spelling < held[0])) best.set(key, [spelling, count]);
    });
    return new Map([...best].map(([key, [spelling]]) => [key, spelling]));
  };
  return {
    tokens: vocabulary.tokens,
    occurrences: (key) => counts.get(key) ?? 0,
    spelling: (key) => {
      spellings ??= bestSpellings();
      return spellings.get(key) ?? key;
    },
  };
}

/** The counts of articles' stored words (article-words.ts), read in the index's vocabulary. */
export function storedWordCounts(stored: Iterable<Uint8Array>, vocabulary: WordVocabulary, isExact: boolean, stopWords: ReadonlySet<string>): WordCounts {
  const tally = new StoredWordTally(vocabulary, isExact, stopWords);
  for (const bytes of stored) tally.add(bytes);
  const counts = new WordCounts(isExact, stopWords);
  counts.addTally(tally);
  return counts;
}

/** What is left of a collection once some of its articles (`part`) are taken out. */
export function collectionWithout(whole: CollectionWords, part: WordCounts): Pick<CollectionWords, "tokens" | "occurrences"> {
  return { tokens: whole.tokens - part.tokens, occurrences: (key) => whole.occurrences(key) - part.occurrences(key) };
}

/** Dunning's G2 of a count `a` among `c` tokens against `b` among `d`. */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const expectedA = (c * (a + b)) / (c + d);
  const expectedB = (d * (a + b)) / (c + d);
  const term = (observed: number, expected: number) => (observed === 0 ? 0 : observed * Math.log(observed / expected));
  return 2 * (term(a, expectedA) + term(b, expectedB));
}

/** Hardie's log ratio: log2 of (a / c) over (b / d), a zero count taken as 0.5. */
export function logRatio(a: number, b: number, c: number, d: number): number {
  return Math.log2(((a === 0 ? 0.5 : a) / c) / ((b === 0 ? 0.5 : b) / d));
}

function mostFrequent(spellings: ReadonlyMap<string, number>): string {
  let best = "";
  let most = -1;
  for (const [spelling, count] of spellings) {
    if (count > most || (count === most && spelling < best)) [best, most] = [spelling, count];
  }
  return best;
}

const DECIMALS = 1e4;
const round = (value: number) => Math.round(value * DECIMALS) / DECIMALS;

/** The shape of the list: how many rows, the least count, and the query's own words' keys. */
interface WordListShape {
  top: number;
  minCount: number;
  queryKeys: ReadonlySet<string>;
}

/** The collection's frequency list: most occurrences first. */
export function frequencyList(counts: WordCounts, shape: WordListShape): WordRow[] {
  const rows: WordRow[] = [];
  for (const [key, group] of counts.groups) {
    if (group.count < shape.minCount) continue;
    rows.push({ word: mostFrequent(group.spellings), key, count: group.count, articles: group.articles, is_query: shape.queryKeys.has(key) });
  }
  rows.sort((a, b) => b.count - a.count || b.articles - a.articles || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.slice(0, shape.top);
}

/**
 * The words of the matching articles (`target`) ranked by G2 among those with a log ratio above
 * 0 (more frequent there than in the rest, `rest`).
 */
export function distinctiveList(target: WordCounts, rest: Pick<CollectionWords, "tokens" | "occurrences">, shape: WordListShape): WordRow[] {
  const rows: WordRow[] = [];
  for (const [key, group] of target.groups) {
    if (group.count < shape.minCount) continue;
    const other = rest.occurrences(key);
    const ratio = logRatio(group.count, other, target.tokens, Math.max(1, rest.tokens));
    if (!(ratio > 0)) continue;
    const g2 = logLikelihood(group.count, other, target.tokens, rest.tokens);
    rows.push({ word: mostFrequent(group.spellings), key, count: group.count, articles: group.articles, g2: round(g2), log_ratio: round(ratio), is_query: shape.queryKeys.has(key) });
  }
  rows.sort((a, b) => b.g2! - a.g2! || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.slice(0, shape.top);
}

// `words` over the index's stored words (article-words.ts): every token counted by spelling id
// in typed arrays, each spelling's group (its key, or none for a stop word) looked up once, and
// an article counted once per group by a mark; the groups are made of the ids' counts at the end,
// so that tens of thousands of articles cost array steps, not a map's per token.

import { decodeWordSequence, keyOfForm, type WordVocabulary } from "./article-words.js";

/** A spelling not looked at yet. */
const UNKNOWN = -2;
/** A spelling of a stop word: a token counted, in no group. */
const STOP = -1;

/** A group's counts: occurrences, articles, and each spelling's occurrences. */
interface TalliedGroup {
  key: string;
  count: number;
  articles: number;
  spellings: Map<string, number>;
}

export class StoredWordTally {
  /** Every token, stop words too. */
  tokens = 0;
  articles = 0;
  private readonly spellingCounts: Float64Array;
  private readonly groupOfSpelling: Int32Array;
  private readonly keys: string[] = [];
  private readonly groupIds = new Map<string, number>();
  private groupArticles = new Int32Array(1024);
  private lastArticle = new Int32Array(1024);

  constructor(
    private readonly vocabulary: WordVocabulary,
    private readonly isExact: boolean,
    private readonly stopWords: ReadonlySet<string>,
  ) {
    this.spellingCounts = new Float64Array(vocabulary.spellings.length);
    this.groupOfSpelling = new Int32Array(vocabulary.spellings.length).fill(UNKNOWN);
  }

  private groupOf(id: number): number {
    const known = this.groupOfSpelling[id]!;
    if (known !== UNKNOWN) return known;
    const formId = this.vocabulary.formOfSpelling[id]!;
    let group = STOP;
    if (!this.stopWords.has(this.vocabulary.forms[formId]!)) {
      const key = keyOfForm(this.vocabulary, formId, this.isExact);
      group = this.groupIds.get(key) ?? this.keys.length;
      if (group === this.keys.length) {
        this.groupIds.set(key, group);
        this.keys.push(key);
        if (group === this.groupArticles.length) this.grow();
      }
    }
    this.groupOfSpelling[id] = group;
    return group;
  }

  private grow(): void {
    const articles = new Int32Array(this.groupArticles.length * 2);
    articles.set(this.groupArticles);
    this.groupArticles = articles;
    const marks = new Int32Array(this.lastArticle.length * 2);
    marks.set(this.lastArticle);
    this.lastArticle = marks;
  }

  /** Counts an article's stored words. */
  add(bytes: Uint8Array): void {
    const article = ++this.articles;
    const { ids, length } = decodeWordSequence(bytes);
    for (let place = 0; place < length; place++) {
      const id = ids[place]!;
      if (id === 0) continue;
      this.tokens++;
      this.spellingCounts[id]!++;
      const group = this.groupOf(id);
      if (group >= 0 && this.lastArticle[group] !== article) {
        this.lastArticle[group] = article;
        this.groupArticles[group]!++;
      }
    }
  }

  /** The groups met, each with its counts. */
  groups(): TalliedGroup[] {
    const groups: TalliedGroup[] = this.keys.map((key, group) => ({ key, count: 0, articles: this.groupArticles[group]!, spellings: new Map() }));
    this.spellingCounts.forEach((count, id) => {
      const group = count > 0 ? this.groupOfSpelling[id]! : STOP;
      if (group < 0) return;
      groups[group]!.count += count;
      groups[group]!.spellings.set(this.vocabulary.spellings[id]!, count);
    });
    return groups;
  }
}

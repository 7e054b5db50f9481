// What a transaction changes in the word table's counts, added up as it goes: per table, a slot
// for each row it touches, the slots' counts in one typed array, and marks of the last article
// that touched each slot (an article counts once for a form or stem, however many of its
// spellings it holds). Cleared, not made anew, when the transaction has written them.

import { IdNumbers, type WriterVocabulary } from "./word-vocabulary.js";

/** Counts of the rows of one table that a transaction touches, `width` of them per row. */
export class IdTally {
  size = 0;
  private readonly slotOf = new IdNumbers();
  private ids = new Int32Array(256);
  private counts: Float64Array;
  private marks: Int32Array;

  constructor(
    readonly width: number,
    private readonly markWidth: number,
  ) {
    this.counts = new Float64Array(this.ids.length * width);
    this.marks = new Int32Array(this.ids.length * markWidth);
  }

  /** The slot of a row by its id, taken when the row was not touched yet. */
  slot(id: number): number {
    const known = this.slotOf.get(id);
    if (known !== 0) return known - 1;
    const slot = this.size++;
    if (slot === this.ids.length) this.grow();
    this.ids[slot] = id;
    this.slotOf.set(id, slot + 1);
    return slot;
  }

  /** The slot of a row by its id; -1 when the row was not touched. */
  find(id: number): number {
    return this.slotOf.get(id) - 1;
  }

  idAt(slot: number): number {
    return this.ids[slot]!;
  }

  count(slot: number, column: number): number {
    return this.counts[slot * this.width + column]!;
  }

  add(slot: number, column: number, value: number): void {
    this.counts[slot * this.width + column]! += value;
  }

  /** Whether the article numbered `article` touches the slot for the first time (under mark `kind`); marks it. */
  isFirstTouch(slot: number, kind: number, article: number): boolean {
    const at = slot * this.markWidth + kind;
    if (this.marks[at] === article) return false;
    this.marks[at] = article;
    return true;
  }

  clear(): void {
    for (let slot = 0; slot < this.size; slot++) this.slotOf.set(this.ids[slot]!, 0);
    this.counts.fill(0, 0, this.size * this.width);
    this.marks.fill(0, 0, this.size * this.markWidth);
    this.size = 0;
  }

  private grow(): void {
    const ids = new Int32Array(this.ids.length * 2);
    ids.set(this.ids);
    const counts = new Float64Array(ids.length * this.width);
    counts.set(this.counts);
    const marks = new Int32Array(ids.length * this.markWidth);
    marks.set(this.marks);
    this.ids = ids;
    this.counts = counts;
    this.marks = marks;
  }
}

/**
 * Counts a transaction adds (or takes away): a spelling's occurrences; a form's occurrences and
 * articles; a stem's occurrences and articles, and the same without the stop words' forms.
 */
export class WordChange {
  tokens = 0;
  readonly spellings = new IdTally(1, 0);
  readonly forms = new IdTally(2, 1);
  readonly stems = new IdTally(4, 2);
  private articles = 0;

  get isEmpty(): boolean {
    return this.tokens === 0 && this.spellings.size === 0;
  }

  /** An article's (spelling id, count) pairs counted in (sign 1) or out (-1). */
  add(vocabulary: WriterVocabulary, ids: ArrayLike<number>, counts: ArrayLike<number>, tokens: number, sign: 1 | -1): void {
    this.tokens += sign * tokens;
    const article = ++this.articles;
    const { spellings, forms, stems } = this;
    for (let place = 0; place < ids.length; place++) {
      const id = ids[place]!;
      const count = sign * counts[place]!;
      spellings.add(spellings.slot(id), 0, count);
      const formId = vocabulary.formOfSpelling.get(id);
      const form = forms.slot(formId);
      forms.add(form, 0, count);
      if (forms.isFirstTouch(form, 0, article)) forms.add(form, 1, sign);
      const isStop = vocabulary.stopOfForm.get(formId) === 1;
      const stem = stems.slot(vocabulary.stemOfForm.get(formId));
      stems.add(stem, 0, count);
      if (stems.isFirstTouch(stem, 0, article)) stems.add(stem, 1, sign);
      if (isStop) continue;
      stems.add(stem, 2, count);
      if (stems.isFirstTouch(stem, 1, article)) stems.add(stem, 3, sign);
    }
  }

  clear(): void {
    this.tokens = 0;
    this.spellings.clear();
    this.forms.clear();
    this.stems.clear();
  }
}

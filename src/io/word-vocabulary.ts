// The word table's vocabulary as a writer of the index knows it: the ids of spellings, folded
// forms and stems by their text, each spelling's form and each form's stem and stop-word mark by
// id, and the rows a transaction adds, written together when it ends (with their counts) rather
// than one statement per new word. Ids are given here, in the order the words are first met,
// one above the highest the tables hold.

import { defaultStopWords } from "../core/stop-words.js";
import { wordKey } from "../core/word-tokens.js";
import type { IndexConnection } from "./index-database.js";

/** Texts known by their ids at most, before the memory is given back. */
const MOST_KNOWN = 150_000;

/** Numbers by id, in an array that grows as ids do. */
export class IdNumbers {
  values = new Int32Array(1024);

  get(id: number): number {
    return id < this.values.length ? this.values[id]! : 0;
  }

  set(id: number, value: number): void {
    if (id >= this.values.length) {
      const grown = new Int32Array(Math.max(id + 1, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[id] = value;
  }
}

/** The highest ids the tables hold (or will, once the transaction's new rows are written). */
interface LastIds {
  spelling: number;
  form: number;
  stem: number;
}

/** A transaction's new rows, by id from one above `first`: a spelling's (text, form id), a form's (text, stem id, 1 for a stop word), a stem's text. */
export interface NewRows {
  first: LastIds;
  spellings: (string | number)[];
  forms: (string | number)[];
  stems: string[];
}

let stopForms: ReadonlySet<string> | undefined;

export class WriterVocabulary {
  private spellingIds = new Map<string, number>();
  private formIds = new Map<string, number>();
  private stemIds = new Map<string, number>();
  /** Every row the tables hold is in the maps: a text not there is new. */
  private isComplete: boolean;
  /** The last ids were checked against the tables since the last transaction ended. */
  private isChecked = true;
  private last: LastIds;
  private added: NewRows;
  /** By spelling id, its form's id; by form id, its stem's id (0: not known yet), and 1 for a stop word's form. */
  readonly formOfSpelling = new IdNumbers();
  readonly stemOfForm = new IdNumbers();
  readonly stopOfForm = new IdNumbers();

  constructor(private readonly connection: IndexConnection) {
    this.last = this.lastInTables();
    this.isComplete = this.last.spelling === 0 && this.last.form === 0 && this.last.stem === 0;
    this.added = { first: { ...this.last }, spellings: [], forms: [], stems: [] };
  }

  private lastInTables(): LastIds {
    const row = this.connection
      .sql("SELECT (SELECT max(spelling_id) FROM word_spellings), (SELECT max(form_id) FROM word_forms), (SELECT max(stem_id) FROM word_stems)")
      .raw()
      .get() as (number | null)[];
    return { spelling: row[0] ?? 0, form: row[1] ?? 0, stem: row[2] ?? 0 };
  }

  /**
   * Whether what this connection knows still holds: another writer may have added words since
   * its last transaction. Call it in a transaction, before using the ids.
   */
  isCurrent(): boolean {
    if (this.isChecked) return true;
    const inTables = this.lastInTables();
    this.isChecked = true;
    return inTables.spelling === this.last.spelling && inTables.form === this.last.form && inTables.stem === this.last.stem;
  }

  /** A spelling's id, given its folded form; new rows for it are staged when it is new. */
  spellingId(spelling: string, form: string): number {
    const known = this.spellingIds.get(spelling);
    if (known !== undefined) return known;
    if (!this.isComplete) {
      const row = this.connection.sql("SELECT spelling_id, form_id FROM word_spellings WHERE spelling = ?").raw().get(spelling) as [number, number] | undefined;
      if (row !== undefined) {
        this.spellingIds.set(spelling, row[0]);
        this.formOfSpelling.set(row[0], row[1]);
        this.knowForm(row[1]);
        return row[0];
      }
    }
    const formId = this.formId(form);
    const id = ++this.last.spelling;
    this.spellingIds.set(spelling, id);
    this.formOfSpelling.set(id, formId);
    this.added.spellings.push(spelling, formId);
    return id;
  }

  private formId(form: string): number {
    const known = this.formIds.get(form);
    if (known !== undefined) return known;
    if (!this.isComplete) {
      const row = this.connection.sql("SELECT form_id, stem_id, is_stop FROM word_forms WHERE form = ?").raw().get(form) as [number, number, number] | undefined;
      if (row !== undefined) {
        this.formIds.set(form, row[0]);
        this.stemOfForm.set(row[0], row[1]);
        this.stopOfForm.set(row[0], row[2]);
        return row[0];
      }
    }
    stopForms ??= defaultStopWords();
    const stemId = this.stemId(wordKey(form, false));
    const id = ++this.last.form;
    this.formIds.set(form, id);
    this.stemOfForm.set(id, stemId);
    const isStop = stopForms.has(form) ? 1 : 0;
    this.stopOfForm.set(id, isStop);
    this.added.forms.push(form, stemId, isStop);
    return id;
  }

  private stemId(stem: string): number {
    const known = this.stemIds.get(stem);
    if (known !== undefined) return known;
    if (!this.isComplete) {
      const id = this.connection.sql("SELECT stem_id FROM word_stems WHERE stem = ?").pluck().get(stem) as number | undefined;
      if (id !== undefined) {
        this.stemIds.set(stem, id);
        return id;
      }
    }
    const id = ++this.last.stem;
    this.stemIds.set(stem, id);
    this.added.stems.push(stem);
    return id;
  }

  /** Makes sure a spelling read by its id (from an article's stored words) has its form and stem known. */
  knowSpelling(spellingId: number): void {
    if (this.formOfSpelling.get(spellingId) !== 0) return;
    const formId = this.connection.sql("SELECT form_id FROM word_spellings WHERE spelling_id = ?").pluck().get(spellingId) as number;
    this.formOfSpelling.set(spellingId, formId);
    this.knowForm(formId);
  }

  private knowForm(formId: number): void {
    if (this.stemOfForm.get(formId) !== 0) return;
    const row = this.connection.sql("SELECT stem_id, is_stop FROM word_forms WHERE form_id = ?").raw().get(formId) as [number, number];
    this.stemOfForm.set(formId, row[0]);
    this.stopOfForm.set(formId, row[1]);
  }

  /**
   * The rows staged since the last call, to be written now, in the transaction; the texts known
   * are let go of when there are many (and then looked up in the tables again as needed).
   */
  takeNewRows(): NewRows {
    const added = this.added;
    this.added = { first: { ...this.last }, spellings: [], forms: [], stems: [] };
    if (this.spellingIds.size + this.formIds.size + this.stemIds.size > MOST_KNOWN) {
      this.spellingIds = new Map();
      this.formIds = new Map();
      this.stemIds = new Map();
      this.isComplete = false;
    }
    return added;
  }

  /** The transaction ended: the next one checks first that no other writer added words meanwhile. */
  endTransaction(): void {
    this.isChecked = false;
  }
}

// The index's word table, written: every spelling met in the shown articles' text fields, its
// folded form and the form's light stem, each with the occurrences (and, for forms and stems, the
// articles) of the whole collection, and each article's (spelling id, count) pairs. Counts change
// in the same transactions as the articles: an article shown adds its counts, one no longer
// shown (removed, replaced, or shadowed by a newer one with its number) takes them away. The
// changes of a transaction are added up as it goes and written once, before it commits.

import { type ArticleWords, encodeWordCounts, forEachWordCount } from "../core/article-words.js";
import { defaultStopWords } from "../core/stop-words.js";
import { wordKey } from "../core/word-tokens.js";
import type { IndexConnection } from "./index-database.js";

/** A spelling's ids and whether its form is one of the project's stop words. */
interface SpellingIds {
  spelling: number;
  form: number;
  stem: number;
  isStop: boolean;
}

/** Spellings met by this connection (ids never change once committed), by text and by id. */
interface KnownSpellings {
  byText: Map<string, SpellingIds>;
  byId: Map<number, SpellingIds>;
}

/** Spellings known at most, before the memory is given back. */
const MOST_KNOWN = 50_000;

/** Counts a transaction adds (or takes away), by id. */
class WordChange {
  tokens = 0;
  readonly spellings = new Map<number, number>();
  readonly forms = new Map<number, [number, number]>();
  readonly stems = new Map<number, [number, number, number, number]>();

  add(ids: readonly SpellingIds[], counts: readonly number[], tokens: number, sign: 1 | -1): void {
    this.tokens += sign * tokens;
    const formsSeen = new Set<number>();
    const stemsSeen = new Map<number, boolean>();
    ids.forEach((id, place) => {
      const count = sign * counts[place]!;
      this.spellings.set(id.spelling, (this.spellings.get(id.spelling) ?? 0) + count);
      const form = this.forms.get(id.form) ?? [0, 0];
      form[0] += count;
      // An article counts once for a form however many of its spellings it holds.
      if (!formsSeen.has(id.form)) form[1] += sign;
      formsSeen.add(id.form);
      this.forms.set(id.form, form);
      const stem = this.stems.get(id.stem) ?? [0, 0, 0, 0];
      stem[0] += count;
      if (!id.isStop) stem[2] += count;
      const wasKept = stemsSeen.get(id.stem);
      if (wasKept === undefined) stem[1] += sign;
      if (!id.isStop && wasKept !== true) stem[3] += sign;
      stemsSeen.set(id.stem, wasKept === true || !id.isStop);
      this.stems.set(id.stem, stem);
    });
  }
}

const knownByConnection = new WeakMap<IndexConnection, KnownSpellings>();
const changeByConnection = new WeakMap<IndexConnection, WordChange>();
let stopForms: ReadonlySet<string> | undefined;

function knownOf(connection: IndexConnection): KnownSpellings {
  let known = knownByConnection.get(connection);
  if (known === undefined || known.byText.size > MOST_KNOWN) {
    known = { byText: new Map(), byId: new Map() };
    knownByConnection.set(connection, known);
  }
  return known;
}

function changeOf(connection: IndexConnection): WordChange {
  let change = changeByConnection.get(connection);
  if (change === undefined) {
    change = new WordChange();
    changeByConnection.set(connection, change);
  }
  return change;
}

/** The id of a row found by its text, inserted when there is none. */
function idOf(connection: IndexConnection, table: string, column: string, text: string, insert: () => number): number {
  const id = connection.sql(`SELECT rowid FROM ${table} WHERE ${column} = ?`).pluck().get(text) as number | undefined;
  return id ?? insert();
}

/** A spelling's ids, its rows added when new. */
function spellingIds(connection: IndexConnection, spelling: string, form: string): SpellingIds {
  const known = knownOf(connection);
  const seen = known.byText.get(spelling);
  if (seen !== undefined) return seen;
  stopForms ??= defaultStopWords();
  const formId = idOf(connection, "word_forms", "form", form, () => {
    const stem = wordKey(form, false);
    const stemId = idOf(connection, "word_stems", "stem", stem, () => Number(connection.sql("INSERT INTO word_stems (stem) VALUES (?)").run(stem).lastInsertRowid));
    return Number(connection.sql("INSERT INTO word_forms (form, stem_id, is_stop) VALUES (?, ?, ?)").run(form, stemId, stopForms!.has(form) ? 1 : 0).lastInsertRowid);
  });
  const spellingId = idOf(connection, "word_spellings", "spelling", spelling, () => Number(connection.sql("INSERT INTO word_spellings (spelling, form_id) VALUES (?, ?)").run(spelling, formId).lastInsertRowid));
  const ids = readIds(connection, spellingId);
  known.byText.set(spelling, ids);
  return ids;
}

function readIds(connection: IndexConnection, spellingId: number): SpellingIds {
  const known = knownOf(connection);
  const seen = known.byId.get(spellingId);
  if (seen !== undefined) return seen;
  const row = connection.sql("SELECT f.form_id, f.stem_id, f.is_stop FROM word_spellings AS s JOIN word_forms AS f USING (form_id) WHERE s.spelling_id = ?").raw().get(spellingId) as [number, number, number];
  const ids = { spelling: spellingId, form: row[0], stem: row[1], isStop: row[2] === 1 };
  known.byId.set(spellingId, ids);
  return ids;
}

/** Keeps an article's words; counts them in the collection when it is shown. Call it in a transaction. */
export function addArticleWords(connection: IndexConnection, articleId: number, words: ArticleWords, isShown: boolean): void {
  const ids = words.spellings.map((spelling, place) => spellingIds(connection, spelling, words.forms[place]!));
  connection.sql("INSERT INTO article_words (article_id, words) VALUES (?, ?)").run(articleId, encodeWordCounts(ids.map((id) => id.spelling), words.counts));
  if (isShown) changeOf(connection).add(ids, words.counts, words.tokens, 1);
}

/** Counts a kept article's words in the collection (1: it is shown now) or out of it (-1: no longer shown). */
export function countArticleWords(connection: IndexConnection, articleId: number, sign: 1 | -1): void {
  const bytes = connection.sql("SELECT words FROM article_words WHERE article_id = ?").pluck().get(articleId) as Uint8Array | undefined;
  if (bytes === undefined) return;
  const ids: SpellingIds[] = [];
  const counts: number[] = [];
  let tokens = 0;
  forEachWordCount(bytes, (id, count) => {
    ids.push(readIds(connection, id));
    counts.push(count);
    tokens += count;
  });
  changeOf(connection).add(ids, counts, tokens, sign);
}

/** Changes logged before they are folded into the counts (foldWordChanges), in a write's transaction. */
const CHANGES_BEFORE_FOLDING = 64;

/** A transaction's change as logged: its tokens, then per table (id, counts...) rows run together. */
interface LoggedChange {
  tokens: number;
  spellings: number[];
  forms: number[];
  stems: number[];
}

/** Numbers in a logged row of each table: the id and its counts. */
const ROW_WIDTHS = { spellings: 2, forms: 3, stems: 5 } as const;

/**
 * Logs the counts the transaction changed; call it inside the transaction, before it commits.
 * Each table row a change touches costs a write, and a transaction of 200 articles touches tens
 * of thousands: so changes are logged, one row per transaction, and folded into the counts
 * every so many (and when an index run ends). Readers add the logged ones (loggedWordChanges).
 */
export function saveWordChange(connection: IndexConnection): void {
  const change = changeByConnection.get(connection);
  if (change === undefined || change.spellings.size === 0) return;
  changeByConnection.delete(connection);
  const logged: LoggedChange = {
    tokens: change.tokens,
    spellings: [...change.spellings].flat(),
    forms: [...change.forms].flatMap(([id, counts]) => [id, ...counts]),
    stems: [...change.stems].flatMap(([id, counts]) => [id, ...counts]),
  };
  connection.sql("INSERT INTO word_changes (change) VALUES (?)").run(JSON.stringify(logged));
  const waiting = connection.sql("SELECT count(*) FROM word_changes").pluck().get() as number;
  if (waiting >= CHANGES_BEFORE_FOLDING) foldWordChanges(connection);
}

/** The changes logged and not yet folded into the counts, summed; null when there are none. */
export function loggedWordChanges(connection: IndexConnection): LoggedChange | null {
  const changes = connection.sql("SELECT change FROM word_changes").pluck().all() as string[];
  if (changes.length === 0) return null;
  const sums = { spellings: new Map<number, number[]>(), forms: new Map<number, number[]>(), stems: new Map<number, number[]>() };
  let tokens = 0;
  for (const text of changes) {
    const change = JSON.parse(text) as LoggedChange;
    tokens += change.tokens;
    for (const table of ["spellings", "forms", "stems"] as const) {
      const numbers = change[table];
      const width = ROW_WIDTHS[table];
      for (let row = 0; row < numbers.length; row += width) {
        const id = numbers[row]!;
        let sum = sums[table].get(id);
        if (sum === undefined) {
          sum = new Array<number>(width - 1).fill(0);
          sums[table].set(id, sum);
        }
        for (let column = 1; column < width; column++) sum[column - 1]! += numbers[row + column]!;
      }
    }
  }
  const rows = (table: Map<number, number[]>) => [...table].flatMap(([id, counts]) => [id, ...counts]);
  return { tokens, spellings: rows(sums.spellings), forms: rows(sums.forms), stems: rows(sums.stems) };
}

/** Adds the logged changes to the counts and empties the log. Call it in a transaction. */
export function foldWordChanges(connection: IndexConnection): void {
  const change = loggedWordChanges(connection);
  if (change === null) return;
  const update = (table: string, idColumn: string, columns: readonly string[], numbers: readonly number[]) => {
    const rows: number[][] = [];
    for (let row = 0; row < numbers.length; row += columns.length + 1) rows.push(numbers.slice(row, row + columns.length + 1));
    const sets = columns.map((column, place) => `${column} = ${column} + c.value ->> ${place + 1}`).join(", ");
    connection.sql(`UPDATE ${table} SET ${sets} FROM json_each(?) AS c WHERE ${idColumn} = c.value ->> 0`).run(JSON.stringify(rows));
  };
  update("word_spellings", "spelling_id", ["occurrences"], change.spellings);
  update("word_forms", "form_id", ["occurrences", "articles"], change.forms);
  update("word_stems", "stem_id", ["occurrences", "articles", "kept_occurrences", "kept_articles"], change.stems);
  connection.sql("UPDATE word_totals SET tokens = tokens + ? WHERE only_row = 1").run(change.tokens);
  connection.sql("DELETE FROM word_changes").run();
}

/** Forgets the transaction's counts and the spellings it may have added (it was rolled back). */
export function dropWordChange(connection: IndexConnection): void {
  changeByConnection.delete(connection);
  knownByConnection.delete(connection);
}

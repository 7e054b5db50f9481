// The index's word table, written: every spelling met in the shown articles' text fields, its
// folded form and the form's light stem, each with the occurrences (and, for forms and stems, the
// articles) of the whole collection, and each article's tokens as spelling ids. Counts change
// in the same transactions as the articles: an article shown adds its counts, one no longer
// shown (removed, replaced, or shadowed by a newer one with its number) takes them away. The
// changes of a transaction are added up as it goes and written once, before it commits.

import { type ArticleWords, encodeWordSequence, forEachWordCount } from "../core/article-words.js";
import type { IndexConnection } from "./index-database.js";
import { type IdTally, WordChange } from "./word-tally.js";
import { type NewRows, WriterVocabulary } from "./word-vocabulary.js";

const vocabularyByConnection = new WeakMap<IndexConnection, WriterVocabulary>();
const changeByConnection = new WeakMap<IndexConnection, WordChange>();

/** The vocabulary as this connection knows it, made anew when another writer added words since its last transaction. */
function vocabularyOf(connection: IndexConnection): WriterVocabulary {
  let vocabulary = vocabularyByConnection.get(connection);
  if (vocabulary === undefined || !vocabulary.isCurrent()) {
    vocabulary = new WriterVocabulary(connection);
    vocabularyByConnection.set(connection, vocabulary);
  }
  return vocabulary;
}

function changeOf(connection: IndexConnection): WordChange {
  let change = changeByConnection.get(connection);
  if (change === undefined) {
    change = new WordChange();
    changeByConnection.set(connection, change);
  }
  return change;
}

/** Keeps an article's words; counts them in the collection when it is shown. Call it in a transaction. */
export function addArticleWords(connection: IndexConnection, articleId: number, words: ArticleWords, isShown: boolean): void {
  const vocabulary = vocabularyOf(connection);
  const ids = new Array<number>(words.spellings.length);
  for (let place = 0; place < ids.length; place++) ids[place] = vocabulary.spellingId(words.spellings[place]!, words.forms[place]!);
  connection.sql("INSERT INTO article_words (article_id, words) VALUES (?, ?)").run(articleId, encodeWordSequence(ids, words.sequence));
  if (isShown) changeOf(connection).add(vocabulary, ids, words.counts, words.tokens, 1);
}

/** Counts a kept article's words in the collection (1: it is shown now) or out of it (-1: no longer shown). */
export function countArticleWords(connection: IndexConnection, articleId: number, sign: 1 | -1): void {
  const bytes = connection.sql("SELECT words FROM article_words WHERE article_id = ?").pluck().get(articleId) as Uint8Array | undefined;
  if (bytes === undefined) return;
  const vocabulary = vocabularyOf(connection);
  const ids: number[] = [];
  const counts: number[] = [];
  let tokens = 0;
  forEachWordCount(bytes, (id, count) => {
    vocabulary.knowSpelling(id);
    ids.push(id);
    counts.push(count);
    tokens += count;
  });
  changeOf(connection).add(vocabulary, ids, counts, tokens, sign);
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
 * Writes what the transaction changed; call it inside the transaction, before it commits. The
 * rows of words new to the table are written with their counts. Each older row a change touches
 * costs a write, and a transaction of 200 articles touches tens of thousands: so their changes
 * are logged, one row per transaction, and folded into the counts every so many (and when an
 * index run ends). Readers add the logged ones (loggedWordChanges).
 */
export function saveWordChange(connection: IndexConnection): void {
  const vocabulary = vocabularyByConnection.get(connection);
  const change = changeByConnection.get(connection);
  if (vocabulary === undefined || change === undefined) return;
  const added = vocabulary.takeNewRows();
  writeNewRows(connection, added, change);
  vocabulary.endTransaction();
  if (!change.isEmpty) logChange(connection, added, change);
  change.clear();
}

/** Inserts the transaction's new spellings, forms and stems, with its counts of them. */
function writeNewRows(connection: IndexConnection, added: NewRows, change: WordChange): void {
  const { first } = added;
  const countOf = (tally: IdTally, id: number, column: number) => {
    const slot = tally.find(id);
    return slot < 0 ? 0 : tally.count(slot, column);
  };
  const stems = connection.sql("INSERT INTO word_stems (stem_id, stem, occurrences, articles, kept_occurrences, kept_articles) VALUES (?, ?, ?, ?, ?, ?)");
  added.stems.forEach((stem, place) => {
    const id = first.stem + 1 + place;
    stems.run(id, stem, countOf(change.stems, id, 0), countOf(change.stems, id, 1), countOf(change.stems, id, 2), countOf(change.stems, id, 3));
  });
  const forms = connection.sql("INSERT INTO word_forms (form_id, form, stem_id, is_stop, occurrences, articles) VALUES (?, ?, ?, ?, ?, ?)");
  for (let row = 0; row < added.forms.length; row += 3) {
    const id = first.form + 1 + row / 3;
    forms.run(id, added.forms[row], added.forms[row + 1], added.forms[row + 2], countOf(change.forms, id, 0), countOf(change.forms, id, 1));
  }
  const spellings = connection.sql("INSERT INTO word_spellings (spelling_id, spelling, form_id, occurrences) VALUES (?, ?, ?, ?)");
  for (let row = 0; row < added.spellings.length; row += 2) {
    const id = first.spelling + 1 + row / 2;
    spellings.run(id, added.spellings[row], added.spellings[row + 1], countOf(change.spellings, id, 0));
  }
}

/** Logs the transaction's changes to the rows that were in the table before it. */
function logChange(connection: IndexConnection, added: NewRows, change: WordChange): void {
  const rowsOf = (tally: IdTally, lastOld: number): number[] => {
    const numbers: number[] = [];
    for (let slot = 0; slot < tally.size; slot++) {
      const id = tally.idAt(slot);
      if (id > lastOld) continue;
      let isZero = true;
      for (let column = 0; column < tally.width; column++) isZero &&= tally.count(slot, column) === 0;
      if (isZero) continue;
      numbers.push(id);
      for (let column = 0; column < tally.width; column++) numbers.push(tally.count(slot, column));
    }
    return numbers;
  };
  const logged: LoggedChange = {
    tokens: change.tokens,
    spellings: rowsOf(change.spellings, added.first.spelling),
    forms: rowsOf(change.forms, added.first.form),
    stems: rowsOf(change.stems, added.first.stem),
  };
  if (logged.tokens === 0 && logged.spellings.length === 0 && logged.forms.length === 0 && logged.stems.length === 0) return;
  connection.sql("INSERT INTO word_changes (change) VALUES (?)").run(JSON.stringify(logged));
  const waiting = connection.sql("SELECT count(*) FROM word_changes").pluck().get() as number;
  if (waiting >= CHANGES_BEFORE_FOLDING) foldWordChanges(connection);
}

/** The changes logged and not yet folded into the counts, summed; null when there are none. */
export function loggedWordChanges(connection: IndexConnection): LoggedChange | null {
  const changes = connection.sql("SELECT change FROM word_changes").pluck().all() as string[];
  if (changes.length === 0) return null;
  const sums: LoggedChange = { tokens: 0, spellings: [], forms: [], stems: [] };
  const offsets = { spellings: new Map<number, number>(), forms: new Map<number, number>(), stems: new Map<number, number>() };
  for (const text of changes) {
    const change = JSON.parse(text) as LoggedChange;
    sums.tokens += change.tokens;
    for (const table of ["spellings", "forms", "stems"] as const) {
      const numbers = change[table];
      const summed = sums[table];
      const width = ROW_WIDTHS[table];
      for (let row = 0; row < numbers.length; row += width) {
        const id = numbers[row]!;
        const offset = offsets[table].get(id);
        if (offset === undefined) {
          offsets[table].set(id, summed.length);
          for (let column = 0; column < width; column++) summed.push(numbers[row + column]!);
        } else {
          for (let column = 1; column < width; column++) summed[offset + column]! += numbers[row + column]!;
        }
      }
    }
  }
  return sums;
}

/** Adds the logged changes to the counts and empties the log. Call it in a transaction. */
export function foldWordChanges(connection: IndexConnection): void {
  const change = loggedWordChanges(connection);
  if (change === null) return;
  const update = (table: string, idColumn: string, columns: readonly string[], numbers: readonly number[]) => {
    // In the order of the ids, so that the rows are read and written in the order they are stored.
    const rows: number[][] = [];
    for (let row = 0; row < numbers.length; row += columns.length + 1) rows.push(numbers.slice(row, row + columns.length + 1));
    rows.sort((a, b) => a[0]! - b[0]!);
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
  changeByConnection.get(connection)?.clear();
  vocabularyByConnection.delete(connection);
}

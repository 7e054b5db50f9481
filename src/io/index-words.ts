// The index's word table, read (word-table.ts writes it): the collection's frequency list
// straight from the counts kept per stem or form, the vocabulary that turns the articles' stored
// spelling ids back into words, and those ids for a set of articles, so that `words` and
// `collocates` count without reading or tokenizing the articles' text.

import type { WordVocabulary } from "../core/article-words.js";
import type { RecordFilter } from "../core/filters.js";
import type { IndexConnection } from "./index-database.js";
import { filterSql } from "./index-sql.js";
import { loggedWordChanges } from "./word-table.js";

/** A row of the collection's frequency list, as the table keeps it. */
export interface KeptWordRow {
  word: string;
  key: string;
  count: number;
  articles: number;
}

/** Which stop words a frequency list from the table leaves out. */
export type KeptStopWords = { kind: "project" } | { kind: "listed"; forms: readonly string[] };

/** What the frequency list is asked: grouping, stop words, the least count and how many rows. */
export interface KeptWordsRequest {
  isExact: boolean;
  stopWords: KeptStopWords;
  minCount: number;
  top: number;
}

/**
 * The collection's frequency list from the table, most occurrences first (then most articles,
 * then key), with each group's most frequent spelling; null when the table cannot give it (by
 * stem, with stop words other than the project's or none: a group's articles without some of
 * its forms are not kept; while changes are logged and not yet folded into the counts: an index
 * run goes on, or was interrupted).
 */
export function keptFrequencyList(connection: IndexConnection, request: KeptWordsRequest): KeptWordRow[] | null {
  const { isExact, stopWords, minCount, top } = request;
  if (connection.sql("SELECT EXISTS (SELECT 1 FROM word_changes)").pluck().get() === 1) return null;
  if (isExact) {
    const isProject = stopWords.kind === "project";
    const rows = connection
      .sql(
        `SELECT form_id, form, occurrences, articles FROM word_forms
          WHERE occurrences >= max(?, 1) AND ${isProject ? "is_stop = 0" : "form NOT IN (SELECT value FROM json_each(?))"}
          ORDER BY occurrences DESC, articles DESC, form LIMIT ?`,
      )
      .raw()
      .all(...(isProject ? [minCount, top] : [minCount, JSON.stringify(stopWords.forms), top])) as [number, string, number, number][];
    const spellings = bestSpellings(connection, "s.form_id", "1", rows);
    return rows.map(([id, key, count, articles]) => ({ word: spellings.get(id) ?? key, key, count, articles }));
  }
  if (stopWords.kind === "listed" && stopWords.forms.length > 0) return null;
  const [occurrences, articles, formCondition] = stopWords.kind === "project" ? ["kept_occurrences", "kept_articles", "f.is_stop = 0"] : ["occurrences", "articles", "1"];
  const rows = connection
    .sql(`SELECT stem_id, stem, ${occurrences}, ${articles} FROM word_stems WHERE ${occurrences} >= max(?, 1) ORDER BY ${occurrences} DESC, ${articles} DESC, stem LIMIT ?`)
    .raw()
    .all(minCount, top) as [number, string, number, number][];
  const spellings = bestSpellings(connection, "f.stem_id", formCondition, rows);
  return rows.map(([id, key, count, articlesOf]) => ({ word: spellings.get(id) ?? key, key, count, articles: articlesOf }));
}

/**
 * The most frequent spelling of each group (rows' first column: the ids of `groupColumn`) among
 * the forms `formCondition` keeps; ties go to the first in order. One pass over the spellings,
 * which have no index by form: it would cost the index more than this pass costs the list.
 */
function bestSpellings(connection: IndexConnection, groupColumn: string, formCondition: string, rows: readonly (readonly unknown[])[]): Map<number, string> {
  const best = new Map<number, [string, number]>();
  const statement = connection.sql(
    `SELECT ${groupColumn}, s.spelling, s.occurrences FROM word_spellings AS s JOIN word_forms AS f USING (form_id)
      WHERE ${groupColumn} IN (SELECT value FROM json_each(?)) AND s.occurrences > 0 AND ${formCondition}`,
  );
  for (const [group, spelling, count] of statement.raw().iterate(JSON.stringify(rows.map((row) => row[0]))) as Iterable<[number, string, number]>) {
    const held = best.get(group);
    if (held === undefined || count > held[1] || (count === held[1] && spelling < held[0])) best.set(group, [spelling, count]);
  }
  return new Map([...best].map(([group, [spelling]]) => [group, spelling]));
}

/**
 * A table of the vocabulary read whole: its text column and its number columns, each as an
 * array by the row's id. SQLite joins each column into one text (the words hold no line break),
 * which is split, and the numbers read as JSON: several times faster than making tens of
 * thousands of rows one by one through the driver (on the shared corpus's 78,000 spellings).
 */
function columnsById(connection: IndexConnection, table: string, idColumn: string, textColumn: string, numberColumns: readonly string[]): { texts: string[]; numbers: number[][] } {
  const joined = [idColumn, ...numberColumns].map((column) => `group_concat(${column})`).join(", ");
  const [texts, ...joinedNumbers] = connection.sql(`SELECT group_concat(${textColumn}, char(10)), ${joined} FROM ${table}`).raw().get() as (string | null)[];
  const byId = { texts: [] as string[], numbers: numberColumns.map(() => [] as number[]) };
  if (texts === null || texts === undefined) return byId;
  const [ids, ...numbers] = joinedNumbers.map((column) => JSON.parse(`[${column}]`) as number[]);
  texts.split("\n").forEach((text, row) => {
    const id = ids![row]!;
    byId.texts[id] = text;
    numbers.forEach((column, k) => {
      byId.numbers[k]![id] = column[row]!;
    });
  });
  return byId;
}

/** Every spelling, form and stem the table holds, with the collection's counts. */
export function wordVocabulary(connection: IndexConnection): WordVocabulary {
  const spellingRows = columnsById(connection, "word_spellings", "spelling_id", "spelling", ["form_id", "occurrences"]);
  const [formOfSpelling, spellingOccurrences] = spellingRows.numbers as [number[], number[]];
  const formRows = columnsById(connection, "word_forms", "form_id", "form", ["stem_id", "occurrences"]);
  const [stemOfForm, formOccurrences] = formRows.numbers as [number[], number[]];
  const stems = columnsById(connection, "word_stems", "stem_id", "stem", []).texts;
  let tokens = connection.sql("SELECT tokens FROM word_totals").pluck().get() as number;
  const logged = loggedWordChanges(connection);
  if (logged !== null) {
    tokens += logged.tokens;
    for (let row = 0; row < logged.spellings.length; row += 2) spellingOccurrences[logged.spellings[row]!]! += logged.spellings[row + 1]!;
    for (let row = 0; row < logged.forms.length; row += 3) formOccurrences[logged.forms[row]!]! += logged.forms[row + 1]!;
  }
  return { spellings: spellingRows.texts, spellingOccurrences, formOfSpelling, forms: formRows.texts, formOccurrences, stemOfForm, stems, tokens };
}

/** Ids asked at once: well within SQLite's limits on a statement's size. */
const IDS_PER_STATEMENT = 500;

/** The stored words of these articles, one at a time. */
export function* wordsOfArticles(connection: IndexConnection, ids: readonly number[]): Generator<Uint8Array> {
  for (let first = 0; first < ids.length; first += IDS_PER_STATEMENT) {
    const chunk = JSON.stringify(ids.slice(first, first + IDS_PER_STATEMENT));
    yield* connection.sql("SELECT words FROM article_words WHERE article_id IN (SELECT value FROM json_each(?))").pluck().iterate(chunk) as Iterable<Uint8Array>;
  }
}

/** The stored words of the shown articles a filter selects, one at a time. */
export function* wordsOfSelection(connection: IndexConnection, filter: RecordFilter): Generator<Uint8Array> {
  const where = filterSql(connection.db, filter);
  yield* connection.db.prepare(`SELECT w.words FROM articles AS a JOIN article_words AS w USING (article_id) WHERE ${where.sql}`).pluck().iterate(...where.parameters) as Iterable<Uint8Array>;
}

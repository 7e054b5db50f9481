// `newsctl collocates` and the collocates page of `serve`: the words found near a word in the
// articles of the index or the dumps (under the filters), with logDice and MI.

import type { CollocateMeasure, CollocateRow } from "../core/collocations.js";
import { CollocationCounts, StoredCollocationCounts } from "../core/collocations.js";
import { hasFilter, type RecordFilter } from "../core/filters.js";
import { type CollectionWords, storedWordCounts, vocabularyWords } from "../core/word-frequencies.js";
import { fieldTokens, wordKey } from "../core/word-tokens.js";
import { EXIT_SUCCESS } from "../errors.js";
import type { ArticleIndex } from "../io/article-index.js";
import type { ArticleRecord } from "../core/record.js";
import { type AnalysisSource, inIndexSnapshot } from "./analysis-source.js";
import type { ReadingContext } from "./read-dumps.js";

export interface CollocatesRequest {
  /** The node, folded (readSingleWord). */
  word: string;
  /** Match and group by folded form rather than light stem. */
  isExact: boolean;
  filter: RecordFilter;
  window: number;
  measure: CollocateMeasure;
  minTogether: number;
  top: number;
  /** Folded words left out of the list (counted in the totals). */
  stopWords: readonly string[];
}

interface CollocatesAnswer {
  rows: CollocateRow[];
  /** How often the word occurred. */
  occurrences: number;
}

function countsFor(request: CollocatesRequest): CollocationCounts {
  return new CollocationCounts(wordKey(request.word, request.isExact), request.window, request.isExact, new Set(request.stopWords));
}

function answerOf(counts: CollocationCounts, request: CollocatesRequest): CollocatesAnswer {
  return { rows: counts.rows(request.measure, request.minTogether, request.top), occurrences: counts.nodeOccurrences };
}

/**
 * The collocates from an open index: only the stored words of the articles that hold the word
 * (found by the full-text index) are read, never their text; the other words' counts and all the
 * tokens are the collection's, from the word table (or, under a filter, the selected articles'
 * stored words).
 */
export function collocatesInIndex(index: ArticleIndex, request: CollocatesRequest): CollocatesAnswer {
  const { word, isExact, filter } = request;
  const stopWords = new Set(request.stopWords);
  const vocabulary = index.wordVocabulary();
  const counts = new StoredCollocationCounts(vocabulary, wordKey(word, isExact), request.window, isExact, stopWords);
  const fields = ["headline", "subheadline", "lead", "body"] as const;
  const alternatives = fields.map((field) => ({ kind: "word" as const, field, token: word, stem: wordKey(word, false), isExact, source: word }));
  const ids = index.matchingIds({ clauses: [{ alternatives, isNegated: false, column: 1 }] }, { isStemming: !isExact }, filter);
  for (const bytes of index.wordsOfArticles(ids)) counts.add(bytes);
  let collection: CollectionWords;
  if (hasFilter(filter)) {
    collection = storedWordCounts(index.wordsOfSelection(filter), vocabulary, isExact, stopWords);
  } else {
    collection = vocabularyWords(vocabulary, isExact, stopWords);
  }
  return { rows: counts.rows(request.measure, request.minTogether, request.top, collection), occurrences: counts.nodeOccurrences };
}

/** `newsctl collocates`: from the index named by --db, or else from the dumps. */
export async function findCollocates(request: CollocatesRequest, source: AnalysisSource, context: ReadingContext): Promise<CollocatesAnswer & { readingCode: number }> {
  if (source.db !== undefined) return { ...(await inIndexSnapshot(source.db, context, (index) => collocatesInIndex(index, request))), readingCode: EXIT_SUCCESS };
  const counts = countsFor(request);
  // The reader of dumps loads only when dumps are read: --db starts without the parser.
  const { RecordReader } = await import("./read-dumps.js");
  const reader = new RecordReader({ ...source.reading, filter: request.filter, limit: undefined }, context);
  for await (const record of reader.records() as AsyncIterable<ArticleRecord>) counts.add(fieldTokens(record));
  reader.endProgress();
  return { ...answerOf(counts, request), readingCode: reader.exitCode() };
}

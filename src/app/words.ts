// `newsctl words` and the word page of `serve`: the collection's frequency list, or the words
// distinctive of the articles a query matches against the rest of the collection (under the
// same filters), counted by light stem (or folded form) over the text fields of the records of
// the index or the dumps, matched as `search` matches.

import { hasFilter, type RecordFilter } from "../core/filters.js";
import { positiveTerms, makeRecordMatcher, type MatchOptions } from "../core/search-match.js";
import type { ParsedQuery } from "../core/query.js";
import type { ArticleRecord } from "../core/record.js";
import { collectionWithout, distinctiveList, frequencyList, storedWordCounts, vocabularyWords, WordCounts, type WordRow } from "../core/word-frequencies.js";
import { defaultStopWords } from "../core/stop-words.js";
import { fieldTokens, wordKey } from "../core/word-tokens.js";
import { EXIT_SUCCESS } from "../errors.js";
import type { ArticleIndex, KeptStopWords } from "../io/article-index.js";
import { type AnalysisSource, inIndexSnapshot } from "./analysis-source.js";
import type { ReadingContext } from "./read-dumps.js";

export interface WordsRequest {
  /** null: the collection's frequency list. */
  query: ParsedQuery | null;
  matchOptions: MatchOptions;
  filter: RecordFilter;
  /** Group by folded form rather than light stem. */
  isExact: boolean;
  /** Folded words left out of the list (counted in the totals). */
  stopWords: readonly string[];
  top: number;
  minCount: number;
}

interface WordsAnswer {
  rows: WordRow[];
  /** Articles the query matched (all articles counted, without a query). */
  matchCount: number;
}

/** Counts records one at a time into the matches' words and the rest's. */
class WordsBuilder {
  private readonly target: WordCounts;
  private readonly rest: WordCounts;
  private readonly matches: ((record: ArticleRecord) => boolean) | undefined;
  private matchCount = 0;

  constructor(private readonly request: WordsRequest) {
    this.target = new WordCounts(request.isExact, new Set(request.stopWords));
    this.rest = new WordCounts(request.isExact, new Set(request.stopWords));
    this.matches = request.query === null ? undefined : makeRecordMatcher(request.query, request.matchOptions);
  }

  add(record: ArticleRecord): void {
    const isMatch = this.matches === undefined || this.matches(record);
    if (isMatch) this.matchCount++;
    (isMatch ? this.target : this.rest).add(fieldTokens(record));
  }

  answer(): WordsAnswer {
    const shape = shapeOf(this.request);
    const rows = this.request.query === null ? frequencyList(this.target, shape) : distinctiveList(this.target, this.rest, shape);
    return { rows, matchCount: this.matchCount };
  }
}

/** The shape of the list asked for: how many rows, the least count, and the query's own words' keys. */
function shapeOf(request: WordsRequest) {
  const { query, isExact, top, minCount } = request;
  const queryKeys = new Set(
    (query === null ? [] : positiveTerms(query)).flatMap((term) => (term.kind === "word" ? [term.token] : term.kind === "phrase" ? term.tokens : [])).map((token) => wordKey(token, isExact)),
  );
  return { top, minCount, queryKeys };
}

/** The stop words as the word table knows them: the project's, or a list of forms. */
function keptStopWords(stopWords: ReadonlySet<string>): KeptStopWords {
  const project = defaultStopWords();
  const isProject = stopWords.size === project.size && [...stopWords].every((word) => project.has(word));
  return isProject ? { kind: "project" } : { kind: "listed", forms: [...stopWords] };
}

/**
 * The word list from an open index, counted from its word table and the articles' stored words,
 * never their text: without a query or filter, read from the table; with a query, the matches'
 * words summed, and the rest's taken as the collection's less the matches'.
 */
export function wordsInIndex(index: ArticleIndex, request: WordsRequest): WordsAnswer {
  const { query, isExact, filter, top, minCount } = request;
  const stopWords = new Set(request.stopWords);
  if (query === null && !hasFilter(filter)) {
    const kept = index.keptFrequencyList({ isExact, stopWords: keptStopWords(stopWords), minCount, top });
    if (kept !== null) return { rows: kept.map((row) => ({ ...row, is_query: false })), matchCount: index.articleCount() };
  }
  const vocabulary = index.wordVocabulary();
  const counted = (stored: Iterable<Uint8Array>) => storedWordCounts(stored, vocabulary, isExact, stopWords);
  if (query === null) {
    const counts = counted(index.wordsOfSelection(filter));
    return { rows: frequencyList(counts, shapeOf(request)), matchCount: counts.articles };
  }
  const target = counted(index.wordsOfArticles(index.matchingIds(query, request.matchOptions, filter)));
  const whole = hasFilter(filter) ? counted(index.wordsOfSelection(filter)) : vocabularyWords(vocabulary, isExact, stopWords);
  return { rows: distinctiveList(target, collectionWithout(whole, target), shapeOf(request)), matchCount: target.articles };
}

/** `newsctl words`: from the index named by --db, or else from the dumps. */
export async function findWords(request: WordsRequest, source: AnalysisSource, context: ReadingContext): Promise<WordsAnswer & { readingCode: number }> {
  if (source.db !== undefined) return { ...(await inIndexSnapshot(source.db, context, (index) => wordsInIndex(index, request))), readingCode: EXIT_SUCCESS };
  const builder = new WordsBuilder(request);
  // The reader of dumps loads only when dumps are read: --db starts without the parser.
  const { RecordReader } = await import("./read-dumps.js");
  const reader = new RecordReader({ ...source.reading, filter: request.filter, limit: undefined }, context);
  for await (const record of reader.records()) builder.add(record);
  reader.endProgress();
  return { ...builder.answer(), readingCode: reader.exitCode() };
}

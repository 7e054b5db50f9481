// `newsctl collocates` and the collocates page of `serve`: the words found near a word in the
// articles of the index or the dumps (under the filters), with logDice and MI.

import type { CollocateMeasure, CollocateRow } from "../core/collocations.js";
import { CollocationCounts } from "../core/collocations.js";
import type { RecordFilter } from "../core/filters.js";
import { fieldTokens, wordKey } from "../core/word-tokens.js";
import { EXIT_SUCCESS } from "../errors.js";
import type { ArticleIndex } from "../io/article-index.js";
import type { ArticleRecord } from "../core/record.js";
import { type AnalysisSource, inIndexSnapshot } from "./analysis-source.js";
import { RecordReader, type ReadingContext } from "./read-dumps.js";

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

/** The collocates from an open index: every record the filter selects is read. */
export function collocatesInIndex(index: ArticleIndex, request: CollocatesRequest): CollocatesAnswer {
  const counts = countsFor(request);
  for (const record of index.records(request.filter)) counts.add(fieldTokens(record));
  return answerOf(counts, request);
}

/** `newsctl collocates`: from the index named by --db, or else from the dumps. */
export async function findCollocates(request: CollocatesRequest, source: AnalysisSource, context: ReadingContext): Promise<CollocatesAnswer & { readingCode: number }> {
  if (source.db !== undefined) return { ...(await inIndexSnapshot(source.db, context, (index) => collocatesInIndex(index, request))), readingCode: EXIT_SUCCESS };
  const counts = countsFor(request);
  const reader = new RecordReader({ ...source.reading, filter: request.filter, limit: undefined }, context);
  for await (const record of reader.records() as AsyncIterable<ArticleRecord>) counts.add(fieldTokens(record));
  reader.endProgress();
  return { ...answerOf(counts, request), readingCode: reader.exitCode() };
}

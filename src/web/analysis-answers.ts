// The analyses as an index worker answers them: each in one snapshot of the index (a page's
// answer), or written out as `newsctl trend|kwic|words|collocates --csv` (or --ndjson) writes it (a
// page's download, a chunk at a time; a concordance's lines as they are found).

import { collocatesInIndex } from "../app/collocates.js";
import { kwicInIndex, kwicPageInIndex } from "../app/kwic.js";
import { trendInIndex } from "../app/trend.js";
import { wordsInIndex } from "../app/words.js";
import type { ArticleIndex } from "../io/article-index.js";
import type { AnalysisPrinting } from "../output/analysis-output.js";
import { PLAIN_VIEW } from "../output/environment.js";
import { printConcordance } from "../output/kwic-output.js";
import { SAFE_SHEETS } from "../output/record-writers.js";
import type { TextSink } from "../output/sink.js";
import { writeTrend } from "../output/trend-output.js";
import { writeCollocates, writeWords } from "../output/word-output.js";
import type { AnalysisQuestion, IndexAnswers } from "./index-questions.js";

/** The answer to an analysis's question; call it within readConsistently. */
export function analysisAnswer(index: ArticleIndex, question: AnalysisQuestion): IndexAnswers[AnalysisQuestion["kind"]] {
  switch (question.kind) {
    case "trend":
      return trendInIndex(index, question.request);
    case "kwic":
      return kwicPageInIndex(index, question.request, question.skip, question.take);
    case "words":
      return wordsInIndex(index, question.request);
    case "collocates":
      return collocatesInIndex(index, question.request);
  }
}

/** Every row of the analysis in CSV or NDJSON, as its command writes them. */
export async function writeAnalysis(index: ArticleIndex, question: AnalysisQuestion, format: "csv" | "ndjson", sink: TextSink): Promise<void> {
  const printing: AnalysisPrinting = { format, sheet: SAFE_SHEETS };
  switch (question.kind) {
    case "trend":
      return writeTrend(
        index.readConsistently(() => trendInIndex(index, question.request)),
        printing,
        question.request.isSplitByAgency,
        sink,
        PLAIN_VIEW,
      );
    case "kwic":
      return printConcordance(kwicInIndex(index, question.request), printing, sink, PLAIN_VIEW);
    case "words":
      return writeWords(
        index.readConsistently(() => wordsInIndex(index, question.request)).rows,
        question.request.query !== null,
        printing,
        sink,
        PLAIN_VIEW,
      );
    case "collocates":
      return writeCollocates(
        index.readConsistently(() => collocatesInIndex(index, question.request)).rows,
        question.request.measure,
        printing,
        sink,
        PLAIN_VIEW,
      );
  }
}

// What a search prints: the number of matches (--count), a table of hits with snippets whose
// matched words are marked, or the matched records with their scores in a machine format.

import type { ArticleRecord } from "../core/record.js";
import { positiveTerms } from "../core/search-match.js";
import type { SearchHit } from "../core/search-ranking.js";
import { toTextView } from "../output/environment.js";
import type { TextSink } from "../output/sink.js";
import type { ReadingContext } from "./read-records.js";
import type { SearchFound } from "./search-found.js";
import type { SearchPlan } from "./search-plan.js";

export async function printSearch(plan: SearchPlan, found: SearchFound, sink: TextSink, context: ReadingContext): Promise<void> {
  if (plan.isCounting) {
    await sink.write(`${found.matchCount}\n`);
  } else if (plan.format === "table" && plan.writing.fields === undefined) {
    // Snippets are made only for a table of results; their modules load then.
    const [{ formatSearchHit }, { snippetOf }] = await Promise.all([import("../output/search-results.js"), import("../output/search-snippet.js")]);
    const terms = positiveTerms(plan.request.query);
    let rank = 0;
    for (const hit of found.hits) {
      rank++;
      const wait = sink.write(formatSearchHit(rank, hit.record, snippetOf(hit.record, terms, plan.request.matchOptions), toTextView(context.env)));
      if (wait) await wait;
    }
  } else {
    // A table with --fields is a table of those fields, the score among them if named.
    const { pipeRecords, makeRecordWriter } = await import("./write-records.js");
    await pipeRecords(withScores(found.hits), await makeRecordWriter(plan.format, sink, context.env, plan.writing));
  }
  await sink.flush();
}

function* withScores(hits: Iterable<SearchHit>): Generator<ArticleRecord & { score: number }> {
  for (const hit of hits) yield { ...hit.record, score: hit.score };
}

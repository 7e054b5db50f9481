// What a search prints: the number of matches (--count), a table of hits with snippets whose
// matched words are marked, or the matched records with their scores in a machine format.

import { positiveTerms } from "../core/search-match.js";
import type { SearchHit } from "../core/search-ranking.js";
import type { QueriedSearch } from "../core/search-request.js";
import { type OutputEnvironment, toTextView } from "./environment.js";
import type { WriterOptions } from "./record-writers.js";
import type { TextSink } from "./sink.js";
import type { PrintedFormat } from "./write-records.js";

/** How a search's results are printed, as the command line asked. */
interface SearchPrinting {
  request: QueriedSearch;
  /** --count: only the number of matching articles. */
  isCounting: boolean;
  format: PrintedFormat;
  writing: WriterOptions;
}

/** What a search found: the hits in order to print, and how many articles matched. */
interface PrintedHits {
  hits: Iterable<SearchHit>;
  matchCount: number;
}

export async function printSearch(found: PrintedHits, plan: SearchPrinting, sink: TextSink, env: OutputEnvironment): Promise<void> {
  if (plan.isCounting) {
    await sink.write(`${found.matchCount}\n`);
  } else if (plan.format === "table" && plan.writing.fields === undefined) {
    // Snippets are made only for a table of results; their modules load then.
    const [{ formatSearchHit }, { snippetOf }] = await Promise.all([import("./search-results.js"), import("./search-snippet.js")]);
    const terms = positiveTerms(plan.request.query);
    let rank = 0;
    for (const hit of found.hits) {
      rank++;
      const wait = sink.write(formatSearchHit(rank, hit.record, snippetOf(hit.record, terms, plan.request.matchOptions), toTextView(env)));
      if (wait) await wait;
    }
  } else {
    // A table with --fields is a table of those fields, the score among them if named.
    const { withScores, writeRecords } = await import("./write-records.js");
    await writeRecords(withScores(found.hits), plan.format, { sink, env }, plan.writing);
  }
  await sink.flush();
}

// Records for Elasticsearch and OpenSearch: the _bulk format (an action line, then the
// document, one JSON object a line) and an index template that maps the Arabic fields to the
// built-in `arabic` analyzer, so that a collection too large for one machine moves to an engine
// built for it.

import type { ByteBuilder } from "./byte-builder.js";
import type { OutputRecord } from "./output-record.js";

export const DEFAULT_ELASTIC_INDEX = "newsctl";

/**
 * Why a name cannot be an index name, or undefined when it can (Elasticsearch's rules: lower
 * case, none of \ / * ? " < > | , # : or space, not starting with - _ +, not . or .., at most
 * 255 bytes).
 */
export function elasticIndexNameProblem(name: string): string | undefined {
  if (name === "" || name === "." || name === "..") return "an index needs a name other than . or ..";
  if (name !== name.toLowerCase()) return "index names are lower case";
  if (/[\\/*?"<>|,#: ]/.test(name)) return 'index names hold none of \\ / * ? " < > | , # : or space';
  if (/^[-_+]/.test(name)) return "index names do not start with - _ or +";
  if (Buffer.byteLength(name) > 255) return "index names are at most 255 bytes";
  return undefined;
}

/**
 * _bulk lines: {"index":{"_index":NAME,"_id":NUMBER}} and the document. The article number is
 * the document's id, so loading a dump twice updates rather than duplicates; an article without
 * a number gets an id from the engine.
 */
export function makeEsBulkEncoder(
  elasticIndexName: string,
  project: (record: OutputRecord) => OutputRecord,
  /** JSON.stringify, or the same made safe for a terminal. */
  json: (value: unknown) => string = JSON.stringify,
): (record: OutputRecord, out: ByteBuilder) => void {
  return (record, out) => {
    const action = record.id === null ? { index: { _index: elasticIndexName } } : { index: { _index: elasticIndexName, _id: record.id } };
    out.writeText(`${json(action)}\n`);
    out.writeText(json(project(record)));
    out.writeAscii("\n");
  };
}

const ARABIC_TEXT = { type: "text", analyzer: "arabic" } as const;
const KEYWORD = { type: "keyword" } as const;

/** A composable index template for indices named NAME or NAME-*, for `PUT _index_template/NAME`. */
export function elasticIndexTemplate(elasticIndexName: string): object {
  return {
    index_patterns: [elasticIndexName, `${elasticIndexName}-*`],
    template: {
      mappings: {
        properties: {
          id: KEYWORD,
          headline: ARABIC_TEXT,
          subheadline: ARABIC_TEXT,
          lead: ARABIC_TEXT,
          // The agency as written, for terms aggregations; agency.text for searching its words.
          agency: { type: "keyword", fields: { text: ARABIC_TEXT } },
          // Local time as the dump gives it, or with an offset under --tz.
          published: { type: "date", format: "strict_date_optional_time" },
          desk: KEYWORD,
          body: ARABIC_TEXT,
          file: KEYWORD,
          line: { type: "integer" },
          warnings: KEYWORD,
        },
      },
    },
    _meta: { description: "newsctl article records", analyses: ANALYSES },
  };
}

/** The words of every analysis query below, as the query string of `newsctl trend` and `words`. */
const ANALYSED_FIELDS = ["headline", "subheadline", "lead", "body"];

/**
 * Search bodies that answer `newsctl trend` and `newsctl words QUERY` over an index of this
 * template (put the query where QUERY is): the matches per week and agency (a
 * `date_histogram`, empty weeks listed; without the query, the totals), and the words
 * distinctive of the matches (`significant_text`, on a sample of the best matches).
 */
const ANALYSES = {
  trend: {
    size: 0,
    query: { simple_query_string: { query: "QUERY", fields: ANALYSED_FIELDS, default_operator: "and" } },
    aggs: {
      per_period: {
        date_histogram: { field: "published", calendar_interval: "week", min_doc_count: 0 },
        aggs: { per_agency: { terms: { field: "agency", size: 100 } } },
      },
    },
  },
  words: {
    size: 0,
    query: { simple_query_string: { query: "QUERY", fields: ANALYSED_FIELDS, default_operator: "and" } },
    aggs: {
      sample: {
        sampler: { shard_size: 2000 },
        aggs: { words: { significant_text: { field: "body", size: 50, filter_duplicate_text: true } } },
      },
    },
  },
};

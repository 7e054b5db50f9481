// What every record writer takes and gives, whatever its format: kept apart from the writers
// so that the formats (record-writers.ts, elasticsearch.ts, record-table.ts, parquet-file.ts)
// share them without importing one another.

import type { ArticleRecord } from "../core/record.js";

/** A record, possibly with fields after the record's own (a search result's `score`). */
export type OutputRecord = ArticleRecord & Record<string, unknown>;

/** Writes records, or batches of them, in a format. */
export interface ItemWriter<Item> {
  /** Writes one item; a promise means "wait before the next" (the stream is full). */
  write(item: Item): Promise<void> | undefined;
  /** Writes what closes the output (the end of a JSON array, the last table rows). */
  end(): Promise<void> | undefined;
}

export type RecordWriter = ItemWriter<OutputRecord>;

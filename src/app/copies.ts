// Finding copies among the articles the dumps hold (`newsctl dedup`, and `export --dedup`): the
// same number, or nearly the same body, in clusters whose earliest copy is kept.

import { createHash } from "node:crypto";
import { type DuplicateCluster, DuplicateFinder } from "../core/near-duplicates.js";
import { placeKey } from "../core/record-place.js";
import { RecordReader, type ReadingContext, type ReadingOptions } from "./read-dumps.js";

/**
 * A finder that keeps, of a short article, a digest of its folded text (128 bits of SHA-256) rather than the
 * text: memory stays a few hundred bytes an article, however many are read.
 */
function makeFinder(threshold: number): DuplicateFinder {
  return new DuplicateFinder(threshold, { shortFingerprint: (text) => createHash("sha256").update(text).digest().toString("base64", 0, 16) });
}

interface FoundCopies {
  clusters: DuplicateCluster[];
  /** The articles read. */
  articles: number;
  /** The exit status the reading earned. */
  readingCode: number;
}

/** The clusters of copies among the articles the reading selects, their problems reported as they are read. */
export async function findClusters(reading: ReadingOptions, context: ReadingContext, threshold: number): Promise<FoundCopies> {
  const reader = new RecordReader(reading, context);
  const finder = makeFinder(threshold);
  let articles = 0;
  for await (const record of reader.records()) {
    finder.add(record);
    articles++;
  }
  return { clusters: finder.clusters(), articles, readingCode: reader.exitCode() };
}

/**
 * The places (FILE:LINE) of the copies a first reading of the inputs finds, for `export
 * --dedup` to leave out on its second reading. Warnings wait for that second reading.
 */
export async function findCopies(options: ReadingOptions, context: ReadingContext, threshold: number): Promise<Set<string>> {
  const reader = new RecordReader({ ...options, isQuiet: true, isStrict: false, isShowingProgress: false }, context);
  const finder = makeFinder(threshold);
  for await (const record of reader.records()) finder.add(record);
  return new Set(finder.clusters().flatMap((cluster) => cluster.dropped.map((copy) => placeKey(copy.file, copy.line))));
}

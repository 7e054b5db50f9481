// A search answered by reading the dumps: records stream through the matcher, and of the
// matches only where they are and how they matched is kept, to be ranked when all is read.
// With --limit, the few records shown are read again afterwards (except those from what
// cannot be read twice, which are kept); without, every match waits in the store.

import path from "node:path";
import type { ArticleRecord } from "../core/record.js";
import { placeKey } from "../core/record-place.js";
import type { QueriedSearch } from "../core/search-request.js";
import { hitsAtPlaces, SearchRanking, type RankedPlace, type SearchHit } from "../core/search-ranking.js";
import { NewsctlError } from "../errors.js";
import { fileVersionNow, isSameVersion, type FileVersion } from "../io/file-identity.js";
import { STDIN_NAME } from "../io/inputs.js";
import { hitsFromStore, MatchStore } from "../io/match-store.js";
import { RecordReader, type ReadingContext, type ReadingOptions } from "./read-dumps.js";
import type { SearchFound, StoreTrouble } from "./search-found.js";

/** The matches of a search in the dumps (with `isCounting`, only how many there are). */
export async function findInDumps(request: QueriedSearch, reading: ReadingOptions, isCounting: boolean, context: ReadingContext, trouble: StoreTrouble): Promise<SearchFound> {
  const limit = reading.limit;
  const isReadingAgain = limit !== undefined && !isCounting;
  const ranking = new SearchRanking(request.query, request.matchOptions, undefined, isCounting ? "nothing" : "places");
  const store = isCounting || isReadingAgain ? undefined : new MatchStore(trouble.options);
  // The version of each file that holds a match, when it is first met: a file read again must
  // still be that version.
  const versions = new Map<string, FileVersion | undefined>();
  const cannotReadAgain = isReadingAgain ? makeReadOnceTest(versions) : undefined;
  const select = (record: ArticleRecord) => {
    const isMatch = ranking.add(record, cannotReadAgain);
    if (isMatch) store?.put(record);
    return isMatch;
  };
  // The query selects records like a filter: only the warnings of matches are shown.
  const reader = new RecordReader({ ...reading, limit: undefined, select }, context);
  for await (const _match of reader.records());
  reader.endProgress();
  const found = { matchCount: ranking.matchCount, readingCode: reader.exitCode(), store };
  if (isCounting) return { ...found, hits: [] };
  const hits = isReadingAgain ? await readShownAgain(ranking.rankedPlaces(request.order, limit), versions, reading, context) : hitsFromStore(ranking.placesInOrder(request.order), store!);
  return { ...found, hits };
}

/**
 * Whether a match's file cannot be read a second time; asked of matches only, once per file,
 * noting in `versions` the version of each file (undefined for one that cannot be read again).
 */
function makeReadOnceTest(versions: Map<string, FileVersion | undefined>): (record: ArticleRecord) => boolean {
  return (record) => {
    if (!versions.has(record.file)) versions.set(record.file, canBeReadAgain(record.file) ? fileVersionNow(record.file) : undefined);
    return versions.get(record.file) === undefined;
  };
}

/**
 * The records at the places a search ranked first, read again from their files (warnings were
 * shown the first time). An article no longer there as it was is an error, not a silent gap: a
 * file whose size or time is no longer what it was when its matches were read (checked before
 * and after the second reading) is not trusted, even where the article's number and date are.
 */
async function readShownAgain(places: readonly RankedPlace[], versions: ReadonlyMap<string, FileVersion | undefined>, reading: ReadingOptions, context: ReadingContext): Promise<SearchHit[]> {
  const unread = places.filter((place) => place.record === null);
  const wanted = new Set(unread.map((place) => placeKey(place.file, place.line)));
  const files = [...new Set(unread.map((place) => place.file))];
  const checkUnchanged = () => {
    const changedFile = files.find((file) => !isSameVersion(versions.get(file), fileVersionNow(file)));
    if (changedFile !== undefined) throw changedError(unread.find((place) => place.file === changedFile)!);
  };
  const records: ArticleRecord[] = [];
  // Without files to read, the reader would read standard input.
  if (files.length > 0) {
    checkUnchanged();
    const again = { ...reading, paths: files, limit: undefined, isQuiet: true, isStrict: false, isShowingProgress: false };
    const reader = new RecordReader({ ...again, select: (record) => wanted.has(placeKey(record.file, record.line)) }, context);
    for await (const record of reader.records()) records.push(record);
    checkUnchanged();
  }
  const found = hitsAtPlaces(places, records);
  if ("changed" in found) throw changedError(found.changed);
  return found.hits;
}

function changedError(place: RankedPlace): NewsctlError {
  return new NewsctlError(`${place.file}:${place.line}: the article changed while the search read it`, undefined, "search again");
}

/**
 * Standard input cannot be read again, nor (on some systems) a name under /dev or /proc that
 * stands for an open descriptor, whose offset a second opening would share; a pipe, a FIFO or a
 * terminal has no version (fileVersionNow reads regular files only).
 */
function canBeReadAgain(file: string): boolean {
  return file !== STDIN_NAME && !/^\/(dev|proc)\//.test(path.resolve(file));
}

// `newsctl search QUERY [PATH...]`: the articles that match an Arabic-aware query, best first.
// Records stream through the matcher; of the matches, where they are and how they matched is
// kept, to be ranked when all is read, and their records wait in a store (or are read again).
// The reader of dumps and the writers are loaded only when the run uses them, so that
// `search --db --count` starts nearly as fast as Node itself.

import { statSync } from "node:fs";
import path from "node:path";
import { Option, type Command } from "./commander.js";
import { parseQuery, QuerySyntaxError, type ParsedQuery, type QueryTerm } from "../core/query.js";
import { RECORD_FIELDS } from "../core/record.js";
import { positiveTerms } from "../core/search-match.js";
import type { ArticleRecord } from "../core/record.js";
import type { RankedPlace, SearchHit, SearchOrder } from "../core/search-ranking.js";
import { EXIT_NOTHING_FOUND, EXIT_SUCCESS, NewsctlError, UsageError } from "../errors.js";
import { addFilterOptions, addFormatOptions, addInputOptions, OUTPUT_FORMATS, printedFormat, readFields, readReadingOptions, readSheetOptions, type RawOptions } from "./options.js";
import type { ReadingContext, ReadingOptions } from "./read-records.js";
import { openIndexForReading } from "./index-reading.js";
import type { MatchStore } from "../io/match-store.js";
import { writeError } from "../output/messages.js";

// Snippets are made only for a table of results; the module loads then.
type SnippetModule = typeof import("../core/snippet.js");

interface SearchOptions extends RawOptions {
  db?: string;
  exact?: boolean;
  sort?: SearchOrder;
  count?: boolean;
}

const SNIPPET_CHARACTERS = 160;

export function declareSearch(program: Command, context: ReadingContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("search")
    .description("find articles by Arabic words, the way Arabic is written; best first")
    .argument("<query>", 'words (all must match), OR, -word, "a phrase", prefix*, field:word')
    .argument("[path...]", "files, directories, glob patterns, or - for standard input")
    .option("--exact", "match words as written (folded), without light stemming")
    .addOption(new Option("--sort <order>", "order of results").choices(["relevance", "date"]).default("relevance"))
    .option("--count", "print only the number of matching articles")
    .option("--db <file>", "search the index that newsctl index built, instead of dumps");
  addInputOptions(addFilterOptions(addFormatOptions(command, OUTPUT_FORMATS)));
  command.addHelpText(
    "after",
    `
Words match whatever their harakat, hamza seat, alef or teh marbuta form, digit set or
tatweel, and (unless --exact) their light stem: الجيش finds والجيش and للجيش. Fields:
headline: subheadline: lead: body: agency:. Exit status 1 when nothing matches.

Examples:
  newsctl search احياء seeds
  newsctl search '"دير الزور" -دمشق' dumps --since 2021-01-01
  newsctl search 'headline:داعش OR headline:تنظيم' dumps --json | jq -r .headline
  newsctl search 'اقتصاد*' dumps --count`,
  );
  command.action(async (query: string, paths: string[], raw: SearchOptions) => {
    setExitCode(await runSearch(query, paths, raw, context));
  });
}

export async function runSearch(query: string, paths: readonly string[], raw: SearchOptions, context: ReadingContext): Promise<number> {
  const parsed = readQuery(query);
  const reading = readReadingOptions(paths, raw);
  const limit = reading.limit;
  const matchOptions = { isStemming: raw.exact !== true };
  const format = printedFormat(raw, context.env.isTerminal);
  const writing = { sheet: readSheetOptions(raw, format), fields: readFields(raw, [...RECORD_FIELDS, "score"]), extraColumns: ["score"] };
  const order = raw.sort ?? "relevance";
  let hits: Iterable<SearchHit> = [];
  let matchCount: number;
  let readingCode = EXIT_SUCCESS;
  // The matches of a search that prints them all wait here to be ranked (in memory up to a
  // budget, then in a temporary file).
  let store: MatchStore | undefined;
  let storeTrouble: NewsctlError | undefined;
  const storeOptions = { onFileTrouble: (error: NewsctlError) => (storeTrouble = error) };
  try {
    if (raw.db !== undefined) {
      const index = await openIndexForReading(raw.db, paths, raw);
      try {
        if (raw.count === true) {
          // The index's tables hold exactly what matching looks at: count without reading.
          const count = index.countMatches(parsed, matchOptions, reading.filter);
          context.env.stdout.write(`${count}\n`);
          return count > 0 ? EXIT_SUCCESS : EXIT_NOTHING_FOUND;
        }
        const [{ SearchRanking }, { MatchStore }] = await Promise.all([import("../core/search-ranking.js"), import("../io/match-store.js")]);
        // With a limit, only the articles that can be among the first are read and matched.
        const { stats, best } = index.readConsistently(() => {
          const stats = index.searchStats(parsed, matchOptions, reading.filter);
          if (limit === undefined) return { stats, best: null };
          const best = raw.sort === "date" ? index.newestMatches(parsed, matchOptions, reading.filter, stats, limit) : index.bestMatches(parsed, matchOptions, reading.filter, stats, limit);
          return { stats, best };
        });
        if (best !== null) {
          const ranking = new SearchRanking(parsed, matchOptions, stats);
          for (const record of best.records) ranking.add(record);
          hits = ranking.ranked(order).slice(0, limit);
          matchCount = best.matchCount;
        } else {
          const ranking = new SearchRanking(parsed, matchOptions, stats, "places");
          store = new MatchStore(storeOptions);
          for (const record of index.candidates(parsed, matchOptions, reading.filter)) {
            if (ranking.add(record)) store.put(record);
          }
          hits = hitsFromStore(ranking.placesInOrder(order), store, limit);
          matchCount = ranking.matchCount;
        }
      } finally {
        index.close();
      }
    } else {
      const [{ SearchRanking }, { RecordReader }, { STDIN_NAME }, { MatchStore }] = await Promise.all([
        import("../core/search-ranking.js"),
        import("./read-records.js"),
        import("../io/inputs.js"),
        import("../io/match-store.js"),
      ]);
      // The ranking keeps only where each match is and how it matched. With --limit, the few
      // records shown are read again afterwards, except those from what cannot be read twice
      // (standard input, a pipe), which are kept; without, every match waits in the store.
      const isReadingAgain = limit !== undefined && raw.count !== true;
      const ranking = new SearchRanking(parsed, matchOptions, undefined, raw.count === true ? "nothing" : "places");
      if (raw.count !== true && !isReadingAgain) store = new MatchStore(storeOptions);
      // Asked of matches only, once per file.
      const isRegularFile = new Map<string, boolean>();
      const cannotReadAgain = (record: ArticleRecord) => {
        let isRegular = isRegularFile.get(record.file);
        if (isRegular === undefined) {
          isRegular = record.file !== STDIN_NAME && isRegularFileNow(record.file);
          isRegularFile.set(record.file, isRegular);
        }
        return !isRegular;
      };
      const select = (record: ArticleRecord) => {
        const isMatch = ranking.add(record, isReadingAgain ? cannotReadAgain : undefined);
        if (isMatch) store?.put(record);
        return isMatch;
      };
      // The query selects records like a filter: only the warnings of matches are shown.
      const reader = new RecordReader({ ...reading, limit: undefined, select }, context);
      reader.showProgressOnTerminal();
      for await (const _match of reader.records());
      reader.endProgress();
      readingCode = reader.exitCode();
      matchCount = ranking.matchCount;
      if (raw.count !== true) {
        hits = isReadingAgain ? await readShownAgain(ranking.rankedPlaces(order, limit), reading, context) : hitsFromStore(ranking.placesInOrder(order), store!);
      }
    }

    store?.finishWriting();
    if (storeTrouble !== undefined && !reading.isQuiet) writeError(context.env, `${storeTrouble.message}; the matches are held in memory instead`, storeTrouble.hint);
    const { TextSink } = await import("../output/sink.js");
    const sink = new TextSink(context.env.stdout);
    if (raw.count === true) {
      await sink.write(`${matchCount}\n`);
    } else if (format === "table" && writing.fields === undefined) {
      const [{ formatSearchHit }, snippets] = await Promise.all([import("../output/search-results.js"), import("../core/snippet.js")]);
      const terms = positiveTerms(parsed);
      let rank = 0;
      for (const hit of hits) {
        rank++;
        const wait = sink.write(formatSearchHit(rank, hit.record, snippetOf(hit, terms, matchOptions, snippets), context.env));
        if (wait) await wait;
      }
    } else {
      // A table with --fields is a table of those fields, the score among them if named.
      const { pipeRecords, makeRecordWriter } = await import("./write-records.js");
      await pipeRecords(withScores(hits), await makeRecordWriter(format, sink, context.env, writing));
    }
    await sink.flush();
  } finally {
    store?.close();
  }
  if (readingCode !== EXIT_SUCCESS) return readingCode;
  return matchCount > 0 ? EXIT_SUCCESS : EXIT_NOTHING_FOUND;
}

/** The hits at the first `limit` ranked places, their records taken from the store as they are printed. */
function* hitsFromStore(places: Iterable<RankedPlace>, store: MatchStore, limit = Infinity): Generator<SearchHit> {
  let count = 0;
  for (const place of places) {
    if (count++ >= limit) return;
    yield { record: store.take(place.ordinal), score: place.score, match: place.match };
  }
}

function* withScores(hits: Iterable<SearchHit>): Generator<ArticleRecord & { score: number }> {
  for (const hit of hits) yield { ...hit.record, score: hit.score };
}

/**
 * The records at the places a search ranked first, read again from their files (warnings were
 * shown the first time). An article no longer there as it was is an error, not a silent gap.
 */
async function readShownAgain(places: readonly RankedPlace[], reading: ReadingOptions, context: ReadingContext): Promise<SearchHit[]> {
  const [{ RecordReader }, { hitsAtPlaces }, { placeKey }] = await Promise.all([import("./read-records.js"), import("../core/search-ranking.js"), import("../core/record-place.js")]);
  const unread = places.filter((place) => place.record === null);
  const wanted = new Set(unread.map((place) => placeKey(place.file, place.line)));
  const files = [...new Set(unread.map((place) => place.file))];
  const records: ArticleRecord[] = [];
  // Without files to read, the reader would read standard input.
  if (files.length > 0) {
    const reader = new RecordReader({ ...reading, paths: files, limit: undefined, isQuiet: true, isStrict: false, select: (record) => wanted.has(placeKey(record.file, record.line)) }, context);
    for await (const record of reader.records()) records.push(record);
  }
  const found = hitsAtPlaces(places, records);
  if ("changed" in found) throw new NewsctlError(`${found.changed.file}:${found.changed.line}: the article changed while the search read it`, undefined, "search again");
  return found.hits;
}

/**
 * A regular file can be read again; a pipe, a FIFO or a terminal cannot, nor (on some systems)
 * a name under /dev or /proc that stands for an open descriptor, whose offset a second opening
 * would share.
 */
function isRegularFileNow(file: string): boolean {
  if (/^\/(dev|proc)\//.test(path.resolve(file))) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function readQuery(query: string): ParsedQuery {
  try {
    return parseQuery(query);
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    const caret = `${" ".repeat(error.column - 1)}^`;
    throw new UsageError(`query: ${error.message} (column ${error.column})`, 'see "newsctl search --help" for the query language', `  ${query}\n  ${caret}`);
  }
}

/**
 * The body around its first match, else the lead or subheadline around theirs; the start of
 * the body when only the headline or agency matched. Only terms that may match a field are
 * highlighted in it.
 */
function snippetOf(hit: SearchHit, terms: readonly QueryTerm[], options: { isStemming: boolean }, snippets: SnippetModule) {
  const { findMatchRanges, makeSnippet } = snippets;
  for (const field of ["body", "lead", "subheadline"] as const) {
    const text = hit.record[field];
    if (!text) continue;
    const ranges = findMatchRanges(text, terms.filter((term) => term.field === null || term.field === field), options);
    if (ranges.length > 0) return makeSnippet(text, ranges, SNIPPET_CHARACTERS);
  }
  return hit.record.body ? makeSnippet(hit.record.body, [], SNIPPET_CHARACTERS) : null;
}

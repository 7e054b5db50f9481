// A search against the index with --limit reads only the articles that can be among the first,
// by relevance (occurrence-ranking.ts) or by date (first-matches.ts). These tests hold that it
// gives exactly what ranking every match gives:
// the same articles, in the same order, with the same scores, and the same number of matches,
// for random collections (replaced between runs, so the full-text tables hold deleted rows and
// reused row ids) and random queries.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STEM_PREFIXES, stemArabic } from "../../src/core/arabic-stem.js";
import { indexTexts } from "../../src/core/fts-terms.js";
import { selectNewest } from "../../src/core/first-matches.js";
import { matchingTokens, type OccurrenceLists } from "../../src/core/occurrence-ranking.js";
import { comparePublished, hasOffset } from "../../src/core/dates.js";
import { parseQuery } from "../../src/core/query.js";
import type { ArticleRecord } from "../../src/core/record.js";
import type { RecordFilter } from "../../src/core/filters.js";
import type { MatchOptions } from "../../src/core/search-match.js";
import { SearchRanking } from "../../src/core/search-ranking.js";
import { ArticleIndex } from "../../src/io/article-index.js";
import { articleRecord } from "../helpers/article-record.js";

const STEMMING: MatchOptions = { isStemming: true };
const EXACT: MatchOptions = { isStemming: false };

// Words that share stems through prefixes and suffixes, and some that do not.
const WORDS = [
  "الجيش", "والجيش", "للجيش", "جيش", "جيشها", "بالجيش",
  "مدينة", "المدينة", "مدينتان", "بالمدينة", "مدن",
  "وزير", "الوزير", "وزيران", "الوزيرين", "وزارة", "ووزير",
  "سعر", "الأسعار", "اسعار", "٢٠٢٢", "2022", "news",
];

let directory: string;
let index: ArticleIndex;
beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), "newsctl-occurrences-"));
  index = ArticleIndex.open(path.join(directory, "news.db"), true);
});
afterAll(() => {
  index.close();
  rmSync(directory, { recursive: true, force: true });
});

const text = (max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: max }).map((words) => words.join(" "));
const anArticle = fc.record({
  // Few numbers, so that some articles shadow others.
  id: fc.option(fc.constantFrom("1", "2", "3", "4", "5", "6", "7", "8"), { nil: null }),
  headline: text(4),
  lead: fc.option(text(6), { nil: null }),
  body: text(14),
  agency: fc.constantFrom("تنا", "واس", null),
  // Few times, so that equal scores are put in order by date, then file and line.
  published: fc.constantFrom("2021-01-25T11:27:00", "2021-01-26T08:00:00", null),
});

const field = fc.constantFrom("", "", "", "headline:", "body:", "lead:");
const word = fc.constantFrom(...WORDS);
const term = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(field, word).map(([f, w]) => `${f}${w}`) },
  { weight: 1, arbitrary: fc.tuple(field, word).map(([f, w]) => `${f}"${w}"`) },
  { weight: 1, arbitrary: fc.tuple(field, word).map(([f, w]) => `${f}${[...w].slice(0, 3).join("")}*`) },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`) },
);
const clause = fc.oneof(
  { weight: 3, arbitrary: term },
  { weight: 1, arbitrary: fc.tuple(term, term).map(([a, b]) => `${a} OR ${b}`) },
  { weight: 1, arbitrary: word.map((w) => `-${w}`) },
);
const query = fc.array(clause, { minLength: 1, maxLength: 3 }).map((clauses) => clauses.join(" "));
const filter: fc.Arbitrary<RecordFilter> = fc.constantFrom({}, {}, { agencies: ["واس"] });

type ArticleFields = Pick<ArticleRecord, "id" | "headline" | "lead" | "body" | "agency" | "published">;

function fill(articles: readonly ArticleFields[]): void {
  const byFile = new Map<string, ArticleRecord[]>();
  articles.forEach((fields, number) => {
    const file = number % 3 === 0 ? "b.txt" : "a.txt";
    const record = articleRecord({ file, line: number + 1, ...fields });
    byFile.set(file, [...(byFile.get(file) ?? []), record]);
  });
  index.inTransaction(() => {
    for (const file of ["a.txt", "b.txt"]) {
      const records = byFile.get(file) ?? [];
      index.replaceFile(file, { size: records.length, mtimeMs: 0, hash: String(records.length) }, records, records.map(indexTexts));
    }
  });
}

const shown = (records: readonly { record: ArticleRecord; score: number }[]) => records.map(({ record, score }) => `${record.file}:${record.line} ${score}`);

describe("the best matches from occurrence lists", () => {
  for (const [label, options] of [["with stemming", STEMMING], ["exact (--exact)", EXACT]] as const) {
    it(`are the first of all matches ranked, ${label}`, () => {
      let compared = 0;
      fc.assert(
        fc.property(fc.array(anArticle, { minLength: 1, maxLength: 12 }), query, fc.integer({ min: 0, max: 6 }), filter, fc.constantFrom(0, 1_000), (articles, typed, limit, chosen, lookupsBeforeScan) => {
          fill(articles);
          const parsed = parseQuery(typed);
          const stats = index.searchStats(parsed, options, chosen);
          const all = new SearchRanking(parsed, options, stats);
          for (const record of index.candidates(parsed, options, chosen)) all.add(record);
          // Times are looked up one by one, or all read in one pass (lookupsBeforeScan).
          // --sort date: the newest, from publication times alone (phrases too).
          const newest = index.readConsistently(() => index.newestMatches(parsed, options, chosen, stats, limit, lookupsBeforeScan))!;
          const byDate = new SearchRanking(parsed, options, stats);
          for (const record of newest.records) byDate.add(record);
          expect(newest.matchCount, typed).toBe(all.matchCount);
          expect(shown(byDate.ranked("date").slice(0, limit)), typed).toEqual(shown(all.ranked("date").slice(0, limit)));
          // And only those are read: articles that tie on time are told apart by their places.
          expect(newest.records.length, typed).toBe(Math.min(limit, all.matchCount));
          // Phrases too: their occurrences are found from their tokens' positions.
          const best = index.readConsistently(() => index.bestMatches(parsed, options, chosen, stats, limit, lookupsBeforeScan));
          const few = new SearchRanking(parsed, options, stats);
          for (const record of best.records) few.add(record);
          expect(best.matchCount, typed).toBe(all.matchCount);
          expect(shown(few.ranked("relevance").slice(0, limit)), typed).toEqual(shown(all.ranked("relevance").slice(0, limit)));
          // No more articles are read than are wanted: those that tie with the last on score are
          // told apart by time and place, unless their times are not in one order.
          const times = all.ranked("relevance").map((hit) => hit.record.published).filter((time) => time !== null);
          const isOneOrder = times.every(hasOffset) || !times.some(hasOffset);
          if (isOneOrder) expect(best.records.length, typed).toBe(Math.min(limit, all.matchCount));
          compared++;
        }),
        { numRuns: 250 },
      );
      // The comparison must not have been skipped for most queries.
      expect(compared).toBeGreaterThan(100);
    });
  }

  it("scores with each article's lengths, past the first page of lengths and past 65,535 characters", () => {
    // 2,500 articles, whose lengths lie on two pages at least; one in five has the word, and the
    // five longest bodies, too long for 16 bits, have it too. Scores fall as bodies grow, so a
    // wrong length puts an article in the wrong place.
    const isLong = (number: number) => number % 500 === 499;
    const articles = Array.from({ length: 2_500 }, (_, number) => ({
      id: null,
      headline: number % 35 === 0 ? "الجيش" : "وزير",
      lead: null,
      body: `${number % 5 === 0 || isLong(number) ? "الجيش" : "وزير"} ${"مدن ".repeat(number % 50)}${isLong(number) ? "سعر ".repeat(20_000 + number) : ""}`,
      agency: null,
      published: null,
    }));
    fill(articles);
    const parsed = parseQuery("الجيش");
    const stats = index.searchStats(parsed, STEMMING, {});
    const all = new SearchRanking(parsed, STEMMING, stats);
    for (const record of index.candidates(parsed, STEMMING, {})) all.add(record);
    const ranked = all.ranked("relevance");
    // The longest bodies rank last, each by its own length.
    const lastLengths = ranked.slice(-5).map((hit) => hit.record.body!.length);
    expect(lastLengths).toEqual([...lastLengths].sort((a, b) => a - b));
    expect(lastLengths[0]).toBeGreaterThan(65_535);
    // Limits that cut among the short bodies and among the longest.
    for (const limit of [5, 400, ranked.length - 3, ranked.length - 1]) {
      const best = index.readConsistently(() => index.bestMatches(parsed, STEMMING, {}, stats, limit));
      const few = new SearchRanking(parsed, STEMMING, stats);
      for (const record of best.records) few.add(record);
      expect(shown(few.ranked("relevance").slice(0, limit))).toEqual(shown(ranked.slice(0, limit)));
    }
  });

  it("reads fewer articles than match when the limit is small", () => {
    fill(Array.from({ length: 40 }, (_, number) => ({ id: null, headline: number % 2 ? "الجيش" : "وزير", lead: null, body: `الجيش ${"مدن ".repeat(number)}`, agency: null, published: null })));
    const parsed = parseQuery("الجيش");
    const best = index.bestMatches(parsed, STEMMING, {}, index.searchStats(parsed, STEMMING, {}), 3)!;
    expect(best.matchCount).toBe(40);
    expect(best.records.length).toBe(3);
    // The headline weighs most, and a shorter body more than a longer one (read in no order).
    expect(best.records.map((record) => record.line).sort((a, b) => a - b)).toEqual([2, 4, 6]);
  });
});

describe("the tokens that match a word by stem", () => {
  /** Lists over a sorted vocabulary, as an index's terms are. */
  const listsOf = (vocabulary: readonly string[]): OccurrenceLists => {
    const sorted = [...new Set(vocabulary)].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1));
    return { tokensStartingWith: (start) => sorted.filter((token) => token.startsWith(start)), occurrences: () => [], positions: () => [] };
  };
  const letters = fc.constantFrom(..."ابتجدرسعفكلمنهوي");
  const stem = fc.array(letters, { minLength: 2, maxLength: 4 }).map((chars) => chars.join(""));
  const affixed = fc
    .tuple(fc.constantFrom("", ...STEM_PREFIXES), stem, fc.constantFrom("", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي", "هان"))
    .map(([prefix, middle, suffix]) => prefix + middle + suffix);

  it("are every token of the vocabulary whose stem is the word's, and no other", () => {
    fc.assert(
      fc.property(fc.array(affixed, { minLength: 1, maxLength: 60 }), affixed, (vocabulary, typed) => {
        const wordTerm = parseQuery(typed).clauses[0]!.alternatives[0]!;
        if (wordTerm.kind !== "word") return;
        const found = matchingTokens(wordTerm, STEMMING, listsOf(vocabulary));
        const expected = new Set(vocabulary.filter((token) => stemArabic(token) === wordTerm.stem));
        expect(new Set(found.map((match) => match.token))).toEqual(expected);
        for (const match of found) expect(match.how).toBe(match.token === wordTerm.token ? 2 : 1);
      }),
      { numRuns: 2000 },
    );
  });

  it("is the word alone when it is quoted or stemming is off, and every extension of a prefix", () => {
    const lists = listsOf(["الجيش", "جيش", "جيشان", "الجيوش"]);
    expect(matchingTokens(parseQuery('"جيش"').clauses[0]!.alternatives[0]!, STEMMING, lists)).toEqual([{ token: "جيش", how: 2 }]);
    expect(matchingTokens(parseQuery("جيش").clauses[0]!.alternatives[0]!, EXACT, lists)).toEqual([{ token: "جيش", how: 2 }]);
    expect(matchingTokens(parseQuery("جيش*").clauses[0]!.alternatives[0]!, STEMMING, lists).map((match) => match.token)).toEqual(["جيش", "جيشان"]);
  });
});

describe("the newest matches from publication times", () => {
  const localTime = fc.constantFrom("2021-01-25T11:27:00", "2021-01-25T11:28:00", "2020-12-31T23:59:59", "2021-02-01T00:00:00");
  const offsetTime = fc.constantFrom("2021-01-25T11:27:00+03:00", "2021-01-25T08:27:00Z", "2021-01-25T09:27:00+00:00", "2021-01-24T23:00:00-05:00");

  for (const [label, time] of [["written as local times", localTime], ["carrying offsets", offsetTime]] as const) {
    it(`hold the first of a full sort and nothing older than the limit-th, ${label}`, () => {
      fc.assert(
        fc.property(fc.array(fc.option(time, { nil: null }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 8 }), (published, limit) => {
          const chosen = selectNewest(published, limit)!;
          const sorted = published.map((_, slot) => slot).sort((a, b) => comparePublished(published[b]!, published[a]!) || a - b);
          const first = sorted.slice(0, limit);
          for (const slot of first) expect(chosen).toContain(slot);
          const limitTh = published[first[first.length - 1]!]!;
          // Every slot at least as new as the limit-th is chosen, and no other.
          expect(chosen).toEqual(published.flatMap((one, slot) => (comparePublished(one, limitTh) >= 0 ? [slot] : [])));
        }),
        { numRuns: 1000 },
      );
    });
  }

  it("gives up when some times carry an offset and others do not", () => {
    expect(selectNewest(["2021-01-25T11:27:00", "2021-01-25T11:27:00+03:00", null], 1)).toBeNull();
    expect(selectNewest(["2021-01-25T11:27:00", null], 1)).toEqual([0]);
  });
});

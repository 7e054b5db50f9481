// The analyses as a page of `serve` asks them, on an index it holds open (trendInIndex,
// kwicInIndex, wordsInIndex, collocatesInIndex), give exactly the rows the commands print with
// --json: the pages' JSON twins and the command line cannot drift apart.

import { afterAll, beforeAll, expect, it } from "vitest";
import { collocatesInIndex } from "../../src/app/collocates.js";
import { kwicInIndex } from "../../src/app/kwic.js";
import { trendInIndex } from "../../src/app/trend.js";
import { wordsInIndex } from "../../src/app/words.js";
import { parseQuery } from "../../src/core/query.js";
import { defaultStopWords } from "../../src/core/stop-words.js";
import { ArticleIndex } from "../../src/io/article-index.js";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";
import path from "node:path";

const ARTICLES: readonly ArticleText[] = [
  { headline: "الجيش يتقدم نحو المدينة", agency: "واس", date: "30 Dec 2020 ساعة 10:00", body: ["قال مسؤول إن الجيش دخل المدينة صباحا."], number: "51" },
  { headline: "سوق المدينة", agency: "تنا", date: "05 Jan 2021 ساعة 10:00", body: ["افتتح الأمير سوق المدينة والجيش يحرسها."], number: "52" },
  { headline: "طقس", agency: "سانا", date: "20 Jan 2021 ساعة 10:00", body: ["الطقس معتدل في المدينة."], number: "53" },
];

let dir: string;
let index: ArticleIndex;
beforeAll(async () => {
  dir = await makeTempDir();
  await writeDump(dir, "a.txt", buildDump(ARTICLES).text);
  const indexed = await runInProcess(["index", "a.txt", "--db", "news.db", "--quiet"], { cwd: dir });
  expect(indexed.code, indexed.stderr).toBe(0);
  index = ArticleIndex.openReadOnly(path.join(dir, "news.db"));
});
afterAll(async () => {
  index?.close();
  await removeTempDir(dir);
});

const printed = async (args: readonly string[]) => JSON.parse((await runInProcess([...args, "--db", "news.db", "--json"], { cwd: dir })).stdout) as unknown;
const filter = {};
const matchOptions = { isStemming: true };

it("gives a trend's rows as trend --json prints them", async () => {
  const request = { queries: ["الجيش", "المدينة"].map((text) => ({ text, query: parseQuery(text) })), matchOptions, filter, unit: "week" as const, isSplitByAgency: true };
  expect(trendInIndex(index, request).rows).toEqual(await printed(["trend", "-e", "الجيش", "-e", "المدينة", "--by", "week", "--split", "agency"]));
});

it("gives a concordance's lines as kwic --json prints them", async () => {
  const request = { query: parseQuery("المدينة"), matchOptions, filter, width: 3, order: "right" as const, limit: undefined };
  expect([...kwicInIndex(index, request)]).toEqual(await printed(["kwic", "المدينة", "--width", "3", "--sort", "right"]));
});

it("gives a word list as words --json prints it, with and without a query", async () => {
  const request = { query: null, matchOptions, filter, isExact: false, stopWords: [...defaultStopWords()], top: 100, minCount: 1 };
  expect(wordsInIndex(index, request).rows).toEqual(await printed(["words"]));
  expect(wordsInIndex(index, { ...request, query: parseQuery("الجيش") }).rows).toEqual(await printed(["words", "الجيش"]));
});

it("gives collocates as collocates --json prints them", async () => {
  const request = { word: "المدينه", isExact: false, filter, window: 3, measure: "mi" as const, minTogether: 1, top: 100, stopWords: [...defaultStopWords()] };
  expect(collocatesInIndex(index, request).rows).toEqual(await printed(["collocates", "المدينة", "--window", "3", "--measure", "mi", "--min-together", "1"]));
});

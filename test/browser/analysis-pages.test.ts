/// <reference lib="dom" />
// The analysis pages of `newsctl serve` (/trend, /kwic, /words, /collocates) in Chromium, on an
// index of a small collection the test writes: the trend's chart has a point per period whose
// title holds its figures, each linking to the search narrowed to the period; the concordance
// marks sit on the matched words, with the context around them in the order Arabic reads; every
// JSON twin and download equals what the built binary prints for the same command; a bad
// parameter is a 400 that says what is wrong.

import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNewsctl } from "../helpers/run-newsctl.js";
import { serveCollection } from "../helpers/serve-collection.js";
import { type ServedProcess, serveProcess } from "../helpers/served-process.js";
import { csvObjects, makeTempDir, removeTempDir } from "../helpers/support.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const ARMY = "الجيش";
/** The forms of ARMY the collection writes: found by the light stem. */
const ARMY_FORMS = ["الجيش", "والجيش", "للجيش"];

describe.skipIf(!existsSync(CHROMIUM))("the analysis pages of newsctl serve", () => {
  let tmp: string;
  let db: string;
  let served: ServedProcess;
  let browser: Browser;

  /** What `newsctl ARGS --db DB` prints, checked to have succeeded. */
  async function command(args: string[]): Promise<string> {
    const result = await runNewsctl([...args, "--db", db], { cwd: tmp });
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  }

  async function fetched(address: string): Promise<{ status: number; text: string }> {
    const response = await fetch(new URL(address, served.url));
    return { status: response.status, text: await response.text() };
  }

  const at = (address: string) => new URL(address, served.url).href;

  beforeAll(async () => {
    tmp = await makeTempDir();
    await mkdir(path.join(tmp, "dumps"));
    for (const [name, text] of Object.entries(serveCollection())) await writeFile(path.join(tmp, "dumps", name), text);
    db = path.join(tmp, "news.db");
    const indexed = await runNewsctl(["index", "dumps", "--db", db, "--quiet"], { cwd: tmp });
    expect(indexed.code, indexed.stderr).toBe(0);
    served = await serveProcess(db);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await removeTempDir(tmp);
  });

  it("the trend's chart has a point per period, its title holding the period and its figures, linking to the search of that period", async () => {
    const q = encodeURIComponent(ARMY);
    const twin = JSON.parse((await fetched(`/trend.json?q=${q}&by=day`)).text) as { rows: Array<{ period: string; matches: number; total: number; share: number }> };
    const counted = csvObjects(await command(["trend", ARMY, "--by", "day", "--csv"]));
    expect(twin.rows.map((row) => ({ ...row, matches: String(row.matches), total: String(row.total), share: String(row.share) }))).toEqual(counted);
    expect(twin.rows.length).toBeGreaterThan(60);
    // The periods run without a gap from the first week to the last, empty ones as zeros.
    expect(twin.rows.some((row) => row.total === 0)).toBe(true);
    const page = await browser.newPage();
    try {
      await page.goto(at(`/trend?q=${q}&by=day&lang=en`));
      const titles = await page.locator("svg circle.point title").allTextContents();
      expect(titles).toEqual(twin.rows.map((row) => `${row.period}: ${row.matches} of ${row.total} (${Math.round(row.share * 10_000) / 100}%)`));
      const englishXs = await page.locator("svg circle.point").evaluateAll((points) => points.map((point) => Number(point.getAttribute("cx"))));
      expect(englishXs[0]!).toBeLessThan(englishXs.at(-1)!);
      // The figures beneath, one row per period.
      await expect(page.locator("table.trend-figures tbody tr").count()).resolves.toBe(twin.rows.length);
      // A point leads to the search narrowed to its day: as many results as the point's matches.
      const busiest = twin.rows.reduce((best, row) => (row.matches > best.matches ? row : best));
      const index = twin.rows.indexOf(busiest);
      await page.locator("svg circle.point").nth(index).evaluate((point) => (point.parentElement as unknown as SVGAElement).dispatchEvent(new MouseEvent("click", { bubbles: true })));
      await page.waitForURL(/since=/);
      await expect(page.locator("p.summary").getAttribute("data-count")).resolves.toBe(String(busiest.matches));
      // In Arabic the time axis runs from right to left; the share is a link away.
      await page.goto(at(`/trend?q=${q}&by=day&lang=ar`));
      const arabicXs = await page.locator("svg circle.point").evaluateAll((points) => points.map((point) => Number(point.getAttribute("cx"))));
      expect(arabicXs).toHaveLength(twin.rows.length);
      expect(arabicXs[0]!).toBeGreaterThan(arabicXs.at(-1)!);
      const counts = await page.locator("svg circle.point").evaluateAll((points) => points.map((point) => Number(point.getAttribute("cy"))));
      await page.locator(".choices a[href*='show=share']").click();
      await page.waitForURL(/show=share/);
      const shares = await page.locator("svg circle.point").evaluateAll((points) => points.map((point) => Number(point.getAttribute("cy"))));
      expect(shares).toHaveLength(counts.length);
      expect(shares).not.toEqual(counts);
    } finally {
      await page.close();
    }
  });

  it("the concordance marks the matched words and sets the words before them at their right in Arabic, after them at their left", async () => {
    const q = encodeURIComponent(ARMY);
    const twin = JSON.parse((await fetched(`/kwic.json?q=${q}`)).text) as { lines: Array<{ left: string; match: string; right: string }> };
    expect(twin.lines).toEqual(JSON.parse(await command(["kwic", ARMY, "--json", "--limit", "50"])));
    expect(twin.lines.length).toBeGreaterThan(10);
    for (const language of ["ar", "en"]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(at(`/kwic?q=${q}&lang=${language}`));
        const lines = await page.locator("table.kwic tbody tr").evaluateAll((rows) =>
          rows.map((row) => {
            const box = (selector: string) => row.querySelector(selector)!.getBoundingClientRect();
            const [before, mark, after] = [box("td.before > span"), box("mark"), box("td.after > span")];
            return {
              left: row.querySelector("td.before")!.textContent,
              match: row.querySelector("mark")!.textContent,
              right: row.querySelector("td.after")!.textContent,
              isBeforeAtRight: before.left >= mark.right - 1 || before.width === 0,
              isAfterAtLeft: after.right <= mark.left + 1 || after.width === 0,
            };
          }),
        );
        expect(lines.map(({ left, match, right }) => ({ left, match, right }))).toEqual(twin.lines.map(({ left, match, right }) => ({ left, match, right })));
        for (const line of lines) {
          expect(ARMY_FORMS, language).toContain(line.match);
          expect(line.isBeforeAtRight, `${language}: ${line.left} | ${line.match}`).toBe(true);
          expect(line.isAfterAtLeft, `${language}: ${line.match} | ${line.right}`).toBe(true);
        }
        // Each line leads to its article, its matches marked.
        await page.locator("table.kwic td.match a").first().click();
        await page.waitForURL(/\/article\?/);
        await expect(page.locator("article mark").count()).resolves.toBeGreaterThan(0);
      } finally {
        await page.close();
      }
    }
  });

  it("every JSON twin and download equals what its command prints", async () => {
    const q = encodeURIComponent(ARMY);
    const twin = async (address: string) => JSON.parse((await fetched(address)).text) as { rows: unknown };
    expect((await twin(`/trend.json?q=${q}&q=${encodeURIComponent("النفط")}&split=agency&by=month`)).rows).toEqual(JSON.parse(await command(["trend", "-e", ARMY, "-e", "النفط", "--split", "agency", "--by", "month", "--json"])));
    expect((await twin(`/words.json?q=${q}`)).rows).toEqual(JSON.parse(await command(["words", ARMY, "--json"])));
    expect((await twin("/words.json?top=30")).rows).toEqual(JSON.parse(await command(["words", "--top", "30", "--json"])));
    const collocates = await twin(`/collocates.json?w=${q}&window=3&measure=mi`);
    expect(collocates.rows).toEqual(JSON.parse(await command(["collocates", ARMY, "--window", "3", "--measure", "mi", "--json"])));
    expect((collocates.rows as unknown[]).length).toBeGreaterThan(0);
    expect((await fetched(`/trend.csv?q=${q}&by=month`)).text).toBe(await command(["trend", ARMY, "--by", "month", "--csv"]));
    expect((await fetched(`/kwic.csv?q=${q}&sort=left`)).text).toBe(await command(["kwic", ARMY, "--sort", "left", "--csv"]));
    expect((await fetched(`/words.ndjson?q=${q}`)).text).toBe(await command(["words", ARMY, "--ndjson"]));
    expect((await fetched(`/collocates.csv?w=${q}`)).text).toBe(await command(["collocates", ARMY, "--csv"]));
  });

  it("the search page links to its query's analyses, and each word of a word list to its search and its collocates", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(at(`/?q=${encodeURIComponent(ARMY)}&lang=en`));
      const hrefs = await page.locator("p.analyses a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      expect(hrefs).toEqual(["/trend", "/kwic", "/words"].map((where) => `${where}?q=${encodeURIComponent(ARMY).replace(/%20/g, "+")}&lang=en`));
      await expect(page.locator("details.facets-fold").count()).resolves.toBe(1);
      await page.goto(at(`/words?q=${encodeURIComponent(ARMY)}&lang=en`));
      const first = page.locator("table.ranked tbody tr").first();
      const word = (await first.locator("td.word a").first().textContent())!;
      await first.locator("a.near").click();
      await page.waitForURL(/\/collocates\?/);
      expect(new URL(page.url()).searchParams.get("w")).toBe(word);
    } finally {
      await page.close();
    }
  });

  it("a bad parameter is a 400 that says what is wrong, in the page's language or as JSON", async () => {
    const q = encodeURIComponent(ARMY);
    const cases = [
      { address: `/trend.json?q=${q}&by=hour`, says: 'by: "hour" is not day, week, month, year' },
      { address: `/kwic.json?q=${q}&width=99`, says: "width: from 1 to 20, not 99" },
      { address: `/kwic.json?q=${q}&page=201`, says: "page: from 1 to 200, not 201" },
      { address: `/words.json?q=${q}&top=0`, says: "top: from 1 to 500, not 0" },
      { address: `/collocates.json?w=${encodeURIComponent("دير الزور")}`, says: 'w: "دير الزور" is more than one word' },
      { address: `/collocates.json?w=${q}&measure=t-score`, says: 'measure: "t-score" is not logdice, mi, together' },
      { address: "/kwic.json", says: "q: the page needs a query" },
      { address: `/trend.json?q=${encodeURIComponent('"دير')}`, says: "query: " },
    ];
    for (const { address, says } of cases) {
      const { status, text } = await fetched(address);
      expect(status, address).toBe(400);
      expect((JSON.parse(text) as { error: { message: string } }).error.message, address).toContain(says);
    }
    const page = await browser.newPage();
    try {
      const response = await page.goto(at(`/kwic?q=${q}&width=99&lang=ar`));
      expect(response!.status()).toBe(400);
      await expect(page.locator(".error .detail").innerText()).resolves.toMatch(/^width: من 1 إلى 20، لا 99$/);
    } finally {
      await page.close();
    }
  });
});

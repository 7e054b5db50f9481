/// <reference lib="dom" />
// `newsctl serve` as a reader meets it: a real Chromium (playwright-core, the system's browser,
// nothing downloaded) on the pages of an index built from a collection the test writes. What is
// checked is what a reader sees and does: Arabic read right to left, the matched words marked
// (also those found only by folding or stemming), facets and paging that narrow and move, the
// back button, the JSON twin agreeing with `newsctl search --db`, hostile dump text shown as text,
// the keyboard's first stop, a bad query's error page, and results that follow typing.
// Screenshots of the pages go to test-results/screenshots/ for a person to look at.

import { type ChildProcessByStdio, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { newsctlArgv, projectRoot, runNewsctl } from "../helpers/run-newsctl.js";
import { escapeRegExp, makeTempDir, removeTempDir } from "../helpers/support.js";
import {
  AGENCIES,
  copyArticles,
  foldedQuery,
  HOSTILE_QUERY,
  hostileArticle,
  IMAGE_TEXT,
  JAVASCRIPT_TEXT,
  type MarkedQuery,
  OVERRIDE,
  type PlacedArticle,
  type ReadingCollection,
  SCRIPT_TEXT,
  stemmedQuery,
  WATER_WORD,
  writeReadingCollection,
} from "./reading-collection.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const INSTALL_HINT = "install chromium: apt-get install -y chromium";
const hasChromium = existsSync(CHROMIUM);
const isCi = Boolean(process.env.CI);
const SCREENSHOTS = path.join(projectRoot, "test-results", "screenshots");

if (!hasChromium && isCi) {
  describe("newsctl serve in Chromium", () => {
    it("needs Chromium at /usr/bin/chromium", () => {
      throw new Error(`${CHROMIUM} is missing; ${INSTALL_HINT}`);
    });
  });
} else if (!hasChromium) {
  console.warn(`test/browser/serve.test.ts: skipped, ${CHROMIUM} is missing (${INSTALL_HINT})`);
}

/** A running `newsctl serve`: its address and the process. */
interface Served {
  url: string;
  child: ChildProcessByStdio<null, Readable, Readable>;
  stderr: () => string;
}

/** Starts `newsctl serve --db DB --port 0` and reads the address from its first line of stdout. */
async function startServe(cwd: string, db: string): Promise<Served> {
  const child = spawn(process.execPath, newsctlArgv(["serve", "--db", db, "--port", "0"]), {
    cwd,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const end = stdout.indexOf("\n");
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`newsctl serve ended (exit ${code}) before printing its address:\n${stderr}`)));
  });
  return { url, child, stderr: () => stderr };
}

async function stopServe(served: Served | undefined): Promise<void> {
  if (served === undefined || served.child.exitCode !== null || served.child.signalCode !== null) return;
  const ended = new Promise((resolve) => served.child.once("exit", resolve));
  served.child.kill("SIGTERM");
  await ended;
}

/** The FILE:LINE a result or an article page shows for an article. */
const placeOf = (article: { file: string; line: number }) => `${article.file}:${article.line}`;

/** Every occurrence of the forms in the text, in the order they come. */
function occurrences(text: string, forms: readonly string[]): string[] {
  const pattern = new RegExp(forms.map(escapeRegExp).join("|"), "gu");
  return [...text.matchAll(pattern)].map((match) => match[0]);
}

describe.skipIf(!hasChromium)("newsctl serve in Chromium", () => {
  let tmp: string;
  let db: string;
  let collection: ReadingCollection;
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    tmp = await makeTempDir();
    collection = await writeReadingCollection(tmp);
    db = path.join(tmp, "news.db");
    const indexed = await runNewsctl(["index", "dumps", "--db", db, "--quiet"], { cwd: tmp });
    expect(indexed.code, `newsctl index failed:\n${indexed.stderr}`).toBe(0);
    served = await startServe(tmp, db);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stopServe(served);
    await removeTempDir(tmp);
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light", locale: "en-US" });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  /** The server's address for a path and its parameters. */
  const address = (pathname: string, parameters: Record<string, string | number> = {}) => {
    const url = new URL(pathname, served.url);
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, String(value));
    return url.href;
  };

  /** The N of "N articles match …" or "N articles pass the filters". */
  async function summaryCount(): Promise<number> {
    const text = await page.locator("#results p.summary").innerText();
    const count = /^([\d,]+) articles?\b/.exec(text);
    expect(count, `the summary says: ${text}`).not.toBeNull();
    return Number(count![1]!.replace(/,/g, ""));
  }

  /** The FILE:LINE of every result on the page, in order. */
  const resultPlaces = () => page.locator("ol.results > li .file").allInnerTexts();

  /** The result for this article on the search page. */
  const resultFor = (article: PlacedArticle): Locator =>
    page.locator("ol.results > li").filter({ has: page.locator(".file", { hasText: new RegExp(`^${escapeRegExp(placeOf(article))}$`) }) });

  /** Each facet link of a list (agency-facet or month-facet): its text, its count and itself. */
  async function facetLinks(list: "agency-facet" | "month-facet"): Promise<Array<{ name: string; count: number; link: Locator }>> {
    const items = page.locator(`aside.facets ul[aria-labelledby="${list}"] > li`);
    const found = [];
    for (const item of await items.all()) {
      const link = item.locator("a");
      found.push({ name: await link.innerText(), count: Number(await item.locator(".count").innerText()), link });
    }
    return found;
  }

  async function searchJson(parameters: Record<string, string | number>): Promise<{ matchCount: number; results: Array<Record<string, unknown>> }> {
    const response = await page.request.get(address("/search.json", parameters));
    expect(response.status()).toBe(200);
    return response.json();
  }

  async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  /** The computed direction and whether the browser takes the element's language as Arabic. */
  const readingOf = (element: Locator) =>
    element.evaluate((node) => ({ direction: getComputedStyle(node).direction, isArabic: node.matches(":lang(ar)"), text: node.textContent ?? "" }));

  it("an article reached from a search reads right to left, in Arabic, with its whole body", async () => {
    const stemmed = collection.placeOf(stemmedQuery.article);
    await page.goto(address("/", { q: stemmedQuery.query }));
    const result = resultFor(stemmed);
    for (const part of [result.locator("h3"), result.locator("p.snippet")]) expect(await readingOf(part)).toMatchObject({ direction: "rtl", isArabic: true });

    await result.locator("h3 a").click();
    await page.waitForURL(/\/article\?/);
    expect(await readingOf(page.locator("article.record h1"))).toEqual({ direction: "rtl", isArabic: true, text: stemmedQuery.article.headline });
    const paragraphs = await page.locator("article.record .body p").all();
    const reading = await Promise.all(paragraphs.map(readingOf));
    expect(reading).toEqual(stemmedQuery.article.body.map((text) => ({ direction: "rtl", isArabic: true, text })));
    await screenshot("article");
  });

  describe.each([
    ["only through folding", foldedQuery],
    ["only through the light stem", stemmedQuery],
  ] as Array<[string, MarkedQuery]>)("marks on words found %s", (_, marked) => {
    it(`${marked.query}: the search page and the article page mark exactly the written words ${marked.forms.join(", ")}`, async () => {
      const article = collection.placeOf(marked.article);
      await page.goto(address("/", { q: marked.query }));
      const result = resultFor(article);
      await expect(result.count()).resolves.toBe(1);
      const snippet = await result.locator("p.snippet").innerText();
      const snippetMarks = await result.locator("p.snippet mark").allInnerTexts();
      expect(snippetMarks.length, `no word marked in the snippet: ${snippet}`).toBeGreaterThan(0);
      expect(snippetMarks).toEqual(occurrences(snippet, marked.forms));

      await result.locator("h3 a").click();
      await page.waitForURL(/\/article\?/);
      const written = [marked.article.headline, ...marked.article.body].join("\n");
      const articleMarks = await page.locator("article.record mark").allInnerTexts();
      expect(articleMarks).toEqual(occurrences(written, marked.forms));
    });
  });

  it("the collection writes the folded word only with hamza and harakat, and exact words do not find the stemmed one", async () => {
    const words = collection.articles.flatMap((article) => [article.text.headline, ...article.text.body].join(" ").split(/[\s.,،:]+/));
    expect(words).not.toContain(foldedQuery.query);
    await page.goto(address("/", { q: stemmedQuery.query, exact: 1 }));
    await expect(page.locator("#results p.summary").innerText()).resolves.toMatch(/^No article matches/);
  });

  it("an agency facet and a month facet narrow the results to their counts", async () => {
    await page.goto(address("/", { q: WATER_WORD }));
    const total = await summaryCount();
    expect(total).toBe(collection.waterArticles.length);
    await screenshot("search");
    // The first screen of it, 1280 by 900: the picture docs/serve-search.png is taken from.
    await page.screenshot({ path: path.join(SCREENSHOTS, "search-first-screen.png") });

    const agencies = await facetLinks("agency-facet");
    expect(agencies.map((facet) => facet.name).sort()).toEqual([...AGENCIES].sort());
    const agency = agencies.find((facet) => facet.name === AGENCIES[1])!;
    expect(agency.count).toBe(collection.waterArticles.filter((article) => article.text.agency === agency.name).length);
    expect(agency.count).toBeLessThan(total);
    await agency.link.click();
    await page.waitForURL((url) => url.searchParams.get("agency") === agency.name);
    expect(await summaryCount()).toBe(agency.count);
    const shownAgencies = await page.locator("ol.results > li > p.meta:first-of-type > span:first-child").allInnerTexts();
    expect(shownAgencies).toEqual(Array(agency.count).fill(agency.name));

    await page.goto(address("/", { q: WATER_WORD }));
    const month = (await facetLinks("month-facet")).find((facet) => facet.name === "2021-02")!;
    expect(month.count).toBe(collection.waterArticles.filter((article) => article.month === month.name).length);
    expect(month.count).toBeLessThan(total);
    await month.link.click();
    await page.waitForURL((url) => url.searchParams.has("since"));
    expect(await summaryCount()).toBe(month.count);
    const times = await page.locator("ol.results > li time").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime") ?? ""));
    expect(times).toHaveLength(month.count);
    for (const time of times) expect(time.startsWith(`${month.name}-`), time).toBe(true);
  });

  it("the next page shows results 11 to 20, and back shows the first ten again", async () => {
    const every = (await searchJson({ q: WATER_WORD, size: 100 })).results.map((record) => placeOf(record as { file: string; line: number }));
    expect(every.length).toBeGreaterThan(20);
    await page.goto(address("/", { q: WATER_WORD, size: 10 }));
    const first = await resultPlaces();
    expect(first).toEqual(every.slice(0, 10));
    await expect(page.locator("ol.results").getAttribute("start")).resolves.toBe("1");

    await page.locator('nav.pages a[rel="next"]').click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    expect(new URL(page.url()).searchParams.get("size")).toBe("10");
    const second = await resultPlaces();
    expect(second).toEqual(every.slice(10, 20));
    await expect(page.locator("ol.results").getAttribute("start")).resolves.toBe("11");
    await expect(page.locator("nav.pages").innerText()).resolves.toContain(`Page 2 of ${Math.ceil(every.length / 10)}`);
    await expect(page.locator('nav.pages a[rel="prev"]').count()).resolves.toBe(1);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has("page"));
    expect(await resultPlaces()).toEqual(first);
  });

  it.each([
    ["a word", { q: WATER_WORD, size: 15 }, []],
    ["an agency, newest first", { q: WATER_WORD, agency: AGENCIES[1], sort: "date", size: 5 }, ["--agency", AGENCIES[1], "--sort", "date"]],
    ["OR and dates", { q: `${foldedQuery.query} OR السدود`, since: "2021-01-01", until: "2021-01-31", size: 10 }, ["--since", "2021-01-01", "--until", "2021-01-31"]],
  ] as Array<[string, Record<string, string | number>, string[]]>)("/search.json with %s gives the records, order and scores of newsctl search --db", async (_, parameters, options) => {
    const [page1, command, count] = await Promise.all([
      searchJson(parameters),
      runNewsctl(["search", String(parameters.q), "--db", db, "--json", "--limit", String(parameters.size), ...options]),
      // --count refuses --sort, which changes no count.
      runNewsctl(["search", String(parameters.q), "--db", db, "--count", ...options.filter((option, k) => option !== "--sort" && options[k - 1] !== "--sort")]),
    ]);
    expect(command.code, command.stderr).toBe(0);
    expect(page1.results.length).toBeGreaterThan(0);
    expect(page1.results).toEqual(JSON.parse(command.stdout));
    expect(count.code, count.stderr).toBe(0);
    expect(page1.matchCount).toBe(Number(count.stdout.trim()));
  });

  it("the hostile article's text stays text on the search page and the article page", async () => {
    const hostile = collection.placeOf(hostileArticle);
    const dialogs: string[] = [];
    const refusals: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
    });
    const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

    const searchResponse = await page.goto(address("/", { q: HOSTILE_QUERY }));
    const policy = searchResponse!.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    const result = resultFor(hostile);
    await expect(result.locator("h3").innerText()).resolves.toContain(SCRIPT_TEXT);
    // The snippet is a window on the body; the image tag's attribute is in it as text.
    await expect(result.locator("p.snippet").innerText()).resolves.toContain(IMAGE_TEXT.slice(IMAGE_TEXT.indexOf("onerror")));
    expect(await pwned()).toBeUndefined();
    await expect(page.locator("img").count()).resolves.toBe(0);

    const [articleResponse] = await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === "/article"), result.locator("h3 a").click()]);
    await page.waitForURL(/\/article\?/);
    expect(articleResponse.headers()["content-security-policy"]).toBe(policy);
    expect(await pwned()).toBeUndefined();
    await expect(page.locator("img").count()).resolves.toBe(0);
    await expect(page.locator("article.record h1").innerText()).resolves.toContain(SCRIPT_TEXT);
    const body = await page.locator("article.record .body").innerText();
    for (const text of [IMAGE_TEXT, JAVASCRIPT_TEXT, SCRIPT_TEXT, "\\u202E"]) expect(body).toContain(text);
    expect(await page.locator("body").innerText()).not.toContain(OVERRIDE);
    const linkSchemes = await page.locator("a[href]").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).protocol));
    expect(new Set(linkSchemes)).toEqual(new Set(["http:"]));
    expect(dialogs).toEqual([]);
    expect(refusals).toEqual([]);
  });

  it("copies link to each other: found by the page's script on the article page, and listed on the copies page without it", async () => {
    const [earlier, later] = copyArticles.map((article) => collection.placeOf(article)) as [PlacedArticle, PlacedArticle];
    await page.goto(address("/article", { file: earlier.file, line: earlier.line }));
    const copies = page.locator('ul[aria-labelledby="copies"] > li');
    await copies.first().waitFor();
    await expect(copies.locator(".file").allInnerTexts()).resolves.toEqual([placeOf(later)]);
    await copies.locator("a").click();
    await page.waitForURL((url) => url.searchParams.get("line") === String(later.line));
    await expect(page.locator("article.record h1").innerText()).resolves.toBe(later.text.headline);
    await copies.first().waitFor();
    await expect(copies.locator(".file").allInnerTexts()).resolves.toEqual([placeOf(earlier)]);
    const withoutScript = await browser.newPage({ javaScriptEnabled: false });
    try {
      await withoutScript.goto(address("/article", { file: later.file, line: later.line }));
      await withoutScript.locator("a[data-copies]").click();
      await withoutScript.waitForURL((url) => url.pathname === "/copies");
      await expect(withoutScript.locator('ul[aria-labelledby="copies"] > li .file').allInnerTexts()).resolves.toEqual([placeOf(earlier)]);
    } finally {
      await withoutScript.close();
    }
  });

  it("the first Tab reaches the skip link, the query box has a label, and every page has an h1", async () => {
    await page.goto(address("/", { q: WATER_WORD }));
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({ className: document.activeElement?.className, href: document.activeElement?.getAttribute("href") }));
    expect(focused).toEqual({ className: "skip", href: "#main" });
    const box = await page.locator("a.skip").boundingBox();
    expect(box !== null && box.x >= 0 && box.y >= 0 && box.width > 0, "the focused skip link is on screen").toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");

    const label = (await page.locator('label[for="q"]').innerText().catch(() => "")) || ((await page.locator("#q").getAttribute("aria-label")) ?? "");
    expect(label.trim()).not.toBe("");
    await expect(page.getByRole("searchbox", { name: label.trim(), exact: true }).getAttribute("id")).resolves.toBe("q");

    const article = collection.placeOf(foldedQuery.article);
    for (const where of [address("/"), address("/", { q: WATER_WORD }), address("/article", { file: article.file, line: article.line }), address("/stats"), address("/", { q: '"unclosed' })]) {
      await page.goto(where);
      await expect(page.locator("h1").count(), where).resolves.toBe(1);
      await expect(page.locator("h1").innerText(), where).resolves.not.toBe("");
    }
  });

  it('a bad query (q="unclosed) is a 400 page with the message newsctl search gives, and no stack trace', async () => {
    const command = await runNewsctl(["search", '"unclosed', "--db", db]);
    expect(command.code).toBe(2);
    const message = command.stderr.split("\n")[0]!.replace(/^newsctl: /, "");
    const response = await page.goto(address("/", { q: '"unclosed' }));
    expect(response!.status()).toBe(400);
    await expect(page.locator(".error").innerText()).resolves.toContain(message);
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/^\s*at .+:\d+:\d+\)?$/m);
    expect(text).not.toMatch(/node:internal|\.js:\d+|Error:/);
    await screenshot("error");

    const json = await page.request.get(address("/search.json", { q: '"unclosed' }));
    expect(json.status()).toBe(400);
    expect(await json.json()).toMatchObject({ error: { status: 400, message } });
  });

  it("typing in the query box, without submitting, replaces the results in place", async () => {
    await page.goto(address("/"));
    await expect(page.locator("ol.results").count()).resolves.toBe(0);
    const empty = await page.locator("#results p.summary").innerText();
    await page.evaluate(() => {
      (window as unknown as { isSamePage?: boolean }).isSamePage = true;
    });
    await page.locator("#q").pressSequentially(WATER_WORD);
    await page.waitForFunction(
      ([previous, word]) => {
        const now = document.querySelector("#results p.summary")?.textContent ?? "";
        return now !== previous && now.includes(word!);
      },
      [empty, WATER_WORD],
    );
    expect(await summaryCount()).toBe(collection.waterArticles.length);

    const before = await page.locator("#results p.summary").innerText();
    await page.locator("#q").selectText();
    await page.keyboard.press("Delete");
    await page.locator("#q").pressSequentially(stemmedQuery.query);
    await page.waitForFunction(
      ([previous, word]) => {
        const now = document.querySelector("#results p.summary")?.textContent ?? "";
        return now !== previous && now.includes(word!);
      },
      [before, stemmedQuery.query],
    );
    expect(await resultPlaces()).toEqual([placeOf(collection.placeOf(stemmedQuery.article))]);
    expect(new URL(page.url()).searchParams.get("q")).toBe(stemmedQuery.query);
    expect(await page.evaluate(() => (window as unknown as { isSamePage?: boolean }).isSamePage)).toBe(true);
  });

  it("the statistics page counts the collection and draws its chart", async () => {
    const [command, response] = await Promise.all([runNewsctl(["stats", "--db", db, "--json"]), page.goto(address("/stats"))]);
    expect(response!.status()).toBe(200);
    expect(command.code, command.stderr).toBe(0);
    const summary = await page.locator("p.summary").innerText();
    expect(summary).toMatch(new RegExp(`^${collection.articles.length} articles\\b`));
    const chart = await page.locator("figure.chart svg").boundingBox();
    expect(chart !== null && chart.width > 0 && chart.height > 0, "the chart is drawn").toBe(true);
    const json = await page.request.get(address("/stats.json"));
    expect(await json.json()).toEqual(JSON.parse(command.stdout));
    await screenshot("stats");
  });

  it("after every page above, the server's terminal reports no internal error", () => {
    expect(served.stderr()).not.toMatch(/internal error/);
    expect(served.child.exitCode).toBeNull();
  });
});

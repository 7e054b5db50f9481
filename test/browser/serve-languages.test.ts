/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// `newsctl serve` in Arabic and in English, on a phone (390×844) and a desktop (1280×800), in
// Chromium: the document's language and direction, the form and the facets running the page's
// way, nothing wider than the screen, touch targets of 44 pixels, the facets folded above the
// results on a phone, the chart's time running right to left in Arabic, and no word on a page
// that is in neither catalogue nor in the other language (the text outside the dump's text, the
// visitor's words and literals: whatever stands in an element with a language, a direction or
// translate="no" of its own). Screenshots go to test-results/screenshots/languages/.

import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARABIC } from "../../src/web/catalogue-ar.js";
import { ENGLISH, type PluralForms } from "../../src/web/catalogue-en.js";
import { projectRoot, runNewsctl } from "../helpers/run-newsctl.js";
import { type ServedProcess, serveProcess } from "../helpers/served-process.js";
import { makeTempDir, removeTempDir } from "../helpers/support.js";
import { copyArticles, type ReadingCollection, WATER_WORD, writeReadingCollection } from "./reading-collection.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SCREENSHOTS = path.join(projectRoot, "test-results", "screenshots", "languages");
const SCREENS = [
  { name: "390", viewport: { width: 390, height: 844 } },
  { name: "1280", viewport: { width: 1280, height: 800 } },
] as const;
const LANGUAGES = [
  { language: "ar", acceptLanguage: "ar-SY,ar;q=0.9,en;q=0.5", direction: "rtl", catalogue: ARABIC, foreign: /[A-Za-z]/ },
  { language: "en", acceptLanguage: "en-US,en;q=0.9,ar;q=0.5", direction: "ltr", catalogue: ENGLISH, foreign: /[\u0600-\u06ff]/ },
] as const;

/** The pieces of a catalogue's messages between their values, longest first. */
function cataloguePieces(catalogue: typeof ENGLISH | typeof ARABIC): string[] {
  const messages = Object.values(catalogue).flatMap((message: string | PluralForms): string[] => (typeof message === "string" ? [message] : Object.values(message)));
  const pieces = messages.flatMap((message) => message.split(/\{\w+\}/)).map((piece) => piece.trim());
  return [...new Set(pieces)].filter((piece) => piece !== "").sort((a, b) => b.length - a.length);
}

/** The month names Intl writes in dates (the pages' dates are Intl's, not the catalogue's). */
function monthNames(language: string): string[] {
  return Array.from({ length: 12 }, (_, month) => new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2021, month, 1))));
}

/** The text of the page that the interface says: every text node but those set apart as data (own lang, dir, translate="no"), code and times. */
function interfaceTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      if (text === "") continue;
      const parent = node.parentElement!;
      if (parent.closest("script, style, code, time, bdi, [translate='no'], body [lang], body [dir]") !== null) continue;
      texts.push(text);
    }
    return texts;
  });
}

/** Elements that run out of the screen's width (the skip link waits off screen, hidden elements are cut to nothing). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const element of document.body.querySelectorAll("*")) {
      if (element.closest(".skip, .visually-hidden") !== null) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.left < -0.5 || box.right > width + 0.5) out.push(`${element.tagName.toLowerCase()}.${element.className}: ${Math.round(box.left)} to ${Math.round(box.right)}`);
    }
    return out;
  });
}

/** Visible controls and links a finger aims at that are less than 44 pixels high. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = "header.site a, button, input:not([type=hidden]):not([type=checkbox]), select, summary, label.check, ol.results h3 a, .facets li a, .filters a, nav.pages a, .back a, #copies-section li > a, .analyses a, .choices a, table.kwic td.match a, .trend-figures td a, table.ranked td.word a";
    const out: string[] = [];
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || element.closest(".skip, .visually-hidden") !== null) continue;
      if (box.height < 44 - 0.5) out.push(`${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 30)}": ${box.height.toFixed(1)} px`);
    }
    return out;
  });
}

const hasChromium = existsSync(CHROMIUM);

describe.skipIf(!hasChromium)("newsctl serve in Arabic and English, on a phone and a desktop", () => {
  let tmp: string;
  let collection: ReadingCollection;
  let served: ServedProcess;
  let browser: Browser;

  beforeAll(async () => {
    tmp = await makeTempDir();
    collection = await writeReadingCollection(tmp);
    const db = path.join(tmp, "news.db");
    const indexed = await runNewsctl(["index", "dumps", "--db", db, "--quiet"], { cwd: tmp });
    expect(indexed.code, indexed.stderr).toBe(0);
    served = await serveProcess(db);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await removeTempDir(tmp);
  });

  for (const screen of SCREENS) {
    for (const { language, acceptLanguage, direction, catalogue, foreign } of LANGUAGES) {
      it(`${language} at ${screen.viewport.width}×${screen.viewport.height}: every page in its language and direction, within the screen, with touch targets of 44 px`, async () => {
        const context = await browser.newContext({ viewport: screen.viewport, colorScheme: "light", extraHTTPHeaders: { "Accept-Language": acceptLanguage } });
        const page = await context.newPage();
        const pieces = cataloguePieces(catalogue);
        const months = monthNames(language === "ar" ? "ar" : "en");
        const copy = collection.placeOf(copyArticles[0]);
        const pages = [
          { name: "search", path: `/?q=${encodeURIComponent(WATER_WORD)}` },
          { name: "article", path: null },
          { name: "copies", path: `/copies?file=${encodeURIComponent(copy.file)}&line=${copy.line}` },
          { name: "stats", path: "/stats" },
          { name: "trend", path: `/trend?q=${encodeURIComponent(WATER_WORD)}&by=week` },
          { name: "kwic", path: `/kwic?q=${encodeURIComponent(WATER_WORD)}` },
          { name: "words", path: `/words?q=${encodeURIComponent(WATER_WORD)}&top=30` },
          { name: "collocates", path: `/collocates?w=${encodeURIComponent(WATER_WORD)}` },
          { name: "error", path: `/?q=${encodeURIComponent('"دير')}` },
          { name: "missing", path: "/nowhere" },
        ];
        try {
          for (const { name, path: address } of pages) {
            if (address === null) {
              // The article, as a reader reaches it: the first result of the search.
              await page.goto(new URL(pages[0]!.path!, served.url).href);
              await page.locator("ol.results h3 a").first().click();
              await page.waitForURL(/\/article\?/);
            } else {
              await page.goto(new URL(address, served.url).href);
            }
            const where = `${language} ${screen.name} ${name}`;
            await expect(page.locator("html").getAttribute("lang"), where).resolves.toBe(language);
            await expect(page.locator("html").getAttribute("dir"), where).resolves.toBe(direction);
            expect(await overflowing(page), where).toEqual([]);
            expect(await smallTargets(page), where).toEqual([]);
            for (const text of await interfaceTexts(page)) {
              expect(text, `${where}: a word of the other language`).not.toMatch(foreign);
              let rest = text;
              for (const piece of [...pieces, ...months]) rest = rest.replaceAll(piece, " ");
              expect(rest, `${where}: "${text}" is in neither catalogue`).not.toMatch(/\p{L}/u);
            }
            // The way to the other language, on every page.
            await expect(page.locator("a.language").getAttribute("hreflang"), where).resolves.toBe(language === "ar" ? "en" : "ar");
            if (language === "ar" && name !== "error" && name !== "missing") await page.screenshot({ path: path.join(SCREENSHOTS, `ar-${name}-${screen.name}.png`) });
          }
        } finally {
          await context.close();
        }
      }, 60_000);

      it(`${language} at ${screen.viewport.width}: the form and the facets run ${direction}, the facets ${screen.name === "390" ? "folded above the first result, which shows on the first screen" : "open beside the results"}`, async () => {
        const context = await browser.newContext({ viewport: screen.viewport, colorScheme: "light", extraHTTPHeaders: { "Accept-Language": acceptLanguage } });
        const page = await context.newPage();
        try {
          await page.goto(new URL(`/?q=${encodeURIComponent(WATER_WORD)}`, served.url).href);
          const directionOf = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).direction);
          await expect(directionOf("form.search")).resolves.toBe(direction);
          await expect(directionOf("details.facets-fold")).resolves.toBe(direction);
          const facets = page.locator("details.facets-fold");
          const firstResult = page.locator("ol.results > li").first();
          const query = await page.locator("#q").boundingBox();
          const button = await page.locator("form.search button").boundingBox();
          if (screen.name === "390") {
            await expect(facets.evaluate((details) => (details as HTMLDetailsElement).open)).resolves.toBe(false);
            const folded = (await facets.boundingBox())!;
            const result = (await firstResult.boundingBox())!;
            expect(folded.y + folded.height).toBeLessThanOrEqual(result.y);
            expect(result.y).toBeLessThan(screen.viewport.height);
            await facets.locator("summary").click();
            await expect(page.locator("#agency-facet").isVisible()).resolves.toBe(true);
          } else {
            await expect(page.locator("#agency-facet").isVisible()).resolves.toBe(true);
            const aside = (await page.locator("details.facets-fold aside").boundingBox())!;
            const result = (await firstResult.boundingBox())!;
            // Facets on the side a reader starts from: the right in Arabic, the left in English.
            if (direction === "rtl") expect(aside.x).toBeGreaterThan(result.x);
            else expect(aside.x).toBeLessThan(result.x);
            // The query box first in reading order, then the button.
            if (direction === "rtl") expect(query!.x).toBeGreaterThan(button!.x);
            else expect(query!.x).toBeLessThan(button!.x);
          }
        } finally {
          await context.close();
        }
      }, 60_000);
    }
  }

  it("in Arabic, the chart's time runs from right to left and the way back points right", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(new URL("/stats?lang=ar", served.url).href);
      const xs = await page.locator("svg rect.bar").evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute("x"))));
      expect(xs.length).toBeGreaterThan(2);
      expect(xs[0]!).toBeGreaterThan(xs.at(-1)!);
      await page.goto(new URL(`/?q=${encodeURIComponent(WATER_WORD)}&lang=ar`, served.url).href);
      await page.locator("ol.results h3 a").first().click();
      await expect(page.locator(".back a").innerText()).resolves.toMatch(/^→/);
      await page.goto(new URL("/stats?lang=en", served.url).href);
      const englishXs = await page.locator("svg rect.bar").evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute("x"))));
      expect(englishXs[0]!).toBeLessThan(englishXs.at(-1)!);
    } finally {
      await context.close();
    }
  });

  it("?lang= outweighs the browser's languages, every link the page makes keeps it, and the switch leads to the same page in the other", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { "Accept-Language": "en-US" } });
    const page = await context.newPage();
    try {
      await page.goto(new URL(`/?q=${encodeURIComponent(WATER_WORD)}&lang=ar`, served.url).href);
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("ar");
      const links = await page.locator("a[href^='/']:not(.language)").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!));
      expect(links.length).toBeGreaterThan(10);
      for (const link of links) expect(new URL(link, "http://x").searchParams.get("lang"), link).toBe("ar");
      await expect(page.locator("form.search input[name=lang]").inputValue()).resolves.toBe("ar");
      await page.locator("a.language").click();
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
      expect(new URL(page.url()).searchParams.get("q")).toBe(WATER_WORD);
    } finally {
      await context.close();
    }
  });

  it("the JSON twins are the same in every language", async () => {
    for (const address of [`/search.json?q=${encodeURIComponent(WATER_WORD)}`, "/stats.json", `/article.json?file=${encodeURIComponent(collection.waterArticles[0]!.file)}&line=${collection.waterArticles[0]!.line}`]) {
      const english = await (await fetch(new URL(address, served.url), { headers: { "accept-language": "en-US" } })).text();
      const arabic = await (await fetch(new URL(address, served.url), { headers: { "accept-language": "ar" } })).text();
      const named = await (await fetch(new URL(`${address}&lang=ar`.replace(/^([^?]*)&/, "$1?"), served.url))).text();
      expect(arabic, address).toBe(english);
      expect(named, address).toBe(english);
    }
  });
});

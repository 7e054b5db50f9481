// `newsctl serve`: the pages answer what the command line answers (the JSON twin is
// `search --json`, the downloads are `search --csv`/`--ndjson` byte for byte, the statistics are
// `stats --json`), facets narrow the results, copies are linked, dump text cannot become markup,
// foreign Host headers and bad requests get clear refusals, and an index updated while it is
// served is read consistently. The process itself: its address on stdout, a clean stop.

import { spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathToFileURL } from "node:url";
import type { RunningServer } from "../../src/web/server.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { newsctlArgv, projectRoot, runNewsctl } from "../helpers/run-newsctl.js";
import { COPIED_BODY, HOSTILE_BODY, HOSTILE_HEADLINE, serveCollection } from "../helpers/serve-collection.js";
import { makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";

let tmp: string;
let db: string;
let server: RunningServer;
const internalErrors: string[] = [];

beforeAll(async () => {
  tmp = await makeTempDir();
  await Promise.all(Object.entries(serveCollection()).map(([name, text]) => writeDump(tmp, name, text)));
  db = path.join(tmp, "news.db");
  const indexed = await runInProcess(["index", ".", "--db", "news.db", "--quiet"], { cwd: tmp });
  expect(indexed.code, indexed.stderr).toBe(0);
  // The built server: its index workers are built files.
  const { startServer } = (await import(pathToFileURL(path.join(projectRoot, "dist/web/server.js")).href)) as typeof import("../../src/web/server.js");
  server = await startServer({ db, host: "127.0.0.1", port: 0, onInternalError: (error, request) => internalErrors.push(`${request}: ${String(error)}`) });
});
afterAll(async () => {
  await server?.close();
  expect(internalErrors).toEqual([]);
  await removeTempDir(tmp);
});

async function get(address: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(new URL(address, server.url));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function getJson(address: string): Promise<Record<string, unknown>> {
  const { status, text } = await get(address);
  expect(status, text).toBe(200);
  return JSON.parse(text) as Record<string, unknown>;
}

async function cli(args: string[]): Promise<string> {
  const result = await runInProcess([...args, "--db", db]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

const query = (parameters: Record<string, string>) => new URLSearchParams(parameters).toString();

describe("the pages answer what the command line answers", () => {
  it.each<{ parameters: Record<string, string> & { q: string }; filters: string[]; order: string[] }>([
    { parameters: { q: "الجيش" }, filters: [], order: [] },
    { parameters: { q: "الجيش", agency: "واس", sort: "date", size: "5" }, filters: ["--agency", "واس"], order: ["--sort", "date", "--limit", "5"] },
    { parameters: { q: "النفط OR احياء", exact: "1", since: "2021-02-01" }, filters: ["--exact", "--since", "2021-02-01"], order: [] },
  ])("the JSON twin of $parameters has search --json's results and search --count's count", async ({ parameters, filters, order }) => {
    const twin = await getJson(`/search.json?${query(parameters)}`);
    const limit = order.includes("--limit") ? [] : ["--limit", "20"];
    expect(twin.results).toEqual(JSON.parse(await cli(["search", parameters.q, ...filters, ...order, ...limit, "--json"])));
    expect(twin.matchCount).toBe(Number((await cli(["search", parameters.q, ...filters, "--count"])).trim()));
  });

  it("pages through the same order as search --limit", async () => {
    const all = JSON.parse(await cli(["search", "الجيش", "--limit", "15", "--json"])) as unknown[];
    const second = await getJson(`/search.json?${query({ q: "الجيش", size: "5", page: "2" })}`);
    const third = await getJson(`/search.json?${query({ q: "الجيش", size: "5", page: "3" })}`);
    expect(second.results).toEqual(all.slice(5, 10));
    expect(third.results).toEqual(all.slice(10, 15));
    expect(second.pages).toBe(Math.ceil((second.matchCount as number) / 5));
  });

  it("downloads every result as search --csv and --ndjson write them, byte for byte", async () => {
    for (const format of ["csv", "ndjson"] as const) {
      const download = await get(`/search.${format}?${query({ q: "الجيش OR النفط", agency: "تنا" })}`);
      expect(download.status).toBe(200);
      expect(download.headers.get("content-disposition")).toBe(`attachment; filename="newsctl-search.${format}"`);
      expect(download.text).toBe(await cli(["search", "الجيش OR النفط", "--agency", "تنا", `--${format}`]));
    }
  });

  it("gives the statistics of stats --db --json", async () => {
    expect(await getJson("/stats.json")).toEqual(JSON.parse(await cli(["stats", "--json"])));
    expect(await getJson(`/stats.json?${query({ agency: "سانا" })}`)).toEqual(JSON.parse(await cli(["stats", "--agency", "سانا", "--json"])));
    const page = await get("/stats");
    expect(page.text).toContain("<svg");
    expect(page.text).toContain('<td lang="ar" dir="rtl">واس</td>');
  });
});

describe("facets", () => {
  it("count the whole result set per agency and per month, and narrow it when followed", async () => {
    const all = await getJson(`/search.json?${query({ q: "الجيش" })}`);
    const facets = all.facets as { agencies: Array<{ agency: string; articles: number }>; months: Array<{ month: string; articles: number }> };
    expect(facets.agencies.map((facet) => facet.agency).sort()).toEqual(["تنا", "سانا", "واس"].sort());
    expect(facets.agencies.reduce((sum, facet) => sum + facet.articles, 0)).toBe(all.matchCount);
    expect(facets.months.map((facet) => facet.month)).toEqual(["2021-01", "2021-02", "2021-03"]);
    for (const { agency, articles } of facets.agencies) {
      const narrowed = await getJson(`/search.json?${query({ q: "الجيش", agency })}`);
      expect(narrowed.matchCount).toBe(articles);
      expect((narrowed.results as Array<{ agency: string }>).every((record) => record.agency === agency)).toBe(true);
    }
    const february = facets.months.find((facet) => facet.month === "2021-02")!;
    const html = (await get(`/?${query({ q: "الجيش" })}`)).text;
    const link = /<a href="([^"]*since=2021-02-01[^"]*)">2021-02<\/a>/.exec(html)![1]!.replaceAll("&amp;", "&");
    const narrowed = await getJson(link.replace(/^\/\?/, "/search.json?"));
    expect(narrowed.matchCount).toBe(february.articles);
  });

  it("without a query, describe the collection the filters select", async () => {
    const collection = await getJson("/search.json");
    expect(collection.matchCount).toBe(40);
    expect(collection.results).toEqual([]);
  });
});

describe("an article", () => {
  async function placeOf(words: string): Promise<{ file: string; line: number }> {
    const [record] = JSON.parse(await cli(["search", words, "--limit", "1", "--json"])) as Array<{ file: string; line: number }>;
    return record!;
  }

  it("is shown whole, with its matches marked when reached from a search, and found through folding", async () => {
    const place = await placeOf("احياء");
    const page = await get(`/article?${query({ file: place.file, line: String(place.line), q: "احياء" })}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("<mark>إحياء</mark>");
    expect(page.text).toMatch(/<article class="record" lang="ar" dir="rtl">/);
    expect(page.text).toContain(`<span class="file" dir="ltr">${place.file}:${place.line}</span>`);
    const plain = await get(`/article?${query({ file: place.file, line: String(place.line) })}`);
    expect(plain.text).not.toContain("<mark>");
  });

  it("links to its copies, which their page and its JSON twin list", async () => {
    const place = await placeOf('"افتتاح مستشفى"');
    const at = query({ file: place.file, line: String(place.line) });
    const twin = await getJson(`/article.json?${at}`);
    expect((twin.record as { body: string }).body).toBe(COPIED_BODY.join("\n"));
    const article = await get(`/article?${at}`);
    expect(article.text).toContain(`<a href="/copies?${at.replaceAll("&", "&amp;")}" data-copies>`);
    const copies = (await getJson(`/copies.json?${at}`)).copies as Array<{ headline: string; reason: string }>;
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ headline: "مستشفى جديد في المدينة", reason: "body" });
    const page = await get(`/copies?${at}`);
    expect(page.text).toContain('<h2 id="copies">Copies</h2>');
    expect(page.text).toContain(">مستشفى جديد في المدينة</a>");
    const alone = await placeOf("دعوة");
    expect((await getJson(`/copies.json?${query({ file: alone.file, line: String(alone.line) })}`)).copies).toEqual([]);
  });

  it("that is not there is a 404 page, and a 404 JSON error", async () => {
    const page = await get(`/article?${query({ file: "nowhere.txt", line: "3" })}`);
    expect(page.status).toBe(404);
    // The page sets the place apart (an isolate); its text reads as the command line's message.
    expect(page.text.replace(/<[^>]+>/g, "")).toContain("the index holds no article at nowhere.txt:3");
    const twin = await get(`/article.json?${query({ file: "nowhere.txt", line: "3" })}`);
    expect(twin.status).toBe(404);
    expect(JSON.parse(twin.text)).toEqual({ error: { status: 404, message: "the index holds no article at nowhere.txt:3", hint: "search for it from /" } });
  });
});

describe("dump text stays text", () => {
  it("in results and on the article page: no markup of the dump's reaches the page, the override shows as an escape", async () => {
    const results = await get(`/?${query({ q: "تحذير" })}`);
    const [record] = JSON.parse(await cli(["search", "تحذير", "--json"])) as Array<{ file: string; line: number; headline: string; body: string }>;
    expect(record!.headline).toBe(HOSTILE_HEADLINE);
    expect(record!.body).toBe(HOSTILE_BODY);
    const article = await get(`/article?${query({ file: record!.file, line: String(record!.line) })}`);
    for (const page of [results, article]) {
      expect(page.text).not.toContain("<script>window");
      expect(page.text).not.toContain("<img");
      expect(page.text).not.toContain("<b>");
      expect(page.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(page.text).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    }
    expect(article.text).toContain('<span class="control" dir="ltr">\\u202E</span>معكوس<span class="control" dir="ltr">\\u202C</span>');
  });

  it("every answer carries a strict Content-Security-Policy, errors and style sheets too", async () => {
    for (const address of ["/", "/stats", "/search.json?q=x", "/static/newsctl.css", "/nowhere", "/?q=%22"]) {
      const { headers } = await get(address);
      expect(headers.get("content-security-policy"), address).toMatch(/default-src 'none'; style-src 'self'; script-src 'self';.*frame-ancestors 'none'/);
      expect(headers.get("x-content-type-options"), address).toBe("nosniff");
    }
  });
});

describe("refusals", () => {
  /** A request with the Host header and method given, which fetch would not send. */
  function raw(pathAndQuery: string, host: string, method = "GET"): Promise<{ status: number; text: string }> {
    const { port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: "127.0.0.1", port, path: pathAndQuery, method, headers: { host } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode!, text: Buffer.concat(chunks).toString("utf8") }));
      });
      request.on("error", reject);
      request.end();
    });
  }

  it("a page elsewhere cannot read the server through a name that resolves to it (DNS rebinding)", async () => {
    const { port } = new URL(server.url);
    const refused = await raw("/search.json?q=%D8%A7%D9%84%D8%AC%D9%8A%D8%B4", `attacker.example:${port}`);
    expect(refused.status).toBe(421);
    expect(refused.text).not.toContain("الجيش");
    expect((await raw("/search.json?q=x", `localhost:${port}`)).status).toBe(200);
  });

  it("only GET and HEAD are taken", async () => {
    const { port } = new URL(server.url);
    expect((await raw("/", `127.0.0.1:${port}`, "POST")).status).toBe(405);
    expect((await raw("/", `127.0.0.1:${port}`, "DELETE")).status).toBe(405);
  });

  it("a query that does not parse is a 400 with the parser's message, as a page or as JSON, without a stack", async () => {
    const page = await get(`/?${query({ q: '"دير الزور' })}`);
    expect(page.status).toBe(400);
    expect(page.text).toMatch(/query: [^<]+\(column \d+\)/);
    // The search is shown again as written, to be mended in place.
    expect(page.text).toContain('<input id="q" name="q" type="search" value="&quot;دير الزور"');
    expect(page.text).not.toMatch(/\bat .*\.(js|ts):\d+/);
    const twin = await get(`/search.json?${query({ q: '"دير الزور' })}`);
    expect(twin.status).toBe(400);
    expect((JSON.parse(twin.text) as { error: { message: string } }).error.message).toMatch(/^query: .*\(column \d+\)$/);
  });

  it("requests out of bounds are refused, saying which bound", async () => {
    expect((await get(`/?${query({ q: "x", size: "1000" })}`)).status).toBe(400);
    expect((await get(`/?${query({ q: "ا".repeat(600) })}`)).text).toContain("query: longer than 500 characters");
    expect((await get(`/?q=${"x".repeat(9000)}`)).status).toBe(414);
    expect((await get("/search.csv")).status).toBe(400);
    expect((await get("/nowhere")).status).toBe(404);
  });

  it("a since later than the until is a 400 that says so, as the command line refuses it", async () => {
    const bounds = { q: "الجيش", since: "2021-02-01", until: "2021-01-01" };
    const page = await get(`/?${query(bounds)}`);
    expect(page.status).toBe(400);
    expect(page.text.replace(/<[^>]+>/g, "")).toContain("since 2021-02-01 is after until 2021-01-01: no article can match");
    const twin = await get(`/search.json?${query(bounds)}`);
    expect(twin.status).toBe(400);
    expect((JSON.parse(twin.text) as { error: { message: string } }).error.message).toBe("since 2021-02-01 is after until 2021-01-01: no article can match");
  });
});

describe("a search that takes too long", () => {
  it("is stopped with a 503 that says so, and the server goes on answering", async () => {
    const { startServer } = (await import(pathToFileURL(path.join(projectRoot, "dist/web/server.js")).href)) as typeof import("../../src/web/server.js");
    const hurried = await startServer({ db, host: "127.0.0.1", port: 0, workers: 1, pageTimeLimitMs: 1, onInternalError: (error) => internalErrors.push(String(error)) });
    try {
      for (const words of ["الجيش", "النفط"]) {
        const response = await fetch(new URL(`/search.json?${query({ q: words })}`, hurried.url));
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({ error: { status: 503, message: "the search took longer than 1 ms and was stopped", hint: "narrow it: more words, a phrase, an agency or dates" } });
      }
      expect((await fetch(new URL("/static/newsctl.css", hurried.url))).status).toBe(200);
    } finally {
      await hurried.close();
    }
  });
});

describe("an index updated while it is served", () => {
  it("is read in snapshots: every answer is whole, and the new articles appear once committed", async () => {
    const before = (await getJson("/search.json")).matchCount as number;
    const asked = `/search.json?${query({ q: "الجيش OR النفط OR احياء" })}`;
    const matchedBefore = (await getJson(asked)).matchCount as number;
    const extra = serveCollection()["jan.txt"]!.replace(/رقم: 5(\d{5})/g, "رقم: 7$1");
    await writeDump(tmp, "later.txt", extra);
    const indexing = runInProcess(["index", ".", "--db", "news.db", "--quiet"], { cwd: tmp });
    const seen: number[] = [];
    let isIndexing = true;
    void indexing.finally(() => {
      isIndexing = false;
    });
    while (isIndexing) {
      const answer = await getJson(asked);
      const facets = answer.facets as { agencies: Array<{ articles: number }> };
      expect(facets.agencies.reduce((sum, facet) => sum + facet.articles, 0)).toBe(answer.matchCount);
      seen.push(answer.matchCount as number);
    }
    expect((await indexing).code).toBe(0);
    const after = (await getJson("/search.json")).matchCount as number;
    expect(after).toBe(before + 13);
    // Each answer saw the index before the new file or after it, never half of it, and never
    // went back to before once it had seen after.
    const matchedAfter = (await getJson(asked)).matchCount as number;
    expect(matchedAfter).toBeGreaterThan(matchedBefore);
    for (const count of seen) expect([matchedBefore, matchedAfter]).toContain(count);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe("the serve process", () => {
  it("prints its address on stdout, says who can reach it on stderr, and stops on SIGINT with the status of an interrupted command", async () => {
    const child = spawn(process.execPath, newsctlArgv(["serve", "--db", db, "--port", "0"]), { env: { PATH: process.env.PATH ?? "/usr/bin:/bin" } });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const address = await new Promise<string>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("\n")) resolve(stdout.split("\n")[0]!);
      });
    });
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(`${address}search.json?q=x`);
    expect(response.status).toBe(200);
    expect(stderr).toMatch(/serving .*news\.db \(\d+ articles, read-only\) at http:\/\/127\.0\.0\.1:\d+\/; only this machine can reach it/);
    const exit = new Promise<number | null>((resolve) => child.on("close", resolve));
    child.kill("SIGINT");
    expect(await exit).toBe(130);
  });

  it("says when the port is taken, and what to do", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as { port: number };
    try {
      const result = await runNewsctl(["serve", "--db", db, "--port", String(port)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`newsctl: 127.0.0.1:${port}: the port is in use\nnewsctl: hint: choose another with --port N, or --port 0 for any free one\n`);
    } finally {
      taken.close();
    }
  });

  it("refuses what it cannot serve before listening", async () => {
    const missing = await runNewsctl(["serve", "--db", path.join(tmp, "missing.db")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.db: cannot open the index/);
    const host = await runNewsctl(["serve", "--db", db, "--host", "news.example"]);
    expect(host.code).toBe(2);
    expect(host.stderr).toMatch(/--host: "news\.example" is not an IP address/);
    const port = await runNewsctl(["serve", "--db", db, "--port", "70000"]);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port: "70000" is not a port/);
  });
});

// The reading view's building blocks: dump text becomes HTML only escaped (bidi controls shown,
// not obeyed), matched words are marked where they are, Arabic text is announced as Arabic and
// right to left, visitors' parameters are read within bounds, and the Host check lets in only
// the names of the address the server is bound to.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { copyProbePhrases } from "../../src/core/copy-probe.js";
import { escapeAttribute, escapeHtml, html, markedText, textDirection } from "../../src/web/html.js";
import { MAX_RESULT_DEPTH, readPlace, readPageRequest, searchParameters } from "../../src/web/page-requests.js";
import { RequestError } from "../../src/errors.js";
import { hostCheck } from "../../src/web/server.js";
import { chartBars } from "../../src/web/stats-chart.js";
import { monthBounds } from "../../src/web/page-links.js";

/** The text a browser shows for HTML made of text, character references, marks and escapes' spans. */
function shownText(markup: string): string {
  return markup.replace(/<\/?mark>|<span class="control" dir="ltr">|<\/span>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!);
}

describe("escaping dump text into a page", () => {
  it("turns markup in a body into text", () => {
    const body = `<script>alert(1)</script>"><img src=x onerror=alert(2)> <a href="javascript:alert(3)">`;
    const escaped = escapeHtml(body);
    expect(escaped).not.toMatch(/[<>"]/);
    expect(shownText(escaped)).toBe(body);
  });

  it("shows bidi embeddings, overrides and isolates as escapes, and keeps the marks Arabic needs", () => {
    expect(escapeAttribute("abc\u202Edef\u2067x\u2069")).toBe("abc\\u202Edef\\u2067x\\u2069");
    expect(escapeAttribute("مرحبا\u200F 2021\u061C")).toBe("مرحبا\u200F 2021\u061C");
    expect(escapeAttribute("a\u0007b\u001Bc")).toBe("a\\x07b\\x1Bc");
  });

  it("between tags, sets each escape left to right, so that it reads the same inside Arabic", () => {
    expect(escapeHtml("نص \u202Eمعكوس")).toBe('نص <span class="control" dir="ltr">\\u202E</span>معكوس');
    expect(escapeHtml("مرحبا\u200F")).toBe("مرحبا\u200F");
  });

  it("keeps tabs and line breaks, which paragraphs are split at", () => {
    expect(escapeHtml("a\tb\nc\r\n")).toBe("a\tb\nc\r\n");
  });

  it("escapes every value put into a template, and nothing the server wrote", () => {
    const hostile = `"><script>`;
    const made = html`<a href="/?q=${hostile}" title="${hostile}">${hostile}</a>${[hostile, html`<b>${hostile}</b>`]}`;
    expect(made.text).toBe('<a href="/?q=&quot;&gt;&lt;script&gt;" title="&quot;&gt;&lt;script&gt;">&quot;&gt;&lt;script&gt;</a>&quot;&gt;&lt;script&gt;<b>&quot;&gt;&lt;script&gt;</b>');
    expect(html`${null}${undefined}${false}${0}`.text).toBe("0");
  });

  it("writes a control inside a tag as plain text, and between tags as a set-apart escape", () => {
    expect(html`<p title="${"\u202E"}">${"\u202E"}</p>`.text).toBe('<p title="\\u202E"><span class="control" dir="ltr">\\u202E</span></p>');
  });

  it("never lets any text open a tag or end an attribute", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(escapeAttribute(text)).not.toMatch(/[<>"']|[\u202a-\u202e\u2066-\u2069]/);
        expect(escapeHtml(text).replace(/<span class="control" dir="ltr">\\[ux][0-9A-F]+<\/span>/g, "")).not.toMatch(/[<>"']|[\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("marking matched words", () => {
  it("wraps each range in a mark and escapes the rest", () => {
    expect(markedText("قال <الجيش> إن الجيش", [[5, 10], [15, 20]]).text).toBe("قال &lt;<mark>الجيش</mark>&gt; إن <mark>الجيش</mark>");
  });

  it("shows the whole text, whatever the ranges", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.nat(40), fc.nat(10))), (text, pairs) => {
        let at = 0;
        const ranges: Array<[number, number]> = [];
        for (const [gap, length] of pairs) {
          const start = at + gap;
          ranges.push([start, start + length + 1]);
          at = start + length + 1;
        }
        // No backslash in the text: what looks like an escape in what is shown must be one.
        const plain = text.replace(/[\\&<>"'\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "");
        expect(shownText(markedText(plain, ranges).text).replace(/\\[ux][0-9A-F]+/g, "")).toBe(plain.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ""));
      }),
    );
  });
});

describe("the direction of dump text", () => {
  it("is Arabic and right to left when the first letter is Arabic, even after digits and Latin punctuation", () => {
    expect(textDirection("«2021» قال").text).toBe('lang="ar" dir="rtl"');
    expect(textDirection("محاولة إحياء").text).toBe('lang="ar" dir="rtl"');
  });

  it("is left to the browser when the first letter is Latin, or there is none", () => {
    expect(textDirection("Reuters عربي").text).toBe('dir="auto"');
    expect(textDirection("2021").text).toBe('dir="auto"');
    expect(textDirection(null).text).toBe('dir="auto"');
  });

  it("is right to left, without claiming Arabic, for Hebrew", () => {
    expect(textDirection("שלום").text).toBe('dir="rtl"');
  });
});

describe("a visitor's search parameters", () => {
  const read = (query: string) => readPageRequest(new URLSearchParams(query));
  const refusal = (query: string) => {
    try {
      read(query);
    } catch (error) {
      if (error instanceof RequestError) return error;
      throw error;
    }
    throw new Error(`accepted: ${query}`);
  };

  it("reads the query, filters, order and page, in any digit set", () => {
    const request = read("q=الجيش&agency=تنا&agency=واس&since=2021-01-01&until=٢٠٢١-٠١-٣١&sort=date&exact=1&page=٢&size=10");
    expect(request.text).toBe("الجيش");
    expect(request.query?.clauses).toHaveLength(1);
    expect(request.filter.agencies).toEqual(["تنا", "واس"]);
    expect(request.filter.since?.local).toBe("2021-01-01T00:00:00");
    expect(request.filter.until?.local).toBe("2021-01-31T23:59:59");
    expect(request).toMatchObject({ order: "date", page: 2, pageSize: 10, matchOptions: { isStemming: false } });
  });

  it("has no query, and the first page of 20 by relevance, when nothing is given", () => {
    expect(read("")).toMatchObject({ text: "", query: null, order: "relevance", page: 1, pageSize: 20, matchOptions: { isStemming: true }, filter: {} });
  });

  it("refuses a query that does not parse with the parser's message and column", () => {
    const error = refusal('q="دير الزور');
    expect(error.message).toMatch(/^query: .*\(column \d+\)$/);
  });

  it("refuses what is out of bounds, saying which parameter", () => {
    expect(refusal(`q=${"ا".repeat(501)}`).message).toMatch(/^query: longer than 500/);
    expect(refusal("q=a&size=101").message).toMatch(/^size:/);
    expect(refusal("q=a&size=0").message).toMatch(/^size:/);
    expect(refusal("q=a&page=0").message).toMatch(/^page:/);
    expect(refusal(`q=a&size=100&page=${MAX_RESULT_DEPTH / 100 + 1}`).message).toMatch(/^page: results beyond/);
    expect(refusal("q=a&page=2x").message).toMatch(/^page: "2x" is not a whole number/);
    expect(refusal("q=a&sort=random").message).toMatch(/^sort:/);
    expect(refusal("q=a&since=yesterday").message).toMatch(/^since: "yesterday" is not a date/);
    expect(refusal("q=a&since=2021-02-01&until=2021-01-01").message).toBe("since 2021-02-01 is after until 2021-01-01: no article can match");
    expect(refusal(`q=a&${Array.from({ length: 21 }, (_, i) => `agency=a${i}`).join("&")}`).message).toMatch(/^agency:/);
  });

  it("gives back parameters that read as the same search, at another page", () => {
    const request = read("q=الجيش OR داعش&agency=تنا&since=2021-01-01&sort=date&exact=1&size=10&page=3");
    const again = read(searchParameters(request, { page: 4 }).toString());
    expect({ ...again, page: 3 }).toEqual(request);
    expect(searchParameters(read("q=x")).toString()).toBe("q=x");
  });

  it("reads an article's place and refuses a missing one", () => {
    expect(readPlace(new URLSearchParams("file=dumps/a b.txt&line=12"))).toEqual({ file: "dumps/a b.txt", line: 12 });
    expect(() => readPlace(new URLSearchParams("line=12"))).toThrow(/^file:/);
    expect(() => readPlace(new URLSearchParams("file=a.txt"))).toThrow(/^line:/);
  });
});

describe("the Host check", () => {
  it("on loopback, takes the loopback names with the port, and nothing else", () => {
    const allowed = hostCheck("127.0.0.1", 8080);
    for (const host of ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "LOCALHOST:8080"]) expect(allowed(host), host).toBe(true);
    for (const host of ["evil.example:8080", "127.0.0.1:8081", "127.0.0.1", "localhost.evil.example:8080", "", undefined, "127.0.0.1:8080@evil", "a:b:c"]) expect(allowed(host), String(host)).toBe(false);
  });

  it("bound to every interface, takes IP addresses but not names that resolve here", () => {
    const allowed = hostCheck("0.0.0.0", 80);
    expect(allowed("192.168.1.20")).toBe(true);
    expect(allowed("[fe80::1]:80")).toBe(true);
    expect(allowed("news.example")).toBe(false);
  });

  it("bound to one address, takes that address only", () => {
    const allowed = hostCheck("10.0.0.5", 9000);
    expect(allowed("10.0.0.5:9000")).toBe(true);
    expect(allowed("127.0.0.1:9000")).toBe(false);
  });
});

describe("copy probes", () => {
  it("asks for a few of the body's three-word sequences, spread over it, folded", () => {
    const body = Array.from({ length: 40 }, (_, i) => `كلمة${i}`).join(" ");
    const phrases = copyProbePhrases(`${body} إحياء`);
    expect(phrases.length).toBe(6);
    expect(phrases.every((term) => term.kind === "phrase" && term.tokens.length === 3 && term.field === "body")).toBe(true);
    expect(phrases[0]).toMatchObject({ tokens: ["كلمه0", "كلمه1", "كلمه2"] });
    expect(phrases.at(-1)).toMatchObject({ tokens: ["كلمه38", "كلمه39", "احياء"] });
  });

  it("asks for a short body whole, and nothing for an empty one", () => {
    expect(copyProbePhrases("خبر قصير")).toMatchObject([{ kind: "phrase", tokens: ["خبر", "قصير"] }]);
    expect(copyProbePhrases(" \n")).toEqual([]);
  });
});

describe("the chart's bars", () => {
  it("counts days while they are few, and months beyond", () => {
    const days = (count: number) => Array.from({ length: count }, (_, i) => ({ day: new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10), articles: 1 }));
    expect(chartBars(days(31))).toMatchObject({ unit: "day", bars: { length: 31 } });
    const byMonth = chartBars(days(90));
    expect(byMonth.unit).toBe("month");
    expect(byMonth.bars).toEqual([
      { label: "2021-01", articles: 31 },
      { label: "2021-02", articles: 28 },
      { label: "2021-03", articles: 31 },
    ]);
  });

  it("draws days and months without articles as bars of 0, so that the axis is time", () => {
    expect(chartBars([{ day: "2021-01-30", articles: 2 }, { day: "2021-02-02", articles: 5 }]).bars).toEqual([
      { label: "2021-01-30", articles: 2 },
      { label: "2021-01-31", articles: 0 },
      { label: "2021-02-01", articles: 0 },
      { label: "2021-02-02", articles: 5 },
    ]);
    const months = chartBars([{ day: "2020-11-05", articles: 1 }, { day: "2021-02-10", articles: 3 }]);
    expect(months).toEqual({ unit: "month", bars: [{ label: "2020-11", articles: 1 }, { label: "2020-12", articles: 0 }, { label: "2021-01", articles: 0 }, { label: "2021-02", articles: 3 }] });
    expect(chartBars([])).toEqual({ unit: "day", bars: [] });
  });

  it("bounds a month facet by its first and last day, leap years included", () => {
    expect(monthBounds("2024-02")).toEqual({ since: "2024-02-01", until: "2024-02-29" });
    expect(monthBounds("2021-12")).toEqual({ since: "2021-12-01", until: "2021-12-31" });
  });
});

// The frame of every page: the document's language and direction (those of the language chosen
// for the request), the style sheet and script (files of this server, which the
// Content-Security-Policy allows and nothing else), a skip link, the sections' navigation with
// the link to the page in the other language, the main content and a footer naming the index
// and the page's JSON twin.

import { html, type SafeHtml } from "./html.js";
import type { Words } from "./words.js";

interface PageFrame {
  title: string;
  /** The section the page belongs to, marked as current in the navigation. */
  section: "search" | "article" | "stats" | "analysis" | "error";
  /** The index's file name, as the footer names it. */
  indexName: string;
  /** The address of the page's JSON twin. */
  jsonHref?: string | undefined;
  /** The page's own path and parameters (without lang), for the link to it in the other language. */
  here: { path: string; parameters?: URLSearchParams };
}

export function page(words: Words, frame: PageFrame, content: SafeHtml): string {
  const current = (section: PageFrame["section"]) => (frame.section === section ? html` aria-current="page"` : "");
  const other = words.otherLanguage();
  const switched = new URLSearchParams(frame.here.parameters);
  switched.set("lang", other.language);
  const json = frame.jsonHref === undefined ? "" : html` ${words.say("site.footer-json", { json: html`<a href="${frame.jsonHref}" type="application/json" translate="no">JSON</a>` })}`;
  return html`<!doctype html>
<html lang="${words.language}" dir="${words.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${frame.title} · newsctl</title>
<link rel="stylesheet" href="/static/newsctl.css">
<script src="/static/newsctl.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${words.say("site.skip")}</a>
<header class="site">
<nav aria-label="${words.text("site.sections")}">
<a class="brand" href="${words.href("/")}" translate="no">newsctl</a>
<a href="${words.href("/")}"${current("search")}>${words.say("site.search")}</a>
<a href="${words.href("/stats")}"${current("stats")}>${words.say("site.stats")}</a>
<a class="language" href="${frame.here.path}?${switched.toString()}" lang="${other.language}" hreflang="${other.language}">${other.name}</a>
</nav>
</header>
<main id="main" tabindex="-1">
${content}
</main>
<footer class="site">
<p>${words.say("site.footer", { index: html`<span class="file" dir="auto" translate="no">${frame.indexName}</span>` })}${json}</p>
</footer>
</body>
</html>
`.text;
}

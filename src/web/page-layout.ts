// The frame of every page: the document's language and direction, the style sheet and script
// (files of this server, which the Content-Security-Policy allows and nothing else), a skip
// link, the sections' navigation, the main content and a footer naming the index and the
// page's JSON twin.

import { html, type SafeHtml } from "./html.js";

interface PageFrame {
  title: string;
  /** The section the page belongs to, marked as current in the navigation. */
  section: "search" | "article" | "stats" | "error";
  /** The index's file name, as the footer names it. */
  indexName: string;
  /** The address of the page's JSON twin. */
  jsonHref?: string | undefined;
}

export function page(frame: PageFrame, content: SafeHtml): string {
  const current = (section: PageFrame["section"]) => (frame.section === section ? html` aria-current="page"` : "");
  return html`<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${frame.title} · newsctl</title>
<link rel="stylesheet" href="/static/newsctl.css">
<script src="/static/newsctl.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<nav aria-label="Sections">
<a class="brand" href="/">newsctl</a>
<a href="/"${current("search")}>Search</a>
<a href="/stats"${current("stats")}>Statistics</a>
</nav>
</header>
<main id="main" tabindex="-1">
${content}
</main>
<footer class="site">
<p>A read-only view of the index <span class="file" dir="auto">${frame.indexName}</span>.${frame.jsonHref === undefined ? "" : html` This page as <a href="${frame.jsonHref}" type="application/json">JSON</a>.`}</p>
</footer>
</body>
</html>
`.text;
}

// The style sheet and the script every page loads, served from this server (the
// Content-Security-Policy allows no inline style or script). The pages work without the script:
// it only searches as the visitor types, replacing the results in place.

export const STYLE_SHEET = `
:root {
  color-scheme: light dark;
  --text: #1d1d1f; --muted: #5b5b66; --line: #d6d6dd; --page: #ffffff; --panel: #f5f5f8;
  --link: #0b57d0; --mark: #ffe27a; --mark-text: #1d1d1f; --focus: #0b57d0; --bar: #3b6fd8; --warn: #9a3b00;
  --latin: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  --arabic: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Geeza Pro", "Traditional Arabic", "Arabic Typesetting", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --text: #e8e8ee; --muted: #a6a6b3; --line: #3a3a44; --page: #16161b; --panel: #202028; --link: #8ab4f8; --mark: #7a6300; --mark-text: #ffffff; --focus: #8ab4f8; --bar: #6e9bff; --warn: #ffb074; }
}
* { box-sizing: border-box; }
body { margin: 0; font-family: var(--latin); color: var(--text); background: var(--page); line-height: 1.5; }
:lang(ar) { font-family: var(--arabic); line-height: 1.9; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, main:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; inset-inline-start: -999px; top: 0; }
.skip:focus { inset-inline-start: 0.5rem; background: var(--page); padding: 0.5rem; z-index: 1; }
header.site, footer.site { background: var(--panel); border-bottom: 1px solid var(--line); }
footer.site { border-top: 1px solid var(--line); border-bottom: 0; color: var(--muted); font-size: 0.9rem; margin-top: 3rem; }
header.site nav, footer.site p, main { max-width: 72rem; margin: 0 auto; padding: 0.75rem 1rem; }
header.site nav { display: flex; flex-wrap: wrap; gap: 0 1.25rem; align-items: center; }
header.site a { text-decoration: none; display: inline-flex; align-items: center; min-height: 44px; }
header.site a.language { margin-inline-start: auto; }
header.site a[aria-current="page"] { font-weight: 600; text-decoration: underline; }
.brand { font-weight: 700; color: var(--text); }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
form.search { display: grid; gap: 0.75rem; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
form.search .query { display: flex; flex-wrap: wrap; gap: 0.5rem; }
form.search .query input { flex: 1 1 12rem; min-width: 0; font-size: 1.2rem; padding: 0.4rem 0.6rem; }
form.search .query button { flex: 0 0 auto; }
form.search .narrow { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: end; }
form.search label { display: flex; flex-direction: column; font-size: 0.9rem; gap: 0.2rem; min-width: 0; }
form.search label.agency { flex: 1 1 12rem; }
form.search label.date { flex: 1 1 8rem; }
form.search label.order { flex: 1 1 9rem; }
form.search label input, form.search label select { width: 100%; min-width: 0; }
form.search label.check { flex-direction: row; align-items: center; gap: 0.5rem; min-height: 44px; flex: 1 1 100%; }
form.search label.check input { width: 1.25rem; height: 1.25rem; flex: 0 0 auto; }
input, select, button { font: inherit; color: inherit; background: var(--page); border: 1px solid var(--line); border-radius: 6px; padding: 0.3rem 0.5rem; min-height: 44px; }
button { background: var(--link); color: #fff; border-color: var(--link); cursor: pointer; padding: 0.4rem 1.25rem; }
summary { min-height: 44px; display: flex; align-items: center; cursor: pointer; }
summary::before { content: "▸"; margin-inline-end: 0.5rem; }
[dir="rtl"] summary::before, :root[dir="rtl"] summary::before { content: "◂"; }
details[open] > summary::before { content: "▾"; }
details.help { font-size: 0.9rem; color: var(--muted); }
details.help code { font-family: var(--arabic), monospace; }
.layout { display: grid; grid-template-columns: 16rem minmax(0, 1fr); gap: 2rem; margin-top: 1.5rem; align-items: start; }
details.facets-fold > summary { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0 1rem; font-weight: 600; }
@media (max-width: 48rem) {
  .layout { grid-template-columns: minmax(0, 1fr); gap: 1rem; margin-top: 1rem; }
  details.facets-fold[open] > aside { padding: 0.75rem 0.25rem 0; }
}
@media (min-width: 48.01rem) { details.facets-fold[open] > summary { display: none; } }
@media (min-width: 48.01rem) { details.facets-fold::details-content { content-visibility: visible; block-size: auto; } details.facets-fold > summary { display: none; } }
.facets h2 { margin-top: 0; }
.facets ul { list-style: none; padding: 0; margin: 0 0 1.5rem; }
.facets li { display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; }
.facets li a, .facets li > span:first-child { display: inline-flex; align-items: center; min-height: 44px; overflow-wrap: anywhere; }
.facets .count, .count { color: var(--muted); font-variant-numeric: tabular-nums; }
.facets .chosen { font-weight: 600; }
.summary { margin: 0 0 1rem; font-weight: 600; }
#results > .summary { margin-top: 1rem; }
.filters { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.filters a { display: inline-flex; align-items: center; min-height: 44px; border: 1px solid var(--line); border-radius: 999px; padding: 0.1rem 0.9rem; text-decoration: none; overflow-wrap: anywhere; }
ol.results { list-style: none; padding: 0; margin: 0; }
ol.results > li { border-bottom: 1px solid var(--line); padding: 0.75rem 0; }
ol.results h3 { font-size: 1.2rem; margin: 0 0 0.25rem; font-weight: 600; }
ol.results h3 a { display: inline-block; min-height: 44px; padding-block: 0.3rem; }
.back a { display: inline-flex; align-items: center; min-height: 44px; }
#copies-section li { padding-block: 0.25rem; }
#copies-section li > a { display: inline-flex; align-items: center; min-height: 44px; }
.meta { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.25rem; }
.meta span + span::before { content: " · "; }
.snippet { margin: 0; max-width: 70ch; }
mark { background: var(--mark); color: var(--mark-text); border-radius: 2px; padding: 0 1px; }
nav.pages { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1.25rem 0; }
nav.pages a { display: inline-flex; align-items: center; min-height: 44px; padding-inline: 0.5rem; }
.downloads { font-size: 0.9rem; color: var(--muted); }
article.record { max-width: 70ch; }
article.record h1 { font-size: 1.9rem; line-height: 1.6; }
article.record .subheadline { font-size: 1.25rem; font-weight: 600; margin: 0 0 0.75rem; }
article.record .lead { font-size: 1.15rem; font-weight: 600; }
article.record .body p { margin: 0 0 1rem; font-size: 1.15rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; max-width: 70ch; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 1rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.file { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; unicode-bidi: isolate; overflow-wrap: anywhere; }
main, p, li, dd, td, h1, h2, h3 { overflow-wrap: break-word; }
time, bdi { unicode-bidi: isolate; }
.control { unicode-bidi: isolate; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85em; color: var(--warn); }
form.search .narrow input, form.search .narrow select { height: 2.1rem; line-height: normal; }
.snippet[dir="rtl"], article.record[dir="rtl"], .record .body p[dir="rtl"] { margin-left: auto; }
:root[dir="rtl"] .snippet[dir="ltr"], :root[dir="rtl"] article.record[dir="ltr"] { margin-right: auto; margin-left: 0; }
.notice { border-inline-start: 4px solid var(--warn); padding: 0.5rem 1rem; background: var(--panel); max-width: 70ch; }
.warnings { color: var(--warn); }
table.figures { border-collapse: collapse; margin: 0.5rem 0 1.5rem; max-width: 100%; }
table.figures th, table.figures td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.8rem; text-align: start; overflow-wrap: break-word; }
@media (max-width: 30rem) { table.figures th, table.figures td { padding: 0.3rem 0.4rem; font-size: 0.9rem; } dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: 0.4rem; } }
table.figures td.number { text-align: end; font-variant-numeric: tabular-nums; }
.chart svg { width: 100%; max-width: 72rem; height: auto; }
.chart .bar { fill: var(--bar); }
.chart .axis { stroke: var(--line); }
.chart text { fill: var(--muted); font-size: 11px; font-family: var(--latin); }
:lang(ar) .chart text { font-family: var(--arabic); font-size: 13px; }
.error { border-inline-start: 4px solid #c5221f; padding: 0.75rem 1rem; background: var(--panel); margin-top: 1rem; }
.error .detail { white-space: pre-wrap; overflow-wrap: anywhere; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* The chart is drawn 960 units wide: on a phone its labels need larger units to stay legible. */
@media (max-width: 30rem) { .chart text, :lang(ar) .chart text { font-size: 26px; } }
/* The analyses: choices as links, the trend's lines and legend, the concordance, ranked words. */
.analyses a, .choices a, .choices [aria-current], table.kwic td.match a, .trend-figures td a, table.ranked td.word a { display: inline-flex; align-items: center; min-height: 44px; }
.choice-rows { display: flex; flex-wrap: wrap; gap: 0 2rem; margin: 0.5rem 0; }
.choices { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.5rem; margin: 0.25rem 0; }
.choices-label { color: var(--muted); font-size: 0.9rem; }
.choices ul { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
.choices a, .choices [aria-current] { padding-inline: 0.75rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; }
.choices [aria-current] { background: var(--panel); font-weight: 600; }
.summary-list { list-style: none; padding: 0; margin: 0 0 0.5rem; font-weight: 600; }
.series-0 { --series: #3b6fd8; } .series-1 { --series: #d9480f; } .series-2 { --series: #2b8a3e; } .series-3 { --series: #c2255c; }
.series-4 { --series: #7048e8; } .series-5 { --series: #0b7285; } .series-6 { --series: #e67700; } .series-7 { --series: #868e96; }
.trend-chart .line { fill: none; stroke: var(--series); stroke-width: 2.5; stroke-linejoin: round; }
.trend-chart .point { fill: var(--series); stroke: var(--page); stroke-width: 1; }
.trend-chart .hit { fill: transparent; }
.trend-chart a:hover .point, .trend-chart a:focus-visible .point { stroke: var(--text); stroke-width: 2; }
.trend-chart .grid { stroke: var(--line); stroke-dasharray: 4 4; }
figure.trend-chart { margin: 1rem 0; }
/* On a phone the time axis names its first and last periods only. */
@media (max-width: 30rem) { figure.trend-chart text.inner-label { display: none; } }
ul.legend { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }
.swatch { display: inline-block; width: 1.5rem; height: 0.35rem; border-radius: 2px; margin-inline-end: 0.5rem; vertical-align: middle; background: var(--series); }
details.figures > summary { font-weight: 600; }
table.kwic { display: grid; grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr); width: 100%; margin: 1rem 0; font-size: 1.1rem; }
table.kwic tbody, table.kwic tr { display: contents; }
table.kwic td { display: flex; align-items: center; min-width: 0; overflow: hidden; white-space: nowrap; border-bottom: 1px solid var(--line); padding: 0 0.35rem; }
table.kwic td.before { justify-content: flex-end; }
table.kwic td.after { justify-content: flex-start; }
table.kwic td.match { justify-content: center; font-weight: 600; }
/* Each context keeps the words nearest the match: its text overflows its box on the far side. */
table.kwic td > span { display: flex; flex: 0 1 auto; min-width: 0; max-width: 100%; overflow: hidden; }
table.kwic td.before > span { justify-content: flex-end; }
table.kwic td.match a { text-decoration: none; }
table.ranked { width: 100%; }
table.ranked tr.query-word td.word > a:first-child { font-weight: 700; }
table.ranked a.near { font-size: 0.85rem; margin-inline-start: 0.5rem; }
table.ranked .bar-cell { width: 30%; min-width: 4rem; }
svg.bar { display: block; width: 100%; height: 0.8rem; }
svg.bar rect { fill: var(--bar); }
@media (max-width: 30rem) { table.ranked .bar-cell { display: none; } table.kwic { font-size: 1rem; } }
`;

// Search as you type: after a pause in typing, the page for the new query is fetched and its
// results take the place of the old ones; the address follows, so back and reload work. On an
// article page, its copies are looked for at once and shown in place of the link to them.
export const SEARCH_SCRIPT = `"use strict";
(async () => {
  const link = document.querySelector("a[data-copies]");
  const section = document.getElementById("copies-section");
  if (!link || !section || !window.fetch) return;
  try {
    const response = await fetch(link.getAttribute("href"), { headers: { accept: "text/html" } });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("copies-section");
    if (fresh) section.replaceChildren(...fresh.childNodes);
  } catch {}
})();
// The facets stand beside the results on a wide screen and fold above them on a narrow one.
const WIDE = window.matchMedia("(min-width: 48.01rem)");
const openFacets = () => {
  for (const facets of document.querySelectorAll("details.facets-fold")) facets.open = WIDE.matches;
};
openFacets();
WIDE.addEventListener("change", openFacets);
(() => {
  const form = document.querySelector("form.search");
  const results = document.getElementById("results");
  if (!form || !results || !window.fetch) return;
  const input = form.querySelector("input[name=q]");
  let timer = 0;
  let asked = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const parameters = new URLSearchParams(new FormData(form));
      parameters.delete("page");
      for (const [name, value] of [...parameters]) if (value === "") parameters.delete(name);
      const address = "/?" + parameters.toString();
      const ask = ++asked;
      try {
        const response = await fetch(address, { headers: { accept: "text/html" } });
        const text = await response.text();
        if (ask !== asked) return;
        const fresh = new DOMParser().parseFromString(text, "text/html").getElementById("results");
        if (!fresh) return;
        results.replaceChildren(...fresh.childNodes);
        openFacets();
        history.replaceState(null, "", address);
      } catch {}
    }, 300);
  });
})();
`;

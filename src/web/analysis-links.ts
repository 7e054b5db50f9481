// The links the analysis pages share: from a query to its analyses (trend, concordance, words;
// the search page shows them too), to the search for a word or a period, a row of choices
// (a unit, an order, a measure) as plain links that work without a script, and the page's
// downloads and JSON twin.

import { html, type SafeHtml } from "./html.js";
import type { MessageKey } from "./catalogue-en.js";
import { quoted } from "./page-links.js";
import { type Narrowing, narrowingParameters } from "./page-requests.js";
import type { Words } from "./words.js";

/** The search for `text` under the same narrowing (and, where given, other dates). */
export function searchHref(words: Words, text: string, narrowing: Narrowing, dates?: { since: string; until: string }): string {
  const parameters = narrowingParameters({ ...narrowing, ...dates }, new URLSearchParams({ q: text }));
  return words.href("/", parameters);
}

/** "Analyse “q”: over time · in context · its words", each a link under the same narrowing. */
export function analysesLinks(words: Words, text: string, narrowing: Narrowing): SafeHtml {
  const parameters = narrowingParameters(narrowing, new URLSearchParams({ q: text }));
  const link = (path: string, key: MessageKey) => html`<a href="${words.href(path, parameters)}">${words.say(key)}</a>`;
  const links = [link("/trend", "analyses.trend"), link("/kwic", "analyses.kwic"), link("/words", "analyses.words")];
  return html`<p class="analyses">${words.say("analyses.label", { query: quoted(words, text), links: html`${links.map((item, index) => html`${index === 0 ? "" : " · "}${item}`)}` })}</p>`;
}

interface Choice {
  label: SafeHtml;
  href: string;
  isCurrent: boolean;
}

/** A row of choices, each a link; the current one marked (aria-current) and not a link. */
export function choiceLinks(words: Words, label: MessageKey, choices: readonly Choice[]): SafeHtml {
  const items = choices.map((choice) => (choice.isCurrent ? html`<li><span aria-current="true">${choice.label}</span></li>` : html`<li><a href="${choice.href}">${choice.label}</a></li>`));
  return html`<div class="choices"><span class="choices-label">${words.say(label)}</span><ul>${items}</ul></div>`;
}

/** Every row of the analysis as CSV and NDJSON, and the page as JSON. */
export function downloadLinks(words: Words, path: string, everyRow: URLSearchParams, thisPage: URLSearchParams): SafeHtml {
  const link = (address: string, parameters: URLSearchParams, name: string, isDownload: boolean) =>
    html`<a href="${words.href(address, parameters)}"${isDownload ? html` download` : html` type="application/json"`} translate="no">${name}</a>`;
  return html`<p class="downloads">${words.say("analyses.downloads", { csv: link(`${path}.csv`, everyRow, "CSV", true), ndjson: link(`${path}.ndjson`, everyRow, "NDJSON", true), json: link(`${path}.json`, thisPage, "JSON", false) })}</p>`;
}

/** A period as the pages name it: a day or month in the page's language, a week, a year. */
export function periodName(words: Words, period: string, unit: "day" | "week" | "month" | "year"): string {
  switch (unit) {
    case "day":
      return words.day(period);
    case "week":
      return words.text("period.week", { week: Number(period.slice(6)), year: period.slice(0, 4) });
    case "month":
      return words.month(period);
    case "year":
      return period;
  }
}

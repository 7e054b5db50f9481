// Addresses and words the pages share: the link to an article (carrying the search that led to
// it, so its matched words are marked), a place as FILE:LINE, a visitor's words quoted, and the
// first and last day of a month for the month facet. Links keep the page's language when the
// address named it (Words.href).

import { html, type SafeHtml, textDirection } from "./html.js";
import { type PageRequest, searchParameters } from "./page-requests.js";
import type { Words } from "./words.js";

/** The article's place and the search that led to it, as an article page's parameters. */
export function articleParameters(file: string, line: number, request?: PageRequest): URLSearchParams {
  const parameters = new URLSearchParams({ file, line: String(line) });
  if (request !== undefined) for (const [name, value] of searchParameters(request)) parameters.append(name, value);
  return parameters;
}

/**
 * The article page of the article at this place; with the search that led to it, its matches
 * are marked and its way back leads to the same page of results.
 */
export function articleHref(words: Words, file: string, line: number, request?: PageRequest): string {
  return words.href("/article", articleParameters(file, line, request));
}

/** The page of the copies of the article at this place. */
export function copiesHref(words: Words, file: string, line: number): string {
  return words.href("/copies", new URLSearchParams({ file, line: String(line) }));
}

/** A visitor's words quoted, set apart so that Arabic keeps its order and the quotation marks the page's. */
export function quoted(words: Words, text: string): SafeHtml {
  return words.language === "ar" ? html`«<bdi ${textDirection(text)}>${text}</bdi>»` : html`“<bdi ${textDirection(text)}>${text}</bdi>”`;
}

export function placeLabel(file: string, line: number): string {
  return `${file}:${line}`;
}

/** A place as the pages show it: FILE:LINE, left to right, set apart. */
export function placeText(file: string, line: number): SafeHtml {
  return html`<span class="file" dir="ltr">${placeLabel(file, line)}</span>`;
}

/** The first and last day of a month given as YYYY-MM. */
export function monthBounds(month: string): { since: string; until: string } {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { since: `${month}-01`, until: `${month}-${String(last).padStart(2, "0")}` };
}

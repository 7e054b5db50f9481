// Addresses and words the pages share: the link to an article (carrying the search that led to
// it, so its matched words are marked), a place as FILE:LINE, counts with their nouns, and the
// first and last day of a month for the month facet.

import { countOf as countWithNoun } from "../output/messages.js";
import { html, type SafeHtml, textDirection } from "./html.js";
import { type PageRequest, searchParameters } from "./page-requests.js";

/**
 * The article page of the article at this place; with the search that led to it, its matches
 * are marked and its way back leads to the same page of results.
 */
export function articleHref(file: string, line: number, request?: PageRequest): string {
  const parameters = new URLSearchParams({ file, line: String(line) });
  if (request !== undefined) for (const [name, value] of searchParameters(request)) parameters.append(name, value);
  return `/article?${parameters}`;
}

/** The page of the copies of the article at this place. */
export function copiesHref(file: string, line: number): string {
  return `/copies?${new URLSearchParams({ file, line: String(line) })}`;
}

/** A visitor's words quoted in an English sentence, set apart so that Arabic keeps its order and the quotation marks theirs. */
export function quoted(text: string): SafeHtml {
  return html`“<bdi ${textDirection(text)}>${text}</bdi>”`;
}

export function placeLabel(file: string, line: number): string {
  return `${file}:${line}`;
}

/** "1 article", "2,036 articles". */
export function countOf(count: number, noun: string): string {
  return countWithNoun(count, noun).replace(/^\d+/, (digits) => Number(digits).toLocaleString("en-US"));
}

/** The first and last day of a month given as YYYY-MM. */
export function monthBounds(month: string): { since: string; until: string } {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { since: `${month}-01`, until: `${month}-${String(last).padStart(2, "0")}` };
}

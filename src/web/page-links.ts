// Addresses and words the pages share: the link to an article (carrying the search that led to
// it, so its matched words are marked), a place as FILE:LINE, counts with their nouns, and the
// first and last day of a month for the month facet.

import { countOf as countWithNoun } from "../output/messages.js";
import type { SearchRequest } from "./page-requests.js";

/** The article page of the article at this place; with the search, its matches are marked. */
export function articleHref(file: string, line: number, request?: SearchRequest): string {
  const parameters = new URLSearchParams({ file, line: String(line) });
  if (request !== undefined) {
    parameters.set("q", request.text);
    if (!request.matchOptions.isStemming) parameters.set("exact", "1");
  }
  return `/article?${parameters}`;
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

// Search results for people at a terminal: headline, agency, date and number, and a snippet of
// the original text around the match with the matched words highlighted.

import { readablePublishedToMinute } from "../core/dates.js";
import type { ArticleRecord } from "../core/record.js";
import type { Snippet } from "./search-snippet.js";
import type { TextStyle, TextView } from "./environment.js";
import { toTerminalLine } from "./terminal-text.js";

const INDENT = "   ";

export function formatSearchHit(rank: number, record: ArticleRecord, snippet: Snippet | null, { style }: TextView): string {
  const facts = [
    record.agency === null ? null : toTerminalLine(record.agency),
    record.published === null ? null : readablePublishedToMinute(record.published),
    record.id === null ? null : `رقم ${record.id}`,
  ].filter((fact): fact is string => fact !== null);
  const lines = [`${style.dim(`${rank}.`)} ${style.bold(toTerminalLine(record.headline ?? "—"))}`, `${INDENT}${style.dim(facts.join(" · "))}`];
  if (snippet !== null && snippet.text.length > 0) lines.push(INDENT + highlight(snippet, style));
  return lines.join("\n") + "\n\n";
}

function highlight(snippet: Snippet, style: TextStyle): string {
  const { text, highlights } = snippet;
  let out = snippet.isCutBefore ? "…" : "";
  let at = 0;
  for (const [from, to] of highlights) {
    out += toTerminalLine(text.slice(at, from)) + style.highlight(toTerminalLine(text.slice(from, to)));
    at = to;
  }
  out += toTerminalLine(text.slice(at));
  return out + (snippet.isCutAfter ? "…" : "");
}

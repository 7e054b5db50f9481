// One article laid out for reading (`newsctl show`): titles, a line of facts, the body in
// paragraphs, and where it came from.

import { readablePublished } from "../core/dates.js";
import type { ArticleRecord } from "../core/record.js";
import type { TextView } from "./environment.js";
import { toTerminalLine, toTerminalText } from "./terminal-text.js";

/** Every text from the dump is made safe for a terminal (terminal-text.ts). */
export function formatArticle(record: ArticleRecord, { style }: TextView): string {
  const lines: string[] = [];
  if (record.headline !== null) lines.push(style.bold(toTerminalLine(record.headline)));
  if (record.subheadline !== null) lines.push(toTerminalLine(record.subheadline));
  const facts = [
    record.agency === null ? null : toTerminalLine(record.agency),
    record.published === null ? null : readablePublished(record.published),
    record.id === null ? null : `رقم ${record.id}`,
    record.desk === null ? null : `/${record.desk}`,
  ].filter((fact): fact is string => fact !== null);
  if (facts.length > 0) lines.push(style.dim(facts.join(" · ")));
  lines.push("");
  for (const paragraph of record.body.split("\n")) lines.push(toTerminalText(paragraph), "");
  lines.push(style.dim(`${toTerminalLine(record.file)}:${record.line}`));
  if (record.warnings.length > 0) lines.push(style.yellow(`warnings: ${record.warnings.join(", ")}`));
  return lines.join("\n") + "\n";
}

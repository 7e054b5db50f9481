// The text of a dump, written from descriptions of its articles in the layout docs/format.md
// gives, and the record the parser must make of each: the one way tests write dumps.

import type { ArticleRecord, WarningCode } from "../../src/core/record.js";
import { articleRecord } from "./article-record.js";

/** One article as a dump holds it. */
export interface ArticleText {
  /** Written above the headline; it must repeat the first body paragraph, as in the seed. */
  lead?: string;
  headline: string;
  subheadline?: string;
  agency: string;
  /** The date line, as written. */
  date: string;
  /** Paragraphs, one a line; "" is a blank line inside the body. */
  body: string[];
  /** The desk code's digits, written after the body as "/DIGITS". */
  desk?: string;
  /** The number line's digits; undefined leaves the number line out (a damaged article). */
  number?: string;
}

/** The article's lines, first to last. */
/** An ordinary article, for tests that change one field of it or need one that parses cleanly. */
export const MARKET_ARTICLE: ArticleText = {
  headline: "افتتاح سوق جديدة في المدينة",
  agency: "تنا",
  date: "25 Jan 2021 ساعة 11:27",
  body: ["افتتح وزير الزراعة صباح اليوم سوقاً جديدة.", "وقال مسؤول إن السوق تضم ٢٥٠ متجراً."],
  number: "1001",
};

export function articleLines(article: ArticleText): string[] {
  const firstParagraph = article.body.find((paragraph) => paragraph !== "");
  const lines: string[] = [];
  if (article.lead !== undefined) {
    if (article.lead !== firstParagraph) throw new Error("a lead must repeat the first body paragraph");
    lines.push(article.lead);
  }
  lines.push(article.headline);
  if (article.subheadline !== undefined) lines.push(article.subheadline);
  lines.push(article.agency, article.date, ...article.body);
  if (article.desk !== undefined) lines.push(`/${article.desk}`);
  if (article.number !== undefined) lines.push(`رقم: ${article.number}`);
  return lines;
}

/**
 * A dump of the articles, one after another; `separators[i]` blank lines follow article i
 * (default 1). The text ends with a newline. Gives the 1-based first line of every article too.
 */
export function buildDump(articles: readonly ArticleText[], separators: readonly number[] = []): { text: string; firstLines: number[] } {
  const lines: string[] = [];
  const firstLines: number[] = [];
  articles.forEach((article, index) => {
    firstLines.push(lines.length + 1);
    lines.push(...articleLines(article));
    if (index < articles.length - 1) for (let k = 0; k < (separators[index] ?? 1); k++) lines.push("");
  });
  return { text: lines.join("\n") + "\n", firstLines };
}

/** The record the spec gives for a written article; `published` and the place are the test's. */
export function expectedRecord(article: ArticleText, published: string | null, file: string, line: number, warnings: WarningCode[] = []): ArticleRecord {
  return articleRecord({
    id: article.number ?? null,
    headline: article.headline,
    subheadline: article.subheadline ?? null,
    lead: article.lead ?? null,
    agency: article.agency,
    published,
    desk: article.desk ?? null,
    body: article.body.filter((paragraph) => paragraph.trim() !== "").join("\n"),
    file,
    line,
    warnings,
  });
}

// A concordance folds a field only around its matches, a block at a time: its lines must be the
// ones that folding the whole field with offsets gives, wherever the blocks are cut (inside a
// phrase, inside the context, beside harakat, format characters and unusual spaces).
import { describe, expect, it } from "vitest";
import { concordanceFinder } from "../../src/core/concordance.js";
import { matchRanges, placedTokens } from "../../src/core/match-ranges.js";
import { parseQuery, type QueryTerm } from "../../src/core/query.js";
import type { ArticleRecord } from "../../src/core/record.js";
import { positiveTerms } from "../../src/core/search-match.js";

const STEMMING = { isStemming: true };

function articleWithBody(body: string): ArticleRecord {
  return { id: "1", headline: null, subheadline: null, lead: null, agency: null, published: null, desk: null, body, file: "f.txt", line: 1, warnings: [] };
}

/** The lines of one field as whole-field folding gives them: every token placed, then the context cut around each range. */
function wholeFieldLines(text: string, terms: readonly QueryTerm[], width: number) {
  const tokens = [...placedTokens(text)];
  const firstEndingAfter = (offset: number) => tokens.findIndex((token) => token.end > offset);
  const at = (index: number) => (index < 0 ? tokens.length : index);
  return [...matchRanges(text, terms, STEMMING)].map(([start, end]) => {
    const first = at(firstEndingAfter(start));
    const after = at(firstEndingAfter(end));
    const before = tokens.slice(Math.max(0, first - width), first);
    const following = tokens.slice(after, after + width);
    return {
      left: before.length === 0 ? "" : text.slice(before[0]!.start, start).replace(/\s+/g, " ").trim(),
      match: text.slice(start, end),
      right: following.length === 0 ? "" : text.slice(end, following.at(-1)!.end).replace(/\s+/g, " ").trim(),
      leftKey: before.map((token) => token.text).reverse().join(" "),
      rightKey: following.map((token) => token.text).join(" "),
    };
  });
}

function blockLines(text: string, terms: readonly QueryTerm[], width: number) {
  return [...concordanceFinder(terms, STEMMING, width)(articleWithBody(text))].map(({ line, leftKey, rightKey }) => ({ left: line.left, match: line.match, right: line.right, leftKey, rightKey }));
}

/** Words with harakat, tatweel, punctuation, ZWNJ, a BOM, a no-break space and ligatures that fold to several words. */
const WORDS = ["تنظيم", "«داعش»", "دَاعِشُ", "الإرهابي", "خادم", "الحرمين", "الشريفين", "داعـــش", "،", "و\u200Cداعش", "دا\uFEFFعش", "في\u00A0سوريا", "الدواعش", "123", "Daesh", "محمد\uFDFA", "ﷲ"];

/** A text of `count` words picked by a fixed sequence, joined by spaces and now and then a line feed. */
function mixedText(count: number, seed: number): string {
  let state = seed;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    parts.push(WORDS[state % WORDS.length]!, state % 17 === 0 ? "\n" : " ");
  }
  return parts.join("");
}

describe("a concordance folded a block at a time", () => {
  it("gives the lines of whole-field folding for words, phrases and prefixes in long mixed text", () => {
    for (const query of ["داعش", "الله", "عليه", '"خادم الحرمين الشريفين"', "الحرم*", 'داعش OR "في سوريا"']) {
      const terms = positiveTerms(parseQuery(query));
      for (const seed of [1, 2, 3]) {
        const text = mixedText(900, seed);
        for (const width of [1, 8, 40]) expect(blockLines(text, terms, width)).toEqual(wholeFieldLines(text, terms, width));
      }
    }
  });

  it("finds a phrase whose words stand on both sides of a cut, and context from blocks beyond", () => {
    const terms = positiveTerms(parseQuery('"خادم الحرمين الشريفين"'));
    for (let pad = 100; pad < 140; pad++) {
      const text = `${"ب".repeat(pad)} خادم الحرمين الشريفين ${"كلمة ".repeat(60)}`;
      const lines = blockLines(text, terms, 30);
      expect(lines.map((line) => line.match)).toEqual(["خادم الحرمين الشريفين"]);
      expect(lines).toEqual(wholeFieldLines(text, terms, 30));
    }
  });
});

// Search on real text agrees with a plain reference: docs/search.md's folding, tokens and light
// stemming written again here, independently and naively, and applied to the gold fields of
// ../shared/corpus. Skipped where ../shared is not beside the project.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-in-process.js";
import { projectRoot } from "../helpers/run-newsctl.js";

const corpusRoot = path.resolve(projectRoot, "../shared/corpus/saudinewsnet-2015-07-22");
const hasCorpus = existsSync(path.join(corpusRoot, "gold.jsonl"));

/** docs/search.md, steps 1-5, one rule at a time. */
function referenceFold(text: string): string {
  let out = text.normalize("NFKC").toLowerCase();
  out = out.replace(/\p{Mn}|\p{Me}|\p{Mc}/gu, "").replace(/\u0640/g, "");
  out = out.replace(/[\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g, "");
  out = out.replace(/[آأإٱ]/g, "ا").replace(/[ىیے]/g, "ي").replace(/[ةۀہ]/g, "ه").replace(/ک/g, "ك").replace(/[ؤئ]/g, "ء");
  out = out.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
  return out;
}

function referenceTokens(text: string): string[] {
  return referenceFold(text).split(/[^\p{L}\p{N}]+/u).filter((token) => token.length > 0);
}

/** Light stemming as docs/search.md words it. */
function referenceStem(word: string): string {
  if (!/^[\u0621-\u064A]+$/.test(word)) return word;
  let stem = word;
  for (const prefix of ["ال", "وال", "بال", "كال", "فال", "لل", "و"]) {
    const enough = prefix === "و" ? stem.length >= 4 : stem.length - prefix.length >= 2;
    if (enough && stem.startsWith(prefix)) {
      stem = stem.slice(prefix.length);
      break;
    }
  }
  for (const suffix of ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"]) {
    if (stem.length - suffix.length >= 2 && stem.endsWith(suffix)) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

// With and without harakat, hamza seats, alef maqsura, teh marbuta, digit sets, prefixes.
const WORDS = ["الجيش", "السعودية", "السعوديه", "مُحَمَّد", "أمير", "امير", "مسؤول", "مسئول", "٢٠١٥", "2015", "الرياض", "وزارة", "النفط", "داعش", "الأمن", "مستشفى", "إيران"];

describe.skipIf(!hasCorpus)("search over the shared corpus", () => {
  const gold = hasCorpus
    ? readFileSync(path.join(corpusRoot, "gold.jsonl"), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as Record<string, string | null>)
    : [];
  const articleTokens = gold.map((article) =>
    ["headline", "subheadline", "lead", "body", "agency"].flatMap((field) => (article[field] ? referenceTokens(article[field]!) : [])),
  );

  const referenceCount = (word: string, isStemming: boolean): number => {
    const [token] = referenceTokens(word);
    const stem = referenceStem(token!);
    return articleTokens.filter((tokens) => tokens.some((t) => t === token || (isStemming && referenceStem(t) === stem))).length;
  };

  it.each(WORDS)("counts the same articles for %s, with and without stemming", async (word) => {
    const stemmed = await runInProcess(["search", word, "dumps", "--count", "--quiet"], { cwd: corpusRoot });
    const exact = await runInProcess(["search", word, "dumps", "--count", "--quiet", "--exact"], { cwd: corpusRoot });
    const expectedStemmed = referenceCount(word, true);
    const expectedExact = referenceCount(word, false);
    expect(expectedStemmed).toBeGreaterThan(0); // a word of the corpus, so the comparison means something
    expect(Number(stemmed.stdout.trim())).toBe(expectedStemmed);
    expect(Number(exact.stdout.trim())).toBe(expectedExact);
  });
});

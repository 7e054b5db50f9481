// The shared corpus's gold.jsonl, and how a set of records compares with it field by field.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../helpers/run-newsctl.js";

const CORPUS = "shared/corpus/saudinewsnet-2015-07-22";

/**
 * ../shared beside the project, or beside a folder the project sits in (mutation testing runs
 * the tests from a copy of the project in a subfolder).
 */
function findCorpus(): string {
  for (let folder = projectRoot; ; folder = path.dirname(folder)) {
    const candidate = path.resolve(folder, "..", CORPUS);
    if (existsSync(candidate) || path.dirname(folder) === folder) return candidate;
  }
}

export const corpusRoot = findCorpus();
export const hasCorpus = existsSync(path.join(corpusRoot, "gold.jsonl"));
export const GOLD_FIELDS = ["id", "headline", "subheadline", "lead", "agency", "published", "desk", "body"] as const;

export interface Gold {
  file: string;
  line: number;
  id: string | null;
  [field: string]: unknown;
}

export interface GoldComparison {
  total: number;
  allExact: number;
  exactByField: Record<(typeof GOLD_FIELDS)[number], number>;
  damaged: number;
  damagedWarned: number;
  /** A few places where a field differs, for the failure message. */
  misses: string[];
  /** Records that no gold article starts at. */
  extra: number;
}

export function readGold(): Gold[] {
  return readFileSync(path.join(corpusRoot, "gold.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Gold);
}

/** Records (by file and first line) against the gold articles. */
export function compareWithGold(records: ReadonlyArray<Record<string, unknown>>, gold: readonly Gold[] = readGold()): GoldComparison {
  const byPlace = new Map(records.map((record) => [`${String(record.file)}:${String(record.line)}`, record]));
  const exactByField = Object.fromEntries(GOLD_FIELDS.map((field) => [field, 0])) as GoldComparison["exactByField"];
  const comparison: GoldComparison = { total: gold.length, allExact: 0, exactByField, damaged: 0, damagedWarned: 0, misses: [], extra: 0 };
  for (const expected of gold) {
    const record = byPlace.get(`${expected.file}:${expected.line}`);
    let isExact = record !== undefined;
    for (const field of GOLD_FIELDS) {
      if (record !== undefined && record[field] === expected[field]) exactByField[field]++;
      else {
        isExact = false;
        if (comparison.misses.length < 5) comparison.misses.push(`${expected.file}:${expected.line} ${field}`);
      }
    }
    if (isExact) comparison.allExact++;
    if (expected.id === null) {
      comparison.damaged++;
      if (record !== undefined && (record.warnings as string[]).includes("missing-number")) comparison.damagedWarned++;
    }
  }
  const places = new Set(gold.map((expected) => `${expected.file}:${expected.line}`));
  comparison.extra = records.filter((record) => !places.has(`${String(record.file)}:${String(record.line)}`)).length;
  return comparison;
}

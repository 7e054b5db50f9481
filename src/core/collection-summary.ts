// What `newsctl stats` tells of a collection: how many articles, from whom, when, which numbers
// are missing from each agency's sequence and which were used twice for different articles,
// and which warnings the articles carry. Records are added one at a time; memory grows with
// the number of distinct article numbers, not with the text.

import { publishedDay } from "./dates.js";
import type { ArticleRecord } from "./record.js";

/** Ranges of missing numbers listed per agency, at most (the count covers them all). */
const LISTED_GAPS = 10;

interface NumberGap {
  /** First and last missing number. */
  from: string;
  to: string;
}

interface AgencySummary {
  agency: string | null;
  articles: number;
  /** Lowest and highest article number. */
  firstNumber: string | null;
  lastNumber: string | null;
  /** How many numbers between them no article has. */
  missingNumbers: number;
  /** The first ranges of missing numbers. */
  gaps: NumberGap[];
}

interface ReusedNumber {
  id: string;
  /** Articles with this number. */
  articles: number;
  /** Distinct bodies among them (more than one: the number names different articles). */
  bodies: number;
}

export interface CollectionSummary {
  articles: number;
  undated: number;
  firstPublished: string | null;
  lastPublished: string | null;
  byAgency: AgencySummary[];
  /** Articles per day (YYYY-MM-DD of `published`), in date order. */
  byDay: Array<{ day: string; articles: number }>;
  /** Numbers that more than one article has, with different bodies. */
  reusedNumbers: ReusedNumber[];
  /** Articles carrying each warning code. */
  warnings: Record<string, number>;
}

interface NumberUse {
  articles: number;
  bodies: Set<string>;
}

export class CollectionSummaryBuilder {
  private articles = 0;
  private undated = 0;
  private firstPublished: string | null = null;
  private lastPublished: string | null = null;
  private readonly agencies = new Map<string | null, { articles: number; numbers: Set<bigint> }>();
  private readonly days = new Map<string, number>();
  private readonly numbers = new Map<string, NumberUse>();
  private readonly warnings = new Map<string, number>();

  /** `fingerprint` tells bodies apart without keeping them (a hash of the text). */
  constructor(private readonly fingerprint: (body: string) => string) {}

  add(record: ArticleRecord): void {
    this.articles++;
    if (record.published === null) {
      this.undated++;
    } else {
      const day = publishedDay(record.published);
      this.days.set(day, (this.days.get(day) ?? 0) + 1);
      // Compared as written: local times sort as text; with --tz every time has the same offset.
      if (this.firstPublished === null || record.published < this.firstPublished) this.firstPublished = record.published;
      if (this.lastPublished === null || record.published > this.lastPublished) this.lastPublished = record.published;
    }
    let agency = this.agencies.get(record.agency);
    if (agency === undefined) {
      agency = { articles: 0, numbers: new Set() };
      this.agencies.set(record.agency, agency);
    }
    agency.articles++;
    if (record.id !== null) {
      agency.numbers.add(BigInt(record.id));
      let use = this.numbers.get(record.id);
      if (use === undefined) {
        use = { articles: 0, bodies: new Set() };
        this.numbers.set(record.id, use);
      }
      use.articles++;
      use.bodies.add(this.fingerprint(record.body));
    }
    for (const code of record.warnings) this.warnings.set(code, (this.warnings.get(code) ?? 0) + 1);
  }

  summary(): CollectionSummary {
    const byAgency = [...this.agencies.entries()]
      .map(([agency, { articles, numbers }]) => ({ agency, articles, ...numberGaps(numbers) }))
      .sort((a, b) => b.articles - a.articles || compareText(a.agency ?? "", b.agency ?? ""));
    return {
      articles: this.articles,
      undated: this.undated,
      firstPublished: this.firstPublished,
      lastPublished: this.lastPublished,
      byAgency,
      byDay: [...this.days.entries()].sort(([a], [b]) => compareText(a, b)).map(([day, articles]) => ({ day, articles })),
      reusedNumbers: [...this.numbers.entries()]
        .filter(([, use]) => use.bodies.size > 1)
        .map(([id, use]) => ({ id, articles: use.articles, bodies: use.bodies.size }))
        .sort((a, b) => compareNumbers(a.id, b.id)),
      warnings: Object.fromEntries([...this.warnings.entries()].sort(([a], [b]) => compareText(a, b))),
    };
  }
}

function numberGaps(numbers: ReadonlySet<bigint>): Pick<AgencySummary, "firstNumber" | "lastNumber" | "missingNumbers" | "gaps"> {
  const sorted = [...numbers].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 0) return { firstNumber: null, lastNumber: null, missingNumbers: 0, gaps: [] };
  let missing = 0n;
  const gaps: NumberGap[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const step = sorted[i]! - sorted[i - 1]!;
    if (step <= 1n) continue;
    missing += step - 1n;
    if (gaps.length < LISTED_GAPS) gaps.push({ from: String(sorted[i - 1]! + 1n), to: String(sorted[i]! - 1n) });
  }
  return { firstNumber: String(sorted[0]), lastNumber: String(sorted.at(-1)), missingNumbers: Number(missing), gaps };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumbers(a: string, b: string): number {
  return a.length - b.length || compareText(a, b);
}

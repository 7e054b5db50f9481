// Copies among articles: the same article number, or bodies that are nearly the same text (a
// wire story run by several papers, a dump saved twice with new numbers). Bodies are compared by
// MinHash over word 3-grams of their folded text, with locality-sensitive hashing to find the
// pairs worth comparing, so that a few hundred thousand articles cost one pass and a signature
// of 128 bytes each. Bodies too short for 3-grams are copies only when headline and body are the
// same folded. Everything is deterministic: the same input gives the same clusters.

import { foldArabic } from "./fold.js";
import { tokenTexts } from "./tokens.js";
import { comparePublished } from "./dates.js";
import type { ArticleRecord } from "./record.js";
import { comparePlaces } from "./record-place.js";

const HASHES = 32;
const BANDS = 8;
const ROWS = HASHES / BANDS;
const SHINGLE_WORDS = 3;

/** Where an article is and what decides which copy is kept. */
export interface ArticlePlace {
  file: string;
  line: number;
  id: string | null;
  published: string | null;
}

export interface DuplicateCluster {
  /** The earliest published (then the first by file and line). */
  kept: ArticlePlace;
  /** `similarity` to the kept body (0 to 1); `reason`: the same number, or a body nearly the same. */
  dropped: Array<ArticlePlace & { similarity: number; reason: "number" | "body" }>;
}

interface Entry {
  place: ArticlePlace;
  signature: Uint32Array;
  /** The body has 3-grams: compared by signature. */
  isComparable: boolean;
  /** A body too short for 3-grams: its headline and body folded, which a copy must match exactly. */
  shortText: string | null;
}

// Seeds of the hash functions, from a fixed linear congruential sequence.
const SEEDS = (() => {
  const seeds = new Uint32Array(HASHES * 2);
  let state = 0x9e3779b9;
  for (let i = 0; i < seeds.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    seeds[i] = state | 1;
  }
  return seeds;
})();

/** FNV-1a of a string, 32 bits. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A 32-bit mix of a value with one seed pair (murmur3's finaliser). */
function mix(value: number, a: number, b: number): number {
  let h = (Math.imul(value, a) + b) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The MinHash signature of a body's word 3-grams (folded, so spelling variants agree). */
export function bodySignature(body: string): Uint32Array | null {
  const words = tokenTexts(foldArabic(body));
  if (words.length < SHINGLE_WORDS) return null;
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const shingle = hashText(words.slice(i, i + SHINGLE_WORDS).join(" "));
    for (let k = 0; k < HASHES; k++) {
      const value = mix(shingle, SEEDS[2 * k]!, SEEDS[2 * k + 1]!);
      if (value < signature[k]!) signature[k] = value;
    }
  }
  return signature;
}

/** The share of equal positions: an estimate of the 3-gram sets' Jaccard similarity. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) equal++;
  return equal / HASHES;
}

export class DuplicateFinder {
  private readonly entries: Entry[] = [];

  /** `threshold`: the least estimated similarity of two bodies that makes them copies (0 to 1). */
  constructor(private readonly threshold: number) {}

  add(record: ArticleRecord): void {
    const signature = bodySignature(record.body);
    this.entries.push({
      place: { file: record.file, line: record.line, id: record.id, published: record.published },
      signature: signature ?? new Uint32Array(0),
      isComparable: signature !== null,
      shortText: signature === null ? foldShortArticle(record) : null,
    });
  }

  /** The clusters of copies, each with the copy kept first; in the order of the kept ones. */
  clusters(): DuplicateCluster[] {
    const parent = this.entries.map((_, index) => index);
    const find = (index: number): number => {
      let root = index;
      while (parent[root] !== root) root = parent[root]!;
      while (parent[index] !== root) [index, parent[index]] = [parent[index]!, root];
      return root;
    };
    const join = (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    const joinEqual = (keyOf: (entry: Entry) => string | null) => {
      const firsts = new Map<string, number>();
      this.entries.forEach((entry, index) => {
        const key = keyOf(entry);
        if (key === null) return;
        const first = firsts.get(key);
        if (first === undefined) firsts.set(key, index);
        else join(first, index);
      });
    };
    joinEqual((entry) => entry.place.id);
    joinEqual((entry) => entry.shortText);
    // Bodies that agree on every row of some band are candidates; the signature decides.
    for (let band = 0; band < BANDS; band++) {
      const buckets = new Map<string, number[]>();
      this.entries.forEach((entry, index) => {
        if (!entry.isComparable) return;
        const key = Array.from(entry.signature.subarray(band * ROWS, (band + 1) * ROWS)).join(",");
        const bucket = buckets.get(key);
        if (bucket === undefined) buckets.set(key, [index]);
        else bucket.push(index);
      });
      for (const bucket of buckets.values()) {
        for (let i = 1; i < bucket.length; i++) {
          const a = this.entries[bucket[0]!]!;
          const b = this.entries[bucket[i]!]!;
          if (find(bucket[0]!) !== find(bucket[i]!) && signatureSimilarity(a.signature, b.signature) >= this.threshold) join(bucket[0]!, bucket[i]!);
        }
      }
    }
    const members = new Map<number, number[]>();
    this.entries.forEach((_, index) => {
      const root = find(index);
      const list = members.get(root);
      if (list === undefined) members.set(root, [index]);
      else list.push(index);
    });
    const clusters: DuplicateCluster[] = [];
    for (const list of members.values()) {
      if (list.length < 2) continue;
      const ordered = [...list].sort((a, b) => compareForKeeping(this.entries[a]!.place, this.entries[b]!.place));
      const kept = this.entries[ordered[0]!]!;
      clusters.push({
        kept: kept.place,
        dropped: ordered.slice(1).map((index) => {
          const entry = this.entries[index]!;
          const isSameNumber = entry.place.id !== null && entry.place.id === kept.place.id;
          return { ...entry.place, similarity: similarityOf(kept, entry), reason: isSameNumber ? "number" : "body" };
        }),
      });
    }
    return clusters.sort((a, b) => compareForKeeping(a.kept, b.kept));
  }
}

/** Two identical articles are copies whatever their length; without 3-grams only equality can tell. */
function foldShortArticle(record: ArticleRecord): string {
  return JSON.stringify([record.headline === null ? null : foldArabic(record.headline), foldArabic(record.body)]);
}

/**
 * The estimated similarity of two bodies; 1 for equal short texts. Copies joined through a third
 * article may share less with the kept one than the threshold.
 */
function similarityOf(a: Entry, b: Entry): number {
  if (a.isComparable && b.isComparable) return signatureSimilarity(a.signature, b.signature);
  return a.shortText !== null && a.shortText === b.shortText ? 1 : 0;
}

/** Earliest published first (undated last), then file and line. */
function compareForKeeping(a: ArticlePlace, b: ArticlePlace): number {
  const byTime = comparePublished(a.published, b.published);
  if (byTime !== 0) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return byTime;
  }
  return comparePlaces(a.file, a.line, b.file, b.line);
}

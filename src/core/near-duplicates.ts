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
interface ArticlePlace {
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

/** Grows typed arrays by doubling, so that a million entries cost a few copies, not a million objects. */
function grown<T extends Int32Array | Uint32Array>(array: T, needed: number, make: (length: number) => T): T {
  if (needed <= array.length) return array;
  const larger = make(Math.max(needed, array.length * 2, 1024));
  larger.set(array);
  return larger;
}

/** A publication time without seconds' fractions or an offset: kept as the number YYYYMMDDHHMMSS. */
const PLAIN_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;

/**
 * Strings (or null), one per article, kept as numbers where `encode` gives one (and `decode`
 * gives the string back), the others as they are: a number costs 8 bytes, a string some 40.
 */
class CompactStrings {
  private numbers: Float64Array = new Float64Array(0);
  private readonly others = new Map<number, string>();

  constructor(
    private readonly encode: (text: string) => number | undefined,
    private readonly decode: (number: number) => string,
  ) {}

  set(index: number, text: string | null): void {
    this.numbers = grownFloat(this.numbers, index + 1);
    const number = text === null ? undefined : this.encode(text);
    if (number !== undefined) {
      this.numbers[index] = number;
      return;
    }
    this.numbers[index] = Number.NaN;
    if (text !== null) this.others.set(index, text);
  }

  get(index: number): string | null {
    const number = this.numbers[index]!;
    return Number.isNaN(number) ? (this.others.get(index) ?? null) : this.decode(number);
  }
}

function grownFloat(array: Float64Array, needed: number): Float64Array {
  if (needed <= array.length) return array;
  const larger = new Float64Array(Math.max(needed, array.length * 2, 1024));
  larger.set(array);
  return larger;
}

interface DuplicateFinderOptions {
  /**
   * What a short article (a body under three words) is known by: two short articles are copies
   * when these are equal. By default the folded headline and body themselves; a digest of them
   * (SHA-256) keeps the memory of a large collection to a few bytes an article.
   */
  shortFingerprint?: (foldedText: string) => string;
}

/**
 * Gathers what decides copies, article by article, and finds the clusters once all are added.
 * It keeps, of each article, its place, number and date and its fingerprint (a signature of 128
 * bytes, or the short text's fingerprint), in columns rather than objects, never the record.
 */
export class DuplicateFinder {
  private count = 0;
  private readonly files: string[] = [];
  private readonly fileNumbers = new Map<string, number>();
  private fileOf = new Int32Array(0);
  private lines = new Int32Array(0);
  private readonly ids = new CompactStrings(
    (id) => (/^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : undefined),
    (number) => String(number),
  );
  private readonly published = new CompactStrings(
    (time) => (PLAIN_TIME.test(time) ? Number(time.replace(/[-T:]/g, "")) : undefined),
    (number) => String(number).padStart(14, "0").replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, "$1-$2-$3T$4:$5:$6"),
  );
  /** HASHES numbers per article whose body has 3-grams, in the order they were added. */
  private signatures = new Uint32Array(0);
  private signatureCount = 0;
  /** Where an article's signature starts in `signatures`; -1 for a body too short for 3-grams. */
  private signatureAt = new Int32Array(0);
  /** For a body too short for 3-grams: the fingerprint of its headline and body folded, which a copy must match. */
  private readonly shortTexts = new Map<number, string>();
  private readonly shortFingerprint: (foldedText: string) => string;

  /** `threshold`: the least estimated similarity of two bodies that makes them copies (0 to 1). */
  constructor(
    private readonly threshold: number,
    options: DuplicateFinderOptions = {},
  ) {
    this.shortFingerprint = options.shortFingerprint ?? ((text) => text);
  }

  add(record: ArticleRecord): void {
    const index = this.count++;
    this.fileOf = grown(this.fileOf, this.count, (length) => new Int32Array(length));
    this.lines = grown(this.lines, this.count, (length) => new Int32Array(length));
    this.signatureAt = grown(this.signatureAt, this.count, (length) => new Int32Array(length));
    let fileNumber = this.fileNumbers.get(record.file);
    if (fileNumber === undefined) {
      fileNumber = this.files.length;
      this.files.push(record.file);
      this.fileNumbers.set(record.file, fileNumber);
    }
    this.fileOf[index] = fileNumber;
    this.lines[index] = record.line;
    this.ids.set(index, record.id);
    this.published.set(index, record.published);
    const signature = bodySignature(record.body);
    if (signature === null) {
      this.signatureAt[index] = -1;
      this.shortTexts.set(index, this.shortFingerprint(foldShortArticle(record)));
    } else {
      this.signatures = grown(this.signatures, (this.signatureCount + 1) * HASHES, (length) => new Uint32Array(length));
      this.signatureAt[index] = this.signatureCount * HASHES;
      this.signatures.set(signature, this.signatureCount * HASHES);
      this.signatureCount++;
    }
  }

  /** The clusters of copies, each with the copy kept first; in the order of the kept ones. */
  clusters(): DuplicateCluster[] {
    const count = this.count;
    const parent = new Int32Array(count);
    for (let index = 0; index < count; index++) parent[index] = index;
    const find = (index: number): number => {
      let root = index;
      while (parent[root] !== root) root = parent[root]!;
      while (parent[index] !== root) {
        const next = parent[index]!;
        parent[index] = root;
        index = next;
      }
      return root;
    };
    const join = (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    const joinEqual = (keyOf: (index: number) => string | null | undefined) => {
      const firsts = new Map<string, number>();
      for (let index = 0; index < count; index++) {
        const key = keyOf(index);
        if (key === null || key === undefined) continue;
        const first = firsts.get(key);
        if (first === undefined) firsts.set(key, index);
        else join(first, index);
      }
    };
    joinEqual((index) => this.ids.get(index));
    joinEqual((index) => this.shortTexts.get(index));
    // Bodies that agree on every row of some band are candidates, each compared with the first
    // article (in the order added) whose rows are the same; the signature decides. The rows are
    // looked up by a hash of them, and by the rows themselves only where two hash alike.
    const { signatures, signatureAt } = this;
    const firstByHash = new Map<number, number>();
    const firstByRows = new Map<string, number>();
    for (let band = 0; band < BANDS; band++) {
      firstByHash.clear();
      firstByRows.clear();
      const row = band * ROWS;
      const isSameRows = (a: number, b: number): boolean => {
        for (let k = row; k < row + ROWS; k++) if (signatures[signatureAt[a]! + k] !== signatures[signatureAt[b]! + k]) return false;
        return true;
      };
      for (let index = 0; index < count; index++) {
        if (signatureAt[index]! < 0) continue;
        let hash = band;
        for (let k = row; k < row + ROWS; k++) hash = mix(signatures[signatureAt[index]! + k]!, hash | 1, 0x9e3779b9);
        // 30 bits: a small integer to V8, which a Map keeps without allocating.
        hash &= 0x3fffffff;
        let first = firstByHash.get(hash);
        if (first === undefined) {
          firstByHash.set(hash, index);
          continue;
        }
        if (!isSameRows(first, index)) {
          const rows = Array.from(signatures.subarray(signatureAt[index]! + row, signatureAt[index]! + row + ROWS)).join(",");
          first = firstByRows.get(rows);
          if (first === undefined) {
            firstByRows.set(rows, index);
            continue;
          }
        }
        if (find(first) !== find(index) && this.similarity(first, index) >= this.threshold) join(first, index);
      }
    }
    // Only clusters of two or more are listed: the sizes first, then the members of those.
    const sizes = new Int32Array(count);
    for (let index = 0; index < count; index++) sizes[find(index)]!++;
    const members = new Map<number, number[]>();
    for (let index = 0; index < count; index++) {
      const root = parent[index]!;
      if (sizes[root]! < 2) continue;
      const list = members.get(root);
      if (list === undefined) members.set(root, [index]);
      else list.push(index);
    }
    const clusters: DuplicateCluster[] = [];
    for (const list of members.values()) {
      const places = new Map(list.map((index) => [index, this.placeOf(index)]));
      const ordered = [...list].sort((a, b) => compareForKeeping(places.get(a)!, places.get(b)!));
      const kept = ordered[0]!;
      const keptPlace = places.get(kept)!;
      clusters.push({
        kept: keptPlace,
        dropped: ordered.slice(1).map((index) => {
          const place = places.get(index)!;
          const isSameNumber = place.id !== null && place.id === keptPlace.id;
          return { ...place, similarity: this.similarityOf(kept, index), reason: isSameNumber ? "number" : "body" };
        }),
      });
    }
    return clusters.sort((a, b) => compareForKeeping(a.kept, b.kept));
  }

  private placeOf(index: number): ArticlePlace {
    return { file: this.files[this.fileOf[index]!]!, line: this.lines[index]!, id: this.ids.get(index), published: this.published.get(index) };
  }

  /** The share of equal positions of two articles' signatures. */
  private similarity(a: number, b: number): number {
    const [at, bt] = [this.signatureAt[a]!, this.signatureAt[b]!];
    return signatureSimilarity(this.signatures.subarray(at, at + HASHES), this.signatures.subarray(bt, bt + HASHES));
  }

  /**
   * The estimated similarity of two bodies; 1 for equal short texts. Copies joined through a
   * third article may share less with the kept one than the threshold.
   */
  private similarityOf(a: number, b: number): number {
    if (this.signatureAt[a]! >= 0 && this.signatureAt[b]! >= 0) return this.similarity(a, b);
    const text = this.shortTexts.get(a);
    return text !== undefined && text === this.shortTexts.get(b) ? 1 : 0;
  }
}

/** Two identical articles are copies whatever their length; without 3-grams only equality can tell. */
function foldShortArticle(record: ArticleRecord): string {
  return JSON.stringify([record.headline === null ? null : foldArabic(record.headline), foldArabic(record.body)]);
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

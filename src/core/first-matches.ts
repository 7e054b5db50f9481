// The first few of many matches, chosen from what an index holds beside the articles (scores
// made from occurrence lists, publication times) so that only those articles are read. Ties
// with the last one chosen are all kept: the order between them needs the whole records.

import { comparePublished, hasOffset } from "./dates.js";
import { comparePlaces } from "./record-place.js";

/**
 * The slot that is the `limit`-th best of `count` (the worst when there are fewer): a heap of
 * the best `limit` seen so far, its worst on top, rather than a sort of them all.
 */
export function limitThBest(count: number, limit: number, isBetter: (a: number, b: number) => boolean): number {
  const heap: number[] = [];
  const sink = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const worse = right < heap.length && isBetter(heap[left]!, heap[right]!) ? right : left;
      if (!isBetter(heap[at]!, heap[worse]!)) return;
      [heap[at], heap[worse]] = [heap[worse]!, heap[at]!];
      at = worse;
    }
  };
  for (let slot = 0; slot < count; slot++) {
    if (heap.length < limit) {
      heap.push(slot);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!isBetter(heap[parent]!, heap[at]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (isBetter(slot, heap[0]!)) {
      heap[0] = slot;
      sink(0);
    }
  }
  return heap[0]!;
}

/**
 * The slots, among `published` (the matches' publication times), that can be among the first
 * `limit` newest: those published at least as late as the limit-th newest. Null when some times
 * carry an offset and others do not: they are then not in one order, and every match is read.
 */
export function selectNewest(published: readonly (string | null)[], limit: number): number[] | null {
  if (limit <= 0 || published.length === 0) return [];
  const dated = published.filter((time) => time !== null);
  const withOffset = dated.filter(hasOffset).length;
  if (withOffset > 0 && withOffset < dated.length) return null;
  const isNewer = (a: number, b: number) => comparePublished(published[a]!, published[b]!) > 0;
  const last = limitThBest(published.length, limit, isNewer);
  const chosen: number[] = [];
  for (let slot = 0; slot < published.length; slot++) if (!isNewer(last, slot)) chosen.push(slot);
  return chosen;
}

/**
 * The first `limit` slots by publication time, newest first, then by place (file, then line):
 * the order of matches that tie on everything else. `published` and `places` are the slots'
 * times and places, times in one order (as selectNewest found them).
 */
export function firstByTimeAndPlace(published: readonly (string | null)[], places: ReadonlyArray<{ file: string; line: number }>, limit: number): number[] {
  const slots = published.map((_, slot) => slot);
  slots.sort((a, b) => comparePublished(published[b]!, published[a]!) || comparePlaces(places[a]!.file, places[a]!.line, places[b]!.file, places[b]!.line));
  return slots.slice(0, Math.max(0, limit));
}

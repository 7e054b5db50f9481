// The store where a search's matches wait to be printed: whatever it holds, in memory or in its
// temporary file, comes back exactly, in any order asked, and leaves no file behind.

import { existsSync, openSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/core/record.js";
import { articleRecord as record } from "../helpers/article-record.js";
import type { NewsctlError } from "../../src/errors.js";
import { MatchStore } from "../../src/io/match-store.js";

let dir: string;
let savedTmpdir: string | undefined;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "newsctl-store-"));
  savedTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = dir;
});
afterEach(async () => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  await rm(dir, { recursive: true, force: true });
});

const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), fc.constant("\uD800 lone"), fc.constant("ا".repeat(3000)));
const records = fc.array(
  fc.record({ id: fc.option(text), headline: fc.option(text), body: fc.option(text), published: fc.option(text), line: fc.nat(), warnings: fc.subarray(["missing-number", "missing-body"] as const) }),
  { maxLength: 60 },
);

describe("MatchStore", () => {
  it("gives back every record exactly, in any order, within the memory budget or beyond it", () => {
    fc.assert(
      fc.property(records, fc.nat({ max: 40_000 }), fc.integer(), (fields, budget, seed) => {
        const put = fields.map((field) => record(field as Partial<ArticleRecord>));
        const store = new MatchStore({ memoryBudget: budget });
        try {
          expect(put.map((each) => store.put(each))).toEqual(put.map((_, number) => number));
          expect(store.size).toBe(put.length);
          const order = put.map((_, number) => number).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
          for (const number of order) expect(store.take(number)).toEqual(put[number]);
        } finally {
          store.close();
        }
      }),
      { numRuns: 150 },
    );
  });

  it("writes records larger than its chunks and reads them back", () => {
    const store = new MatchStore({ memoryBudget: 0 });
    try {
      const huge = record({ body: "خبر ".repeat(700_000) });
      const small = record({ id: "2" });
      store.put(small);
      store.put(huge);
      store.put(small);
      expect(store.take(1)).toEqual(huge);
      expect(store.take(2)).toEqual(small);
      expect(store.take(0)).toEqual(small);
    } finally {
      store.close();
    }
  });

  it("leaves no file in the temporary directory, even while it is open", async () => {
    const store = new MatchStore({ memoryBudget: 0 });
    try {
      for (let line = 1; line <= 500; line++) store.put(record({ line, body: "نص ".repeat(1000) }));
      expect(await readdir(dir)).toEqual([]);
      expect(store.take(499).line).toBe(500);
    } finally {
      store.close();
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it("gives each record once, and none it was not given", () => {
    const store = new MatchStore({ memoryBudget: 0 });
    try {
      store.put(record({}));
      store.take(0);
      expect(() => store.take(0)).toThrow(RangeError);
      expect(() => store.take(1)).toThrow(RangeError);
    } finally {
      store.close();
    }
  });

  it("holds the rest in memory when no temporary file can be made, and says why once", () => {
    process.env.TMPDIR = path.join(dir, "missing");
    const troubles: NewsctlError[] = [];
    const store = new MatchStore({ memoryBudget: 1000, onFileTrouble: (error) => troubles.push(error) });
    try {
      const put = [1, 2, 3, 4].map((line) => record({ line, body: "طويل ".repeat(100 * line) }));
      for (const each of put) store.put(each);
      store.finishWriting();
      expect(troubles.map((error) => [error.message, error.hint])).toEqual([
        [`cannot create a temporary file for the matches in ${path.join(dir, "missing")}: no such file or directory`, "set TMPDIR to a directory with room"],
      ]);
      expect([3, 0, 2, 1].map((number) => store.take(number))).toEqual([put[3], put[0], put[2], put[1]]);
    } finally {
      store.close();
    }
  });

  it.runIf(existsSync("/dev/full"))("keeps in memory what it could not write (a full disk), and says why once", () => {
    const troubles: string[] = [];
    const store = new MatchStore({ memoryBudget: 0, onFileTrouble: (error) => troubles.push(error.message), openFile: () => ({ fd: openSync("/dev/full", "r+"), leftover: null }) });
    try {
      const put = Array.from({ length: 8 }, (_, line) => record({ line, body: "نص ".repeat(100_000) }));
      for (const each of put) store.put(each);
      store.finishWriting();
      expect(troubles).toEqual([`cannot write a temporary file for the matches in ${dir}: no space left on the device`]);
      expect([7, 0, 3, 1, 6, 2, 5, 4].map((number) => store.take(number))).toEqual([7, 0, 3, 1, 6, 2, 5, 4].map((number) => put[number]));
    } finally {
      store.close();
    }
  });

  it("is of no more use once closed", () => {
    const store = new MatchStore({ memoryBudget: 0 });
    store.put(record({}));
    store.close();
    expect(() => store.take(0)).toThrow("the match store is closed");
    expect(() => store.put(record({}))).toThrow("the match store is closed");
  });
});

// An article's place (file and first line): one key per place, and one order by file, then line.
import { describe, expect, it } from "vitest";
import { comparePlaces, placeKey } from "../../src/core/record-place.js";

describe("placeKey", () => {
  it("is FILE:LINE", () => {
    expect(placeKey("dumps/a.txt", 12)).toBe("dumps/a.txt:12");
  });

  it("tells apart places whose file names hold colons and digits", () => {
    const places: Array<[string, number]> = [
      ["a", 1],
      ["a:1", 2],
      ["a", 12],
      ["a:12", 1],
      ["a:1:2", 3],
      ["1", 1],
    ];
    expect(new Set(places.map(([file, line]) => placeKey(file, line))).size).toBe(places.length);
  });
});

describe("comparePlaces", () => {
  it("orders by file, then by line", () => {
    expect(comparePlaces("a.txt", 90, "b.txt", 1)).toBeLessThan(0);
    expect(comparePlaces("b.txt", 1, "a.txt", 90)).toBeGreaterThan(0);
    expect(comparePlaces("a.txt", 2, "a.txt", 10)).toBeLessThan(0);
    expect(comparePlaces("a.txt", 10, "a.txt", 2)).toBeGreaterThan(0);
    expect(comparePlaces("a.txt", 7, "a.txt", 7)).toBe(0);
  });

  it("compares files as strings are compared (by UTF-16 code units)", () => {
    expect(comparePlaces("B.txt", 1, "a.txt", 1)).toBeLessThan(0);
    expect(comparePlaces("\u{1F600}.txt", 1, "\uFB01.txt", 1)).toBeLessThan(0);
  });
});

// Globs for --include and path patterns: the usual syntax, matched the way picomatch matches
// ordinary patterns, and in bounded time for patterns that make regular expressions backtrack.

import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { compileGlob, GlobSyntaxError, hasGlobSyntax } from "../../src/core/glob.js";

const matches = (pattern: string, path: string) => compileGlob(pattern).matches(path);

describe("compileGlob", () => {
  it.each([
    ["*.txt", "a.txt", true],
    ["*.txt", "a.txt.bak", false],
    ["*.txt", "dir/a.txt", false],
    ["?.txt", "ab.txt", false],
    ["?.txt", "ب.txt", true],
    ["[ab].txt", "b.txt", true],
    ["[!ab].txt", "b.txt", false],
    ["[^ab].txt", "c.txt", true],
    ["[a-c]1", "b1", true],
    ["[]]x", "]x", true],
    ["{a,b}.txt", "b.txt", true],
    ["{a,b{c,d}}.txt", "bd.txt", true],
    ["{x}.txt", "{x}.txt", true],
    ["2021-*/*.txt", "2021-01/a.txt", true],
    ["**/*.txt", "a.txt", true],
    ["**/*.txt", "x/y/a.txt", true],
    ["a/**/b.txt", "a/b.txt", true],
    ["a/**/b.txt", "a/x/y/b.txt", true],
    ["a/**/b.txt", "ab.txt", false],
    ["a/**", "a/x/y", true],
    ["a**b", "a/b", false],
    ["**.txt", "x/a.txt", false],
    ["**{a,b}", "x/a", false],
    ["**.txt", "a.txt", true],
    ["\\*.txt", "*.txt", true],
    ["\\*.txt", "a.txt", false],
    ["[unclosed", "[unclosed", true],
    ["أخبار-*.txt", "أخبار-تنا.txt", true],
    ["*\u{1F4F0}*", "x\u{1F4F0}y", true],
    ["?", "\u{1F4F0}", true],
  ])("%j against %j: %s", (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it("refuses an empty pattern and braces that expand without bound", () => {
    expect(() => compileGlob("")).toThrow(GlobSyntaxError);
    expect(() => compileGlob("{a,b}".repeat(12))).toThrow(/more than 1024/);
  });

  it("finishes at once on patterns that make regular expressions backtrack for minutes", () => {
    const name = "a".repeat(255);
    for (const pattern of ["*a*a*a*a*a*a*a*a*a*a*c", "**a**a**a**a**a**a**c", "*(a|aa)*(a|aa)*(a|aa)c", "?(a|aa)?(a|aa)?(a|aa)c", `${"*".repeat(2000)}c`]) {
      expect(matches(pattern, name), pattern).toBe(false);
      expect(matches(pattern, `${name}c`), pattern).toBe(!pattern.includes("("));
    }
  });

  // picomatch reads [!a] as either a literal or a class of ! and a; here it is POSIX negation (cases above).
  it("property: agrees with picomatch on ordinary patterns and paths", () => {
    const segmentPart = fc.constantFrom("a", "b", "ab", "ج", "*", "?", "[ab]", "[^a]", "{a,b}", ".txt", "-", "1");
    const segment = fc.array(segmentPart, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(""));
    const pattern = fc.array(fc.oneof({ weight: 5, arbitrary: segment }, { weight: 1, arbitrary: fc.constant("**") }), { minLength: 1, maxLength: 3 }).map((segments) => segments.join("/"))
      // "*/**" matches a file "a" here ("/**" is a directory named by * and all under it); picomatch says no.
      .filter((glob) => !/[*?[{][^/]*\/\*\*$/.test(glob))
      // picomatch's reading of ** inside a segment depends on what follows ("**a" stays in one
      // directory, "**.txt" and "**{a,b}" cross them); here it is *, as in bash (cases above).
      .filter((glob) => glob.split("/").every((segment) => segment === "**" || !segment.includes("**")));
    const name = fc.array(fc.constantFrom("a", "b", "ج", "1", "-", ".txt"), { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")).filter((part) => !part.startsWith("."));
    const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((names) => names.join("/"));
    fc.assert(
      fc.property(pattern, path, (glob, file) => {
        expect(matches(glob, file), `${glob} ${file}`).toBe(picomatch(glob)(file));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("hasGlobSyntax", () => {
  it.each([
    ["dumps/*.txt", true],
    ["dumps/2021-0?/", true],
    ["{a,b}.txt", true],
    ["[ab].txt", true],
    ["dumps/a.txt", false],
    ["dumps/\\*.txt", false],
  ])("%j: %s", (text, expected) => {
    expect(hasGlobSyntax(text)).toBe(expected);
  });
});

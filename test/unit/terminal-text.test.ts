// What reaches a terminal from a dump: control sequences and bidi overrides are shown, never
// acted on; Arabic text and its marks pass unchanged.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toTerminalLine, toTerminalText } from "../../src/output/terminal-text.js";

/** Characters a terminal acts on, or that reorder a line, when they arrive from data. */
function isDangerous(code: number): boolean {
  return (code <= 0x1f && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

const dangerousCharacter = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).filter((code) => code !== 0x09 && code !== 0x0a),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.integer({ min: 0x202a, max: 0x202e }),
  fc.integer({ min: 0x2066, max: 0x2069 }),
).map((code) => String.fromCharCode(code));
const arabic = fc.constantFrom("الجيش", "وَزِيرُ", "\u200f", "\u200e", "\u061c", "\u200c", "\u200d", "٢٠٢١", " ", "\t", "\n", "ـ");
const hostileText = fc.array(fc.oneof(fc.string({ unit: "binary" }), dangerousCharacter, arabic), { maxLength: 30 }).map((parts) => parts.join(""));

describe("toTerminalText", () => {
  it.each([
    ["CSI: clear the screen", "\u001b[2J\u001b[H", "\\x1B[2J\\x1B[H"],
    ["OSC: set the window title, ended by BEL", "\u001b]0;owned\u0007", "\\x1B]0;owned\\x07"],
    ["OSC 52: write the clipboard, ended by ST", "\u001b]52;c;ZWNobw==\u001b\\", "\\x1B]52;c;ZWNobw==\\x1B\\"],
    ["DCS", "\u001bP1$r\u001b\\", "\\x1BP1$r\\x1B\\"],
    ["8-bit CSI (C1)", "\u009b31m", "\\x9B31m"],
    ["8-bit OSC (C1)", "\u009d0;t\u009c", "\\x9D0;t\\x9C"],
    ["CR that would overwrite the line", "safe\rEVIL", "safe\\x0DEVIL"],
    ["backspace", "ab\bc", "ab\\x08c"],
    ["NUL and DEL", "a\u0000b\u007f", "a\\x00b\\x7F"],
    ["Trojan Source: RLO ... PDF", "access\u202e\u2066level\u2069\u2066", "access\\u202E\\u2066level\\u2069\\u2066"],
  ])("%s is shown, not acted on", (_, input, shown) => {
    expect(toTerminalText(input)).toBe(shown);
  });

  it("keeps Arabic, its harakat and the marks it needs (RLM, LRM, ALM, ZWJ, ZWNJ), tabs and line breaks", () => {
    const text = "قال وَزِيرُ الخارجية\u200f: «نعم»\u061c ٢٠٢١\u200c\u200d\u200e\tسطر\nسطر آخر";
    expect(toTerminalText(text)).toBe(text);
  });

  it("property: lets nothing dangerous through, changes nothing else, and is idempotent", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const shown = toTerminalText(text);
        for (let i = 0; i < shown.length; i++) expect(isDangerous(shown.charCodeAt(i)), `U+${shown.charCodeAt(i).toString(16)} at ${i}`).toBe(false);
        expect(toTerminalText(shown)).toBe(shown);
        const safe = [...text].every((character) => !isDangerous(character.charCodeAt(0)));
        if (safe) expect(shown).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("toTerminalLine", () => {
  it("also shows line breaks and tabs, so a file name cannot forge a second message line", () => {
    expect(toTerminalLine("a.txt\nnewsctl: all good\t!")).toBe("a.txt\\x0Anewsctl: all good\\x09!");
  });

  it("property: no control character of any kind comes out, and it is idempotent", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const shown = toTerminalLine(text);
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(toTerminalLine(shown)).toBe(shown);
      }),
      { numRuns: 2000 },
    );
  });
});

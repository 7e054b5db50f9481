// The form newsctl writes file names in when they are not UTF-8: every name comes back to its
// own bytes, ordinary names are left as they are, and the raw command line restores the names
// Node's argv lost.

import { describe, expect, it } from "vitest";
import { bytesOfEscapedName, nameOfBytes, recoverArguments } from "../../src/io/file-names.js";

const bytes = (...values: number[]) => Buffer.from(values);

describe("file names as strings", () => {
  it("leaves a UTF-8 name without escape-like text as it is", () => {
    for (const name of ["dumps/a.txt", "أخبار/خبر-عاجل.txt", "a\\b.txt", "a\\xff.txt", "x\\x4.txt"]) {
      expect(nameOfBytes(Buffer.from(name))).toBe(name);
      expect(bytesOfEscapedName(name)).toBeUndefined();
    }
  });

  it("writes bytes that are not UTF-8 as \\xHH and keeps the characters around them", () => {
    expect(nameOfBytes(Buffer.concat([Buffer.from("أخبار/"), bytes(0xc8, 0xd2, 0xd1), Buffer.from(".txt")]))).toBe("أخبار/\\xC8\\xD2\\xD1.txt");
    // An overlong slash, a lone surrogate, a cut-off character, and a backslash beside them.
    expect(nameOfBytes(bytes(0xc0, 0xaf, 0x5c, 0xed, 0xa0, 0x80, 0xe2, 0x82))).toBe("\\xC0\\xAF\\x5C\\xED\\xA0\\x80\\xE2\\x82");
  });

  it("writes a UTF-8 name that looks like an escape with its backslashes escaped", () => {
    expect(nameOfBytes(Buffer.from("a\\xFF.txt"))).toBe("a\\x5CxFF.txt");
    expect(bytesOfEscapedName("a\\x5CxFF.txt")).toEqual(Buffer.from("a\\xFF.txt"));
  });

  it("maps every name back to its own bytes, and no two names to one string", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const alphabet = [0x61, 0x2f, 0x5c, 0x78, 0x46, 0x30, 0xd8, 0xa7, 0xff, 0xc8, 0xe2, 0x80, 0x82, 0xf0, 0x9f];
    const seen = new Map<string, string>();
    for (let i = 0; i < 5000; i++) {
      const name = Buffer.from(Array.from({ length: 1 + (random() % 8) }, () => alphabet[random() % alphabet.length]!));
      const written = nameOfBytes(name);
      expect(bytesOfEscapedName(written) ?? Buffer.from(written), name.toString("hex")).toEqual(name);
      const before = seen.get(written);
      if (before !== undefined) expect(before).toBe(name.toString("hex"));
      seen.set(written, name.toString("hex"));
    }
  });
});

describe("arguments from the raw command line", () => {
  const cmdline = (...args: Buffer[]) => Buffer.concat(args.flatMap((arg) => [arg, bytes(0)]));

  it("restores the bytes of an argument that Node decoded with U+FFFD", () => {
    const raw = Buffer.concat([Buffer.from("cp/"), bytes(0xc8, 0xd2), Buffer.from(".txt")]);
    const argv = ["parse", raw.toString("utf8")];
    expect(argv[1]).toContain("\uFFFD");
    expect(recoverArguments(argv, cmdline(Buffer.from("node"), Buffer.from("--stack-size=900"), Buffer.from("/bin/newsctl"), Buffer.from("parse"), raw))).toEqual(["parse", "cp/\\xC8\\xD2.txt"]);
  });

  it("keeps an argument that holds U+FFFD itself, and keeps all without a raw command line", () => {
    const argv = ["search", "\uFFFD"];
    expect(recoverArguments(argv, cmdline(Buffer.from("node"), Buffer.from("search"), Buffer.from("\uFFFD")))).toEqual(argv);
    expect(recoverArguments(["parse", "a\uFFFD"], undefined)).toEqual(["parse", "a\uFFFD"]);
  });
});

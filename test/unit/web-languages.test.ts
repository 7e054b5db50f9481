// The pages' two languages: which one a request gets (the address's ?lang=, then the browser's
// Accept-Language by its q-values, then the server's default), and the catalogues they speak
// from: the same keys in both, no empty message, every plural form Arabic needs, the same values
// named in both, and the problems the readers name each with a message.

import { describe, expect, it } from "vitest";
import { chooseLanguage, preferredLanguage } from "../../src/core/language-choice.js";
import type { RequestError } from "../../src/errors.js";
import { readPageRequest } from "../../src/web/page-requests.js";
import { sayProblem } from "../../src/web/problem-messages.js";
import { ARABIC } from "../../src/web/catalogue-ar.js";
import { ENGLISH, type PluralForms } from "../../src/web/catalogue-en.js";
import { Words } from "../../src/web/words.js";

describe("the language of a page", () => {
  it("is the one the address names, whatever the browser asks for", () => {
    expect(chooseLanguage("ar", "en-US,en;q=0.9", "en")).toEqual({ language: "ar", isNamed: true });
    expect(chooseLanguage("en", "ar", "ar")).toEqual({ language: "en", isNamed: true });
    expect(chooseLanguage(" AR ", undefined, "en")).toEqual({ language: "ar", isNamed: true });
  });

  it("else the browser's best-weighted language that the pages are written in", () => {
    expect(preferredLanguage("ar")).toBe("ar");
    expect(preferredLanguage("en-US")).toBe("en");
    expect(preferredLanguage("ar-SY,ar;q=0.9,en;q=0.8")).toBe("ar");
    expect(preferredLanguage("en;q=0.5, ar;q=0.8")).toBe("ar");
    expect(preferredLanguage("ar;q=0.2, en-GB;q=0.7")).toBe("en");
    expect(preferredLanguage("fr-FR, fr;q=0.9, ar;q=0.3, en;q=0.1")).toBe("ar");
    expect(preferredLanguage("de, ar;q=0")).toBeUndefined();
    expect(preferredLanguage("ar;q=0.5, en;q=0.5")).toBe("ar");
    expect(preferredLanguage("en;q=0.5, ar;q=0.5")).toBe("en");
  });

  it("else the server's default: for an unknown ?lang=, a browser that names neither, a wildcard or a broken q-value", () => {
    expect(chooseLanguage("fr", undefined, "ar")).toEqual({ language: "ar", isNamed: false });
    expect(chooseLanguage(null, "de-DE,de;q=0.9,*;q=0.5", "en")).toEqual({ language: "en", isNamed: false });
    expect(chooseLanguage(null, "ar;q=2", "en")).toEqual({ language: "en", isNamed: false });
    expect(chooseLanguage(null, "", "ar")).toEqual({ language: "ar", isNamed: false });
    expect(chooseLanguage(null, "ar-EG", "en")).toEqual({ language: "ar", isNamed: false });
  });
});

/** The names of the values a message puts in, over all its forms. */
function namedValues(message: string | PluralForms): string[] {
  const forms = typeof message === "string" ? [message] : Object.values(message);
  return [...new Set(forms.flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)))].sort();
}

describe("the catalogues", () => {
  const keys = Object.keys(ENGLISH) as Array<keyof typeof ENGLISH>;

  it("have the same keys", () => {
    expect(Object.keys(ARABIC).sort()).toEqual([...keys].sort());
  });

  it("have no empty message", () => {
    for (const catalogue of [ENGLISH, ARABIC]) {
      for (const [key, message] of Object.entries(catalogue)) {
        const forms: string[] = typeof message === "string" ? [message] : Object.values(message as PluralForms);
        for (const form of forms) expect(form.trim(), key).not.toBe("");
      }
    }
  });

  it("name the same values in both languages (an Arabic form may leave out what its number says: one, two)", () => {
    for (const key of keys) {
      const arabic = namedValues(ARABIC[key]);
      const english = namedValues(ENGLISH[key]);
      expect(arabic, key).toEqual(english);
    }
  });

  it("give every count each plural form its language has", () => {
    for (const [language, catalogue] of [["ar", ARABIC], ["en", ENGLISH]] as const) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(catalogue)) {
        if (typeof message === "string") continue;
        for (const category of categories) expect(message[category], `${language} ${key} ${category}`).toBeDefined();
      }
    }
  });

  it("say a count in Arabic with the form its number takes", () => {
    const words = new Words({ language: "ar", isNamed: false });
    const say = (count: number) => words.sayCount("count.articles", count).text;
    expect([1, 2, 3, 10, 11, 99, 100, 102, 2036, 28629].map(say)).toEqual(["مقال واحد", "مقالان", "3 مقالات", "10 مقالات", "11 مقالاً", "99 مقالاً", "100 مقال", "102 مقال", "2,036 مقالاً", "28,629 مقالاً"]);
  });

  it("write dates in Arabic with Arabic month names and Western digits", () => {
    const words = new Words({ language: "ar", isNamed: false });
    expect(words.month("2021-02")).toBe("فبراير 2021");
    expect(words.published("2021-01-25T11:27:00+03:00", true)).toMatch(/^25 يناير 2021.*11:27$/);
    expect(new Words({ language: "en", isNamed: false }).published("2021-01-25T11:27:00", true)).toBe("2021-01-25 11:27");
  });

  it("say every problem a visitor's address can have, in Arabic, without a word of English", () => {
    const words = new Words({ language: "ar", isNamed: false });
    const addresses = ["q=%22unclosed", "q=OR", "since=tomorrow", "since=2021-02-01&until=2021-01-01", "size=0", "page=0", "page=600", "sort=best", "q=-a%20OR%20b", "q=title:x", "q=a*b*", "page=x"];
    for (const address of addresses) {
      let problem: RequestError | undefined;
      try {
        readPageRequest(new URLSearchParams(address));
      } catch (error) {
        problem = error as RequestError;
      }
      expect(problem?.problem, address).toBeDefined();
      const said = sayProblem(words, problem!.problem!);
      // Latin letters only inside the literals (OR, field names) and the visitor's own words.
      const shown = `${said.message.text} ${said.hint?.text ?? ""}`.replace(/<(code|bdi)[^>]*>.*?<\/\1>/g, "").replace(/<[^>]+>/g, "");
      expect(shown, address).not.toMatch(/[A-Za-z]/);
      expect(shown, address).toMatch(/[\u0600-\u06ff]/);
    }
  });
});

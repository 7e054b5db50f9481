// Matching, ranking, highlighting and snippets of docs/search.md: every row of its table of cases, exact-before-stem and headline-before-body ranking, date order, fields, prefixes, phrases, negation, OR.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuery, SEARCH_FIELDS, type SearchField } from "../../src/core/query.js";
import { type CollectionStats, emptyStats, FieldScorer, roundScore, termOccurs } from "../../src/core/rank.js";
import type { ArticleRecord } from "../../src/core/record.js";
import { AnalyzedArticle, type ArticleMatch, matchArticle, positiveTerms } from "../../src/core/search-match.js";
import { hitsAtPlaces, SearchRanking } from "../../src/core/search-ranking.js";
import { matchRanges } from "../../src/core/match-ranges.js";
import { makeSnippet } from "../../src/output/search-snippet.js";
import { articleRecord } from "../helpers/article-record.js";

/** Every range the terms match, in order. */
const findMatchRanges = (...args: Parameters<typeof matchRanges>) => [...matchRanges(...args)];

/** BM25F score of one matched article; `lengths` are its field lengths. Ranking scores many at once; this scores one, as a reference. */
function scoreMatch(match: ArticleMatch, lengths: Record<SearchField, number>, stats: CollectionStats): number {
  const termCount = stats.documentFrequency.length;
  const counts = new Array<number>(termCount * 2 * SEARCH_FIELDS.length).fill(0);
  match.occurrences.slice(0, termCount).forEach(({ exact, stemOnly }, term) => {
    SEARCH_FIELDS.forEach((field, number) => {
      counts[term * 2 * SEARCH_FIELDS.length + number] = exact[field];
      counts[term * 2 * SEARCH_FIELDS.length + SEARCH_FIELDS.length + number] = stemOnly[field];
    });
  });
  return new FieldScorer(stats).score(counts, 0, SEARCH_FIELDS.map((field) => lengths[field]), 0);
}

type Fields = Partial<Pick<ArticleRecord, "id" | "headline" | "subheadline" | "lead" | "agency" | "published" | "body" | "file" | "line">>;

/** An article of only the fields a test gives: no number, no date, and no text elsewhere. */
const article = (fields: Fields): ArticleRecord => articleRecord({ id: null, headline: null, agency: null, published: null, body: "", ...fields });

const STEMMING = { isStemming: true };
const EXACT = { isStemming: false };

/** Whether QUERY matches an article whose body is TEXT. */
function matches(query: string, text: string, options = STEMMING): boolean {
  return new SearchRanking(parseQuery(query), options).add(article({ body: text }));
}

function matchesRecord(query: string, record: ArticleRecord, options = STEMMING): boolean {
  return matchArticle(parseQuery(query), new AnalyzedArticle(record), options).isMatch;
}

/** The ids of the matching articles, in the order asked for. */
function rankedIds(query: string, records: ArticleRecord[], order: "relevance" | "date" = "relevance"): Array<string | null> {
  const ranking = new SearchRanking(parseQuery(query), STEMMING);
  for (const record of records) ranking.add(record);
  return ranking.ranked(order).map((hit) => hit.record.id);
}

describe("docs/search.md: cases that must hold (query -> text)", () => {
  it.each([
    ["داعش", '"داعِش" يهاجم', true, "harakat"],
    ["احياء", "محاولة إحياء", true, "alef with hamza"],
    ["الامريكية", "القواعد الأميركية", false, "different spelling: أمريكية vs أميركية"],
    ["مستشفى", "المستشفي", true, "alef maksura"],
    ["مدينه", "مدينة الحسكة", true, "teh marbuta"],
    ["الجيش", "والجيش السوري", true, "stem"],
    ["2021", "٢٠٢١", true, "digits"],
    ['"دير الزور"', "طريق دير الزور دمشق", true, "phrase"],
    ['"الزور دير"', "طريق دير الزور", false, "order"],
    ["تنظيم -داعش", "تنظيم داعش", false, "negation"],
    ["ديرالزور", "دير الزور", false, "one token vs two"],
    ["محمد", "قال مُحَمَّدٌ", true, "harakat with shadda and tanwin"],
    ["العربية", "الـعـربـيـة", true, "tatweel"],
    ["مسؤول", "مسئول", true, "hamza seat"],
    ["سلام", "إسلام", false, "whole tokens only"],
    ["2024", "۲۰۲۴", true, "Persian digits"],
  ])("%s -> %s: %s (%s)", (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });

  it("الجيش -> والجيش السوري, with --exact: no", () => {
    expect(matches("الجيش", "والجيش السوري", EXACT)).toBe(false);
  });

  it("محمد -> قال مُحَمَّدٌ: the highlight covers all of مُحَمَّدٌ, final mark included", () => {
    const text = "قال مُحَمَّدٌ";
    const word = "مُحَمَّدٌ";
    const ranges = findMatchRanges(text, positiveTerms(parseQuery("محمد")), STEMMING);
    expect(ranges).toEqual([[text.indexOf(word), text.indexOf(word) + word.length]]);
    expect(text.slice(ranges[0]![0], ranges[0]![1])).toBe(word);
  });
});

describe("matching, beyond the table", () => {
  it("the stems of الجيش, والجيش, للجيش and جيش meet whichever is typed", () => {
    for (const typed of ["الجيش", "والجيش", "للجيش", "جيش"]) {
      for (const written of ["الجيش", "والجيش", "للجيش", "جيش", "بالجيش"]) {
        expect(matches(typed, `تقدم ${written} اليوم`), `${typed} -> ${written}`).toBe(true);
      }
    }
  });

  it("with --exact only the same folded token matches", () => {
    expect(matches("الجيش", "تقدم الجَيْش اليوم", EXACT)).toBe(true);
    expect(matches("الجيش", "تقدم للجيش اليوم", EXACT)).toBe(false);
    expect(matches("جيش", "تقدم الجيش اليوم", EXACT)).toBe(false);
  });

  it("all words must match (AND)", () => {
    expect(matches("قصف حمص", "قصف عنيف على حمص")).toBe(true);
    expect(matches("قصف حمص", "قصف عنيف على حلب")).toBe(false);
  });

  it("a word may match in any of the five fields", () => {
    for (const field of ["headline", "subheadline", "lead", "body", "agency"] as const) {
      expect(matchesRecord("سانا", article({ [field]: "وكالة سانا" })), field).toBe(true);
    }
  });

  it("the highlight of a stem match covers the whole original token", () => {
    const text = "تقدم والجَيْشُ اليوم";
    expect(findMatchRanges(text, positiveTerms(parseQuery("الجيش")), STEMMING)).toEqual([[5, 5 + "والجَيْشُ".length]]);
    expect(findMatchRanges(text, positiveTerms(parseQuery("الجيش")), EXACT)).toEqual([]);
  });

  it("format characters inside a word neither split it nor shorten its highlight; ZWNJ separates words", () => {
    const text = "في مد\u200Fرسة القرية";
    expect(matches("مدرسة", text)).toBe(true);
    expect(findMatchRanges(text, positiveTerms(parseQuery("مدرسة")), STEMMING)).toEqual([[3, 9]]);
    expect(matches("كتاب", "کتاب\u200Cها")).toBe(true);
  });

  it("the highlight of a word written with tatweel covers all of it", () => {
    const text = "اللغة الـعـربـيـة جميلة";
    expect(findMatchRanges(text, positiveTerms(parseQuery("العربية")), EXACT)).toEqual([[6, 6 + "الـعـربـيـة".length]]);
  });

  it("a phrase highlight covers its words and what lies between them", () => {
    const text = "على طريق دَيْر الزُّور";
    expect(findMatchRanges(text, positiveTerms(parseQuery('"دير الزور"')), STEMMING)).toEqual([[9, text.length]]);
  });
});

describe("field restriction", () => {
  const FIELDS = ["headline", "subheadline", "lead", "body", "agency"] as const;

  it("headline:word does not match a body-only occurrence", () => {
    const bodyOnly = article({ headline: "أخبار اليوم", body: "انفجار في حمص" });
    expect(matchesRecord("انفجار", bodyOnly)).toBe(true);
    expect(matchesRecord("headline:انفجار", bodyOnly)).toBe(false);
    expect(matchesRecord("headline:انفجار", article({ headline: "انفجار في حمص", body: "التفاصيل" }))).toBe(true);
  });

  it.each(FIELDS.map((field) => [field]))("%s:word matches in %s and nowhere else", (field) => {
    const onlyThere = article({ [field]: "وكالة سانا" });
    const everywhereElse = article(Object.fromEntries(FIELDS.filter((f) => f !== field).map((f) => [f, "وكالة سانا"])));
    expect(matchesRecord(`${field}:سانا`, onlyThere)).toBe(true);
    expect(matchesRecord(`${field}:سانا`, everywhereElse)).toBe(false);
  });

  it('field:"phrase" looks in that field only', () => {
    const record = article({ headline: "طريق دير الزور", body: "قصف قرب دمشق" });
    expect(matchesRecord('headline:"دير الزور"', record)).toBe(true);
    expect(matchesRecord('body:"دير الزور"', record)).toBe(false);
  });

  it("agency:word is folded like the text (Latin case)", () => {
    expect(matchesRecord("agency:afp", article({ agency: "AFP", body: "نص" }))).toBe(true);
  });
});

describe("prefix*", () => {
  it("matches tokens that begin with the prefix", () => {
    expect(matches("مدرس*", "في مدرسة القرية")).toBe(true);
    expect(matches("مدرس*", "ذهب المدرس")).toBe(false);
    expect(matches("سلا*", "قال سلام")).toBe(true);
  });

  it("matches whole-token prefixes only, never the middle of a token", () => {
    expect(matches("سلا*", "إسلام")).toBe(false);
    expect(matches("درس*", "مدرسة")).toBe(false);
  });

  it("is folded like the text", () => {
    expect(matches("مسؤ*", "المسئولين والمسئولون")).toBe(false);
    expect(matches("مسؤ*", "مسئولين")).toBe(true);
    expect(matches("٢٠٢*", "عام 2021")).toBe(true);
    expect(matches("احت*", "إحتلال")).toBe(true);
  });
});

describe("phrases", () => {
  it("need their words adjacent", () => {
    expect(matches('"دير الزور"', "دير في الزور")).toBe(false);
    expect(matches('"دير الزور"', "من دير الزور")).toBe(true);
  });

  it("need their words in order", () => {
    expect(matches('"دير الزور"', "الزور دير")).toBe(false);
  });

  it("are matched on folded text", () => {
    expect(matches('"مدينه الحسكه"', "في مَدِينَة الحَسَكَة")).toBe(true);
  });
});

describe("negation", () => {
  it("-word excludes articles that contain the word", () => {
    expect(matches("تنظيم -داعش", "تنظيم الدولة")).toBe(true);
    expect(matches("تنظيم -داعش", "تنظيم داعش")).toBe(false);
  });

  it("-word excludes a match in any field", () => {
    expect(matchesRecord("تنظيم -داعش", article({ headline: "هجوم داعش", body: "تبنى التنظيم الهجوم وقال تنظيم" }))).toBe(false);
  });

  it("-word excludes its stem matches too, unless --exact", () => {
    expect(matches("تنظيم -داعش", "تنظيم وداعش")).toBe(false);
    expect(matches("تنظيم -داعش", "تنظيم وداعش", EXACT)).toBe(true);
  });

  it('-"phrase" excludes the phrase only', () => {
    expect(matches('حلب -"ريف حلب"', "قصف ريف حلب")).toBe(false);
    expect(matches('حلب -"ريف حلب"', "قصف حلب والريف")).toBe(true);
  });
});

describe("OR", () => {
  it("either word matches", () => {
    expect(matches("حلب OR حمص", "قصف في حمص")).toBe(true);
    expect(matches("حلب OR حمص", "قصف في حلب")).toBe(true);
    expect(matches("حلب OR حمص", "قصف في دمشق")).toBe(false);
  });

  it("binds only its neighbours: the other words are still required", () => {
    expect(matches("قصف حلب OR حمص", "قصف على حمص")).toBe(true);
    expect(matches("قصف حلب OR حمص", "هدوء في حمص")).toBe(false);
  });
});

describe("ranking", () => {
  it("an exact match ranks above a stem-only match, even a stronger one", () => {
    const stemOnly = article({ id: "stem", headline: "والجيش والجيش والجيش", body: "والجيش يتقدم", published: "2023-01-01T10:00:00" });
    const exact = article({
      id: "exact",
      headline: "تقرير",
      body: "قال مصدر إن الجيش انسحب من المنطقة بعد معارك طويلة في الريف الشرقي",
      published: "2020-01-01T10:00:00",
    });
    expect(rankedIds("الجيش", [stemOnly, exact])).toEqual(["exact", "stem"]);
  });

  it("a headline match ranks above a body-only match of the same word", () => {
    const inBody = article({ id: "body", headline: "وصل الخبر مساء", body: "انفجار في حمص", published: "2021-05-02T10:00:00" });
    const inHeadline = article({ id: "headline", headline: "انفجار في حمص", body: "وصل الخبر مساء", published: "2021-05-01T10:00:00" });
    const other = article({ id: "other", headline: "طقس معتدل", body: "طقس معتدل" });
    expect(rankedIds("انفجار", [inBody, other, inHeadline])).toEqual(["headline", "body"]);
  });

  it("ties go newest first, articles without a date last", () => {
    const same = { headline: "أمطار غزيرة", body: "هطلت أمطار غزيرة على المدينة" };
    const records = [
      article({ id: "old", ...same, published: "2021-01-25T11:27:00" }),
      article({ id: "undated", ...same, published: null }),
      article({ id: "new", ...same, published: "2021-03-02T08:00:00" }),
      article({ id: "middle", ...same, published: "2021-01-25T11:28:00" }),
    ];
    expect(rankedIds("أمطار", records)).toEqual(["new", "middle", "old", "undated"]);
  });

  it('"date" order is newest first whatever the relevance, with null dates last', () => {
    const records = [
      article({ id: "2020", headline: "زلزال زلزال", body: "زلزال قوي", published: "2020-06-01T09:00:00" }),
      article({ id: "null", headline: "زلزال", body: "زلزال", published: null }),
      article({ id: "2022", body: "وقع زلزال خفيف في منطقة بعيدة عن المدن الكبرى", published: "2022-02-03T04:05:06" }),
      article({ id: "2021", body: "زلزال", published: "2021-12-31T23:59:59" }),
      article({ id: "none", body: "لا شيء هنا", published: "2023-01-01T00:00:00" }),
    ];
    expect(rankedIds("زلزال", records, "date")).toEqual(["2022", "2021", "2020", "null"]);
  });

  it("keeping only places orders and scores the matches as keeping records does; keeping nothing still counts them", () => {
    const records = ["زلزال زلزال", "زلزال", "وقع زلزال خفيف", "لا شيء هنا", "والزلزال", "زلزال قوي"].flatMap((headline, k) => [
      article({ id: String(k), headline, body: k % 2 === 0 ? "زلزال" : "هدوء", published: k === 3 ? null : `2021-0${1 + (k % 3)}-01T00:00:00`, file: `f${k % 2}.txt`, line: 10 - k }),
      article({ id: `${k}b`, headline, body: "هدوء", published: "2021-01-01T00:00:00", file: "f0.txt", line: 20 + k }),
    ]);
    for (const order of ["relevance", "date"] as const) {
      const kept = { records: new SearchRanking(parseQuery("زلزال"), STEMMING), places: new SearchRanking(parseQuery("زلزال"), STEMMING, undefined, "places"), nothing: new SearchRanking(parseQuery("زلزال"), STEMMING, undefined, "nothing") };
      for (const record of records) for (const ranking of Object.values(kept)) ranking.add(record);
      const full = kept.records.ranked(order);
      expect(full.length).toBeGreaterThan(6);
      // What is kept of a match gives back the match as matching found it, and its ordinal.
      const query = parseQuery("زلزال");
      const matched = records.filter((record) => matchArticle(query, new AnalyzedArticle(record), STEMMING).isMatch);
      expect(full.map((hit) => hit.match)).toEqual(full.map((hit) => matchArticle(query, new AnalyzedArticle(hit.record), STEMMING)));
      const places = full.map((hit) => ({ record: null, ordinal: matched.indexOf(hit.record), file: hit.record.file, line: hit.record.line, id: hit.record.id, published: hit.record.published, score: hit.score, match: hit.match }));
      expect(kept.places.rankedPlaces(order)).toEqual(places);
      expect([...kept.places.placesInOrder(order)]).toEqual(places);
      expect(kept.places.rankedPlaces(order, 3)).toEqual(places.slice(0, 3));
      expect([kept.places.matchCount, kept.nothing.matchCount]).toEqual([full.length, full.length]);
      expect(kept.nothing.rankedPlaces(order)).toEqual([]);
      expect(() => kept.places.ranked(order)).toThrow();
    }
  });
});

describe("SearchRanking at scale: what it keeps of thousands of matches of several terms", () => {
  it("gives back each match as matching found it, scored from its own field lengths", () => {
    const words = ["زلزال", "والزلزال", "بركان", "البركان", "قوي", "هدوء", "مدينة"];
    const records = Array.from({ length: 3000 }, (_, k) => {
      const pick = (count: number, salt: number) => Array.from({ length: count }, (_, n) => words[(k * 31 + n * salt) % words.length]).join(" ");
      return article({ id: String(k), headline: pick(k % 4, 3), lead: k % 5 === 0 ? pick(3, 5) : null, body: pick(5 + (k % 13), 7), agency: k % 3 === 0 ? "واس" : "قوي", published: `2021-01-${String(1 + (k % 28)).padStart(2, "0")}T00:00:00`, line: k + 1 });
    });
    const query = parseQuery("زلزال OR بركان قوي -مدينة");
    const ranking = new SearchRanking(query, STEMMING);
    for (const record of records) ranking.add(record);
    // The statistics and scores computed here from scratch, the way rank.ts defines them.
    const stats = emptyStats(positiveTerms(query).length);
    const analyzed = new Map(records.map((record) => [record, new AnalyzedArticle(record)]));
    for (const article of analyzed.values()) {
      stats.articleCount++;
      for (const field of SEARCH_FIELDS) stats.totalLength[field] += article.lengths[field];
      const match = matchArticle(query, article, STEMMING);
      match.occurrences.forEach((_, term) => {
        if (termOccurs(match, term)) stats.documentFrequency[term]!++;
      });
    }
    const hits = ranking.ranked("relevance");
    expect(hits.length).toBeGreaterThan(1100); // past the 1,024 matches the ranking first makes room for
    for (const hit of hits) {
      const article = analyzed.get(hit.record)!;
      const match = matchArticle(query, article, STEMMING);
      expect(hit.match).toEqual(match);
      expect(hit.score).toBe(roundScore(scoreMatch(match, article.lengths, stats)));
    }
  });
});

describe("hitsAtPlaces: the records read again at ranked places", () => {
  const records = [
    article({ id: "1", headline: "زلزال", published: "2021-01-01T00:00:00", file: "a.txt", line: 1 }),
    article({ id: "2", body: "زلزال قوي", published: null, file: "a.txt", line: 9 }),
    article({ id: null, body: "زلزال", published: "2021-02-01T00:00:00", file: "b.txt", line: 1 }),
  ];
  const ranking = new SearchRanking(parseQuery("زلزال"), STEMMING, undefined, "places");
  for (const record of records) ranking.add(record);
  const places = ranking.rankedPlaces("relevance");

  it("gives the hits in the ranking's order, with its scores, whatever order the records come in", () => {
    const found = hitsAtPlaces(places, [...records].reverse());
    expect("hits" in found && found.hits.map((hit) => [hit.record.id, hit.record.file, hit.score])).toEqual(places.map((place) => [place.id, place.file, place.score]));
  });

  it("uses a place's kept record rather than looking for one read again", () => {
    const keeping = new SearchRanking(parseQuery("زلزال"), STEMMING, undefined, "places");
    for (const record of records) keeping.add(record, (match) => match.file === "b.txt");
    const kept = keeping.rankedPlaces("relevance");
    expect(kept.map((place) => place.record?.file ?? null)).toEqual(kept.map((place) => (place.file === "b.txt" ? "b.txt" : null)));
    const found = hitsAtPlaces(kept, records.filter((record) => record.file === "a.txt"));
    expect("hits" in found && found.hits.map((hit) => hit.record.file)).toEqual(kept.map((place) => place.file));
  });

  it("names the first place whose article is gone, or has another number or date", () => {
    const [first, second] = [places[0]!, places[1]!];
    const without = (place: typeof first) => records.filter((record) => record.file !== place.file || record.line !== place.line);
    expect(hitsAtPlaces(places, without(second))).toEqual({ changed: second });
    const other = records.map((record) => (record.file === first.file && record.line === first.line ? { ...record, id: "99" } : record));
    expect(hitsAtPlaces(places, other)).toEqual({ changed: first });
    const redated = records.map((record) => (record.file === second.file && record.line === second.line ? { ...record, published: "2030-01-01T00:00:00" } : record));
    expect(hitsAtPlaces(places, redated)).toEqual({ changed: second });
  });
});

describe("makeSnippet", () => {
  it("never ends between a letter and its marks", () => {
    const text = "قال " + "كَتَبَ".repeat(30);
    const ranges = findMatchRanges(text, positiveTerms(parseQuery("قال")), STEMMING);
    for (const width of [19, 20, 21, 22, 23, 24]) {
      const snippet = makeSnippet(text, ranges, width);
      expect(snippet.isCutAfter).toBe(true);
      expect(text.startsWith(snippet.text)).toBe(true);
      expect(text[snippet.text.length], `width ${width}`).not.toMatch(/\p{M}/u);
      expect(snippet.highlights).toEqual([[0, 3]]);
    }
  });

  it("shows a match deep in the text whole and highlighted, marks included", () => {
    const before = "كان الطقس باردا في الصباح ثم خرج الناس الى السوق ".repeat(4);
    const text = `${before}وقال مُحَمَّدٌ إن الأسعار ارتفعت كثيرا هذا الأسبوع في كل المدن`;
    const snippet = makeSnippet(text, findMatchRanges(text, positiveTerms(parseQuery("محمد")), STEMMING), 40);
    expect(snippet.isCutBefore).toBe(true);
    expect(snippet.highlights).toHaveLength(1);
    const [from, to] = snippet.highlights[0]!;
    expect(snippet.text.slice(from, to)).toBe("مُحَمَّدٌ");
  });

  it("ends at a space rather than inside the last word", () => {
    expect(makeSnippet("aaa bbbbbbbb", [], 6)).toMatchObject({ text: "aaa", isCutAfter: true });
    const text = "قال الوزير إن التعاون بالتراث مستمر";
    const snippet = makeSnippet(text, [], 26);
    expect(text.startsWith(snippet.text)).toBe(true);
    expect(text[snippet.text.length]).toBe(" ");
  });

  it("line breaks in the snippet become spaces", () => {
    const text = "سطر أول\nسطر ثان";
    const snippet = makeSnippet(text, findMatchRanges(text, positiveTerms(parseQuery("ثان")), STEMMING), 80);
    expect(snippet.text).toBe("سطر أول سطر ثان");
    expect(snippet.highlights).toEqual([[12, 15]]);
  });
});

// ---- Properties --------------------------------------------------------------------------------

const LETTERS = [..."ءابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةى"];
const HARAKAT = ["\u064B", "\u064C", "\u064D", "\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u0670"];
const voweledLetter = fc
  .tuple(fc.constantFrom(...LETTERS), fc.array(fc.constantFrom(...HARAKAT), { maxLength: 2 }))
  .map(([letter, marks]) => letter + marks.join(""));
/** A word written with random harakat: [original, the same letters bare]. */
const voweledWord = fc
  .array(voweledLetter, { minLength: 2, maxLength: 8 })
  .map((letters): [string, string] => [letters.join(""), letters.join("").replace(/[\u064B-\u0652\u0670]/g, "")]);

describe("properties", () => {
  it("a word typed without marks matches its voweled form, exactly, and the highlight covers every mark", () => {
    fc.assert(
      fc.property(voweledWord, ([voweled, bare]) => {
        const text = `قال ${voweled} امس`;
        expect(matches(bare, text, EXACT)).toBe(true);
        expect(matches(bare, text, STEMMING)).toBe(true);
        const ranges = findMatchRanges(text, positiveTerms(parseQuery(bare)), STEMMING);
        expect(ranges).toContainEqual([4, 4 + voweled.length]);
      }),
      { numRuns: 1000 },
    );
  });

  it("makeSnippet never cuts a letter from its marks and keeps the highlights inside the snippet", () => {
    const MARK = /\p{M}/u;
    const textAndQuery = fc
      .tuple(
        fc.array(fc.tuple(voweledWord, fc.constantFrom(" ", " ", " ", " ", "\n", "، ")), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 12, max: 80 }),
      )
      .map(([words, pick, width]) => ({
        text: words.map(([[voweled], separator]) => voweled + separator).join("").trimEnd(),
        query: words[pick % words.length]![0][1],
        width,
      }));
    fc.assert(
      fc.property(textAndQuery, ({ text, query, width }) => {
        const ranges = findMatchRanges(text, positiveTerms(parseQuery(query)), STEMMING);
        expect(ranges.length).toBeGreaterThan(0);
        const snippet = makeSnippet(text, ranges, width);
        const flat = text.replace(/[\r\n\t\u2028\u2029]/g, " ");
        const length = snippet.text.length;
        // Where the snippet was cut from: the place whose text, cut flags and clipped ranges agree.
        let start = -1;
        for (let s = flat.indexOf(snippet.text); s >= 0; s = flat.indexOf(snippet.text, s + 1)) {
          const end = s + length;
          const clipped = ranges.filter(([a, b]) => b > s && a < end).map(([a, b]) => [Math.max(a, s) - s, Math.min(b, end) - s]);
          if ((s > 0) === snippet.isCutBefore && (end < text.length) === snippet.isCutAfter && JSON.stringify(clipped) === JSON.stringify(snippet.highlights)) {
            start = s;
            break;
          }
        }
        expect(start, "the snippet is a piece of the text with the clipped ranges as highlights").toBeGreaterThanOrEqual(0);
        const end = start + length;
        expect(MARK.test(text[start] ?? "")).toBe(false);
        expect(MARK.test(text[end] ?? "")).toBe(false);
        let previous = 0;
        for (const [from, to] of snippet.highlights) {
          expect(from).toBeGreaterThanOrEqual(previous);
          expect(from).toBeLessThan(to);
          expect(to).toBeLessThanOrEqual(length);
          expect(MARK.test(text[start + from]!)).toBe(false);
          expect(MARK.test(text[start + to] ?? "")).toBe(false);
          previous = to;
        }
        // The first match is shown whole when it fits comfortably.
        const [firstFrom, firstTo] = ranges[0]!;
        if (firstTo - firstFrom <= width / 2) {
          expect(start).toBeLessThanOrEqual(firstFrom);
          expect(end).toBeGreaterThanOrEqual(firstTo);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

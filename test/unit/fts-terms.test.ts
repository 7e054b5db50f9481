// The index finds articles through FTS5 tables of the core's tokens and stems (fts-terms.ts);
// these tests hold that what those tables answer is exactly what the matcher (search-match.ts)
// decides, for random articles and random queries, in an in-memory SQLite database built the
// way the index builds its tables.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ftsQuery, ftsTerm, indexTexts } from "../../src/core/fts-terms.js";
import { parseQuery, SEARCH_FIELDS, type ParsedQuery } from "../../src/core/query.js";
import { AnalyzedArticle, matchArticle, type MatchOptions } from "../../src/core/search-match.js";
import { articleRecord } from "../helpers/article-record.js";
import { openSqlite, type SqliteDatabase } from "../../src/io/sqlite-binding.js";

const STEMMING: MatchOptions = { isStemming: true };
const EXACT: MatchOptions = { isStemming: false };

// Words with their written variants: harakat, hamza seats, teh marbuta, prefixes that light
// stemming removes, so that token, stem and exact lookups disagree often.
const WORDS = [
  "الجيش", "والجيش", "للجيش", "جيش", "الجَيش", "جيوش",
  "مدينة", "المدينة", "مدينه", "بالمدينة", "مدن",
  "مسؤول", "مسئول", "المسؤولون", "أسعار", "اسعار", "الأسعار",
  "وزير", "وزيرُ", "الوزير", "وزارة", "٢٠٢٢", "2022",
];

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 6 }).map((words) => words.join(" "));
const anArticle = fc.record({ headline: text, lead: fc.option(text, { nil: null }), body: text, agency: fc.constantFrom("تنا", "واس", null) });

const field = fc.constantFrom("", "", "", "headline:", "body:");
const word = fc.constantFrom(...WORDS);
const term = fc.oneof(
  fc.tuple(field, word).map(([f, w]) => `${f}${w}`),
  fc.tuple(field, word).map(([f, w]) => `${f}"${w}"`),
  fc.tuple(field, word, word).map(([f, a, b]) => `${f}"${a} ${b}"`),
  fc.tuple(field, word).map(([f, w]) => `${f}${[...w].slice(0, 2).join("")}*`),
);
const clause = fc.oneof(
  { weight: 3, arbitrary: term },
  { weight: 1, arbitrary: fc.tuple(term, term).map(([a, b]) => `${a} OR ${b}`) },
  { weight: 1, arbitrary: fc.tuple(field, word).map(([f, w]) => `-${f}${w}`) },
);
const query = fc.array(clause, { minLength: 1, maxLength: 3 }).map((clauses) => clauses.join(" "));

let db: SqliteDatabase;
beforeAll(() => {
  db = openSqlite(":memory:");
  db.exec(`CREATE VIRTUAL TABLE article_tokens USING fts5(${SEARCH_FIELDS.join(", ")}, content='', contentless_delete=1, tokenize='ascii');
           CREATE VIRTUAL TABLE article_stems USING fts5(${SEARCH_FIELDS.join(", ")}, content='', contentless_delete=1, detail='column', tokenize='ascii');`);
});
afterAll(() => db.close());

/** The rowids the tables give for the query: one MATCH when ftsQuery allows it, else each term's set combined. */
function fromTables(parsed: ParsedQuery, options: MatchOptions, ids: readonly number[]): Set<number> {
  const run = (table: string, expression: string) =>
    new Set((db.prepare(`SELECT rowid AS id FROM article_${table} WHERE article_${table} MATCH ?`).all(expression) as { id: number }[]).map((row) => row.id));
  const whole = ftsQuery(parsed, options);
  if (whole !== null) return run(whole.table, whole.expression);
  let result = new Set(ids);
  for (const clause of parsed.clauses) {
    const matched = new Set<number>();
    for (const alternative of clause.alternatives) {
      const { table, expression } = ftsTerm(alternative, options);
      for (const id of run(table, expression)) matched.add(id);
    }
    result = new Set([...result].filter((id) => matched.has(id) !== clause.isNegated));
  }
  return result;
}

describe("the full-text tables answer as the matcher does", () => {
  for (const [label, options] of [["with stemming", STEMMING], ["exact (--exact)", EXACT]] as const) {
    it(`for random articles and queries, ${label}`, () => {
      fc.assert(
        fc.property(fc.array(anArticle, { minLength: 1, maxLength: 8 }), fc.array(query, { minLength: 1, maxLength: 5 }), (articles, queries) => {
          db.exec("DELETE FROM article_tokens; DELETE FROM article_stems;");
          const records = articles.map((fields) => articleRecord(fields));
          const insert = (table: string) => db.prepare(`INSERT INTO article_${table} (rowid, ${SEARCH_FIELDS.join(", ")}) VALUES (?, ${SEARCH_FIELDS.map(() => "?").join(", ")})`);
          records.forEach((one, index) => {
            const texts = indexTexts(one);
            insert("tokens").run(index + 1, ...texts.tokens);
            insert("stems").run(index + 1, ...texts.stems);
          });
          const ids = records.map((_, index) => index + 1);
          for (const typed of queries) {
            const parsed = parseQuery(typed);
            const expected = ids.filter((id) => matchArticle(parsed, new AnalyzedArticle(records[id - 1]!), options).isMatch);
            expect([...fromTables(parsed, options, ids)].sort((a, b) => a - b), typed).toEqual(expected);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe("ftsQuery", () => {
  it("makes one expression when every term is for one table, with AND, OR and NOT", () => {
    const whole = ftsQuery(parseQuery("الجيش OR مدينة -وزير headline:أسعار"), STEMMING);
    expect(whole?.table).toBe("stems");
    expect(whole?.expression).toContain(" OR ");
    expect(whole?.expression).toContain(" AND ");
    expect(whole?.expression).toContain(" NOT ");
    expect(whole?.expression).toContain("{headline} : ");
  });

  it("gives none when terms are for both tables, or when every clause is negated", () => {
    expect(ftsQuery(parseQuery('الجيش "الجيش"'), STEMMING)).toBeNull();
    expect(ftsQuery(parseQuery("-الجيش -مدينة"), STEMMING)).toBeNull();
    expect(ftsQuery(parseQuery('الجيش "الجيش"'), EXACT)?.table).toBe("tokens");
  });

  it("quotes every token, so the query language of FTS5 never sees the user's text", () => {
    const { expression } = ftsTerm(parseQuery("AND").clauses[0]!.alternatives[0]!, STEMMING);
    expect(expression).toMatch(/"and"$/i);
  });
});

// A record as the parser makes it, for every test that needs one: the seed's number, agency and
// date, and whatever fields the test sets. Tests build their records here and nowhere else.

import type { ArticleRecord } from "../../src/core/record.js";

export function articleRecord(fields: Partial<ArticleRecord>): ArticleRecord {
  return {
    id: "490728",
    headline: "عنوان",
    subheadline: null,
    lead: null,
    agency: "تنا",
    published: "2021-01-25T11:27:00",
    desk: null,
    body: "فقرة.",
    file: "dump.txt",
    line: 1,
    warnings: [],
    ...fields,
  };
}

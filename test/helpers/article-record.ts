// A record as the parser makes it, for unit tests that need one: the seed's agency and date,
// and whatever fields the test sets.

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

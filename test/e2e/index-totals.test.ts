// The shown articles' count and total field lengths that ranking weighs by are kept in the
// index as it changes (shown_totals), not summed at search time: after every kind of change
// (new files, a file rewritten, numbers used twice, a file gone) they must be the sums of the
// articles shown, or rankings from the index would drift from rankings of a scan.

import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { makeTempDir, removeTempDir } from "../helpers/support.js";
import { openSqlite } from "../../src/io/sqlite-binding.js";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeTempDir(dir));

function article(number: string, day: number, body: string, headline = `خبر ${number}`): ArticleText {
  return { headline, agency: "واس", date: `${String(day).padStart(2, "0")} Jan 2021 ساعة 10:00`, body: [body], number };
}

async function index(): Promise<void> {
  const result = await runInProcess(["index", ".", "--db", "news.db", "--quiet"], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
}

function totalsAgree(): { kept: unknown; summed: unknown } {
  const db = openSqlite(path.join(dir, "news.db"), { readonly: true });
  try {
    const columns = ["headline", "subheadline", "lead", "body", "agency"].map((field) => `length_${field}`);
    const kept = db.prepare(`SELECT articles, ${columns.join(", ")} FROM shown_totals`).raw().get();
    const summed = db.prepare(`SELECT count(*), ${columns.map((column) => `coalesce(sum(${column}), 0)`).join(", ")} FROM articles WHERE is_shadowed = 0`).raw().get();
    return { kept, summed };
  } finally {
    db.close();
  }
}

describe("shown totals", () => {
  it("are the sums of the shown articles after adds, rewrites, numbers used twice and files gone", async () => {
    const write = (name: string, articles: ArticleText[]) => writeFile(path.join(dir, name), buildDump(articles).text);
    await write("a.txt", [article("1", 1, "نص قصير"), article("2", 2, "نص أطول من الأول بكثير في هذا الخبر")]);
    await write("b.txt", [article("3", 3, "خبر ثالث")]);
    await index();
    const afterAdds = totalsAgree();
    expect(afterAdds.kept).toEqual(afterAdds.summed);
    expect((afterAdds.kept as number[])[0]).toBe(3);

    // Number 2 again, published later: it is shown, the older one shadowed.
    await write("c.txt", [article("2", 9, "رواية أحدث للخبر الثاني مع تفاصيل إضافية كثيرة جدا", "عنوان أطول للخبر الثاني"), article("4", 4, "رابع")]);
    await index();
    const afterDuplicate = totalsAgree();
    expect(afterDuplicate.kept).toEqual(afterDuplicate.summed);
    expect((afterDuplicate.kept as number[])[0]).toBe(4);

    // A file rewritten with different articles.
    await write("b.txt", [article("3", 3, "خبر ثالث بعد التعديل وقد صار أطول"), article("5", 5, "خامس")]);
    await index();
    const afterRewrite = totalsAgree();
    expect(afterRewrite.kept).toEqual(afterRewrite.summed);

    // The newer number 2 gone: the older one is shown again.
    await rm(path.join(dir, "c.txt"));
    await index();
    const afterRemoval = totalsAgree();
    expect(afterRemoval.kept).toEqual(afterRemoval.summed);
    expect((afterRemoval.kept as number[])[0]).toBe(4);
  });
});

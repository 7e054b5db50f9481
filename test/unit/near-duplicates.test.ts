// Copies among articles: by number, and by body through MinHash signatures.

import { describe, expect, it } from "vitest";
import { bodySignature, DuplicateFinder, signatureSimilarity } from "../../src/core/near-duplicates.js";
import { articleRecord as record } from "../helpers/article-record.js";

const STORIES = [
  "افتتح وزير الزراعة صباح اليوم سوقاً جديدة للخضار في المدينة وقال إن السوق تضم مئتين وخمسين متجراً",
  "هطلت أمطار غزيرة على المدينة الساحلية طوال الليل وأعلنت إدارة الطرق إغلاق الطريق الساحلي مؤقتاً",
  "فاز الفريق الوطني بالمباراة النهائية بهدفين واحتفل الجمهور في شوارع المدينة حتى الصباح الباكر",
];

describe("bodySignature", () => {
  it("is the same for the same words whatever their harakat or hamza seats, and far apart for other stories", () => {
    const plain = bodySignature(STORIES[0]!)!;
    expect(signatureSimilarity(plain, bodySignature("افتتح وزيرُ الزراعة صباحَ اليوم سوقا جديدة للخضار في المدينة وقال ان السوق تضم مئتين وخمسين متجرا")!)).toBe(1);
    expect(signatureSimilarity(plain, bodySignature(STORIES[1]!)!)).toBeLessThan(0.2);
  });

  it("gives none for a body shorter than three words", () => {
    expect(bodySignature("خبر قصير")).toBeNull();
  });
});

describe("DuplicateFinder", () => {
  it("ten copies of a set of stories under new numbers collapse to one copy of each, the earliest kept", () => {
    const finder = new DuplicateFinder(0.8);
    for (let copy = 0; copy < 10; copy++) {
      STORIES.forEach((body, story) => {
        finder.add(record({ id: String(1000 * copy + story), body, file: `copy${copy}.txt`, line: story * 6 + 1, published: `2021-01-${String(25 + (copy % 3)).padStart(2, "0")}T11:27:00` }));
      });
    }
    const clusters = finder.clusters();
    expect(clusters).toHaveLength(3);
    for (const cluster of clusters) {
      expect(cluster.dropped).toHaveLength(9);
      expect(cluster.kept.file).toBe("copy0.txt"); // 25 January, and first by file among equals
      expect(cluster.dropped.every((copy) => copy.reason === "body" && copy.similarity === 1)).toBe(true);
    }
  });

  it("the same number with different bodies is a cluster too; an edit of one word stays a copy at 0.5, not at 0.99", () => {
    const byNumber = new DuplicateFinder(0.8);
    byNumber.add(record({ id: "7", body: STORIES[0], file: "a.txt", published: "2021-01-26T10:00:00" }));
    byNumber.add(record({ id: "7", body: STORIES[1], file: "b.txt" }));
    expect(byNumber.clusters()).toEqual([
      { kept: { file: "b.txt", line: 1, id: "7", published: "2021-01-25T11:27:00" }, dropped: [expect.objectContaining({ file: "a.txt", reason: "number" })] },
    ]);
    const long = STORIES.join(" ");
    const edited = long.replace("بهدفين", "بثلاثة أهداف");
    for (const [threshold, count] of [[0.5, 1], [0.99, 0]] as const) {
      const finder = new DuplicateFinder(threshold);
      finder.add(record({ id: null, body: long }));
      finder.add(record({ id: null, body: edited, line: 9 }));
      expect(finder.clusters(), `threshold ${threshold}`).toHaveLength(count);
    }
  });

  it("is deterministic: the same records in the same order give the same clusters", () => {
    const run = () => {
      const finder = new DuplicateFinder(0.7);
      for (const [index, body] of [...STORIES, ...STORIES].entries()) finder.add(record({ id: null, body, line: index + 1 }));
      return JSON.stringify(finder.clusters());
    };
    expect(run()).toBe(run());
  });

  it("bodies under three words: copies when headline and body are the same folded, whatever the numbers; not when either differs", () => {
    const finder = new DuplicateFinder(0.8);
    finder.add(record({ id: "1", headline: "زلزال في المدينة", body: "خبر عاجل" }));
    finder.add(record({ id: "2", headline: "زلزالٌ في المدينة", body: "خبرٌ عاجل", line: 9 }));
    finder.add(record({ id: "3", headline: "حريق في المدينة", body: "خبر عاجل", line: 17 }));
    finder.add(record({ id: "4", headline: "زلزال في المدينة", body: "نبأ عاجل", line: 25 }));
    expect(finder.clusters()).toEqual([
      {
        kept: { file: "dump.txt", line: 1, id: "1", published: "2021-01-25T11:27:00" },
        dropped: [{ file: "dump.txt", line: 9, id: "2", published: "2021-01-25T11:27:00", similarity: 1, reason: "body" }],
      },
    ]);
  });

  it("undated copies are not kept over dated ones", () => {
    const finder = new DuplicateFinder(0.8);
    finder.add(record({ id: null, body: STORIES[0], published: null }));
    finder.add(record({ id: null, body: STORIES[0], line: 20, published: "2021-03-01T00:00:00" }));
    expect(finder.clusters()[0]!.kept.line).toBe(20);
  });
});

// A small collection for the reading view's tests, written by the tests: three agencies over
// three months in three files; words that match only through folding or the light stem; a
// hostile article (markup, a javascript: link, a bidi override); and two copies of one story
// under different numbers.

import { buildDump, type ArticleText } from "./dump-text.js";

export const HOSTILE_HEADLINE = `تحذير <script>window.__pwned=1</script> "><img src=x onerror="window.__pwned=2">`;
export const HOSTILE_BODY = `رابط javascript:alert(1) ونص \u202Eمعكوس\u202C في الخبر <b>عريض</b>`;
/** The body two articles share, under different numbers. */
export const COPIED_BODY = [
  "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة يضم مئتي سرير وأقساماً للطوارئ والجراحة",
  "وقال المتحدث باسم الوزارة إن المستشفى سيخدم سكان الأحياء الشمالية وإن العمل فيه يبدأ الشهر المقبل",
];

const MONTHS = [
  { name: "Jan", number: "01" },
  { name: "Feb", number: "02" },
  { name: "Mar", number: "03" },
];
const AGENCIES = ["تنا", "واس", "سانا"];

function article(index: number, agencyIndex: number, body: string[], headline?: string): ArticleText {
  const month = MONTHS[agencyIndex]!;
  const day = String((index % 27) + 1).padStart(2, "0");
  return {
    headline: headline ?? `خبر رقم ${index} عن ${index % 2 === 0 ? "الجيش" : "الاقتصاد"} في المنطقة`,
    agency: AGENCIES[agencyIndex]!,
    date: `${day} ${month.name} 2021 ساعة ${String(8 + (index % 10)).padStart(2, "0")}:${String(index % 60).padStart(2, "0")}`,
    body,
    number: String(500_000 + index),
  };
}

/** The dumps, by file name. */
export function serveCollection(): Record<string, string> {
  const files: Record<string, ArticleText[]> = { "jan.txt": [], "feb.txt": [], "mar.txt": [] };
  const names = Object.keys(files);
  for (let i = 0; i < 36; i++) {
    const agency = i % 3;
    const body =
      i % 2 === 0
        ? [`قال مصدر إن ${i % 4 === 0 ? "والجيش" : "للجيش"} دوراً في حماية الحدود وفق التقرير ${i}`, `وأضاف أن الوضع مستقر في اليوم ${i}`]
        : [`ارتفعت أسعار النفط في الأسواق العالمية بنسبة ${i} في المئة`, `وتوقع خبراء استمرار الارتفاع في الربع ${i}`];
    files[names[agency]!]!.push(article(i, agency, body));
  }
  files["jan.txt"]!.push(article(40, 0, ["دعا المتحدث إلى إحياء المفاوضات بين الطرفين", "وأكد أهمية الحوار"], "دعوة إلى الحوار"));
  files["feb.txt"]!.push(article(41, 1, [HOSTILE_BODY], HOSTILE_HEADLINE));
  files["mar.txt"]!.push(article(42, 2, COPIED_BODY, "افتتاح مستشفى جديد"), article(43, 2, COPIED_BODY, "مستشفى جديد في المدينة"));
  return Object.fromEntries(Object.entries(files).map(([name, articles]) => [name, buildDump(articles).text]));
}

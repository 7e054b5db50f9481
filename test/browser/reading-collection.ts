// The collection the browser tests read through `newsctl serve`: Arabic articles from three
// agencies over three months in three dumps, enough for paging and facets, and the articles each
// check needs: one a query finds only by folding, one only by the light stem, a hostile one, and
// two copies of one body. Written with buildDump, so the tests know every article's text and place.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";

export const AGENCIES = ["واس", "بترا", "سبأ"] as const;
const MONTHS = [
  { name: "يناير", file: "2021-01.txt" },
  { name: "فبراير", file: "2021-02.txt" },
  { name: "مارس", file: "2021-03.txt" },
] as const;
/** The folder under the collection's directory that holds the dumps, as `file` names it. */
export const DUMPS_FOLDER = "dumps";

const CITIES = ["الرياض", "عمان", "صنعاء", "جدة", "إربد", "عدن", "الدمام", "العقبة", "تعز", "أبها"];
const TOPICS = [
  { headline: "افتتاح مدارس جديدة", sentence: "افتتحت وزارة التعليم مدارس جديدة تستوعب آلاف الطلاب في العام الدراسي المقبل." },
  { headline: "توسعة المستشفى المركزي", sentence: "أعلنت وزارة الصحة توسعة المستشفى المركزي بإضافة أقسام للطوارئ والعناية المركزة." },
  { headline: "معرض تجاري يستقطب الشركات", sentence: "استقطب المعرض التجاري شركات محلية ودولية عرضت منتجاتها على الزوار." },
  { headline: "بدء موسم حصاد القمح", sentence: "بدأ المزارعون موسم حصاد القمح وسط توقعات بإنتاج وفير هذا العام." },
  { headline: "إنجاز الطريق السريع", sentence: "أنهت الشركة المنفذة أعمال رصف الطريق السريع الذي يربط المدينة بالمطار." },
  { headline: "أمطار ورياح نشطة", sentence: "توقعت الأرصاد الجوية هطول أمطار متوسطة مع رياح نشطة على المرتفعات." },
  { headline: "التأهل إلى نهائي بطولة كرة القدم", sentence: "تأهل الفريق إلى نهائي بطولة كرة القدم بعد فوزه في مباراة مثيرة." },
];
const CONTEXTS = [
  "وقال مسؤول محلي إن المشروع يأتي ضمن خطة التنمية الشاملة للمنطقة.",
  "وأشار التقرير إلى أن نسبة الإنجاز تجاوزت التوقعات خلال الربع الأول.",
  "ودعت الجهات المختصة المواطنين إلى متابعة الإعلانات الرسمية.",
  "ويتوقع خبراء أن ينعكس ذلك إيجابا على الاقتصاد المحلي.",
  "وشارك في الفعالية عدد من المسؤولين وممثلي القطاع الخاص.",
];
const CLOSINGS = [
  (n: number) => `وتبلغ التكلفة الإجمالية ${n} مليون ريال بحسب البيانات الرسمية.`,
  (n: number) => `ومن المقرر أن تستمر الأعمال ${n} يوما وفق الجدول الزمني المعلن.`,
  (n: number) => `وسجلت الإحصاءات ${n} مستفيدا منذ بداية البرنامج.`,
];
/** Every one of these holds WATER_WORD; no other sentence of the collection does. */
const WATER_SENTENCES = [
  "وأكدت مصلحة المياه أن الشبكة الجديدة ستغطي المناطق السكنية الشرقية.",
  "وتراجع منسوب المياه في الخزانات الرئيسية بسبب قلة الأمطار.",
  "وأطلقت البلدية حملة لترشيد استهلاك المياه في المنازل والمدارس.",
  "وحذرت السلطات من تلوث المياه الجوفية قرب المناطق الصناعية.",
];
/** The word of the articles about water: more of them than a page of ten holds. */
export const WATER_WORD = "المياه";

/** An article of the collection, where it is, and which words of it a query should mark. */
export interface PlacedArticle {
  text: ArticleText;
  /** The dump, as the index names it (relative to the collection's directory). */
  file: string;
  line: number;
  /** The month it was published, YYYY-MM. */
  month: string;
}

/** A query and the written forms of the words it must find and mark in its article. */
export interface MarkedQuery {
  query: string;
  forms: string[];
  article: ArticleText;
}

const dateLine = (day: number, month: number, hour: number, minute: number) =>
  `${day} ${MONTHS[month]!.name} 2021 ساعة ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;

/** Found by احياء only through folding: the text has the hamza below the alef, and harakat. */
const FOLDED_HEADLINE_FORM = "إحياء";
const FOLDED_BODY_FORM = "إِحْيَاءِ";
const foldedArticle: ArticleText = {
  headline: `مهرجان ${FOLDED_HEADLINE_FORM} التراث الشعبي في الطائف`,
  agency: AGENCIES[0],
  date: dateLine(10, 0, 9, 30),
  body: [
    `انطلق في الطائف مهرجان يهدف إلى ${FOLDED_BODY_FORM} الحرف التقليدية وتعريف الزوار بها.`,
    "وقالت اللجنة المنظمة إن الفعاليات تستمر أسبوعا كاملا بمشاركة فنانين من مناطق مختلفة.",
  ],
  number: "7001",
};

/** Found by الجيش only through the light stem: the text has والجيش and للجيش, never الجيش. */
const stemmedArticle: ArticleText = {
  headline: "تدريبات مشتركة للجيش والشرطة في المفرق",
  agency: AGENCIES[1],
  date: dateLine(15, 1, 11, 5),
  body: [
    "شاركت وحدات من الشرطة والجيش في تدريبات ميدانية استمرت ثلاثة أيام قرب الحدود.",
    "وقال قائد التدريبات إن الدعم المقدم للجيش يعزز الجاهزية في الظروف الصعبة.",
  ],
  number: "7002",
};

export const SCRIPT_TEXT = "<script>window.__pwned=1</script>";
export const IMAGE_TEXT = `"><img src=x onerror="window.__pwned=2">`;
export const JAVASCRIPT_TEXT = "javascript:alert(1)";
export const OVERRIDE = "\u202E";
/** Text that tries to run, to load an image, to be a link and to reverse what follows it. */
export const hostileArticle: ArticleText = {
  headline: `${SCRIPT_TEXT} محاولة اختراق موقع إخباري`,
  agency: AGENCIES[2],
  date: dateLine(20, 1, 16, 45),
  body: [
    `${IMAGE_TEXT} نص أدخله مجهولون في محاولة اختراق الموقع.`,
    `ونشروا رابطا نصه ${JAVASCRIPT_TEXT} لخداع القراء ${SCRIPT_TEXT} في الصفحة.`,
    `وأضافوا حرفا يقلب الاتجاه ${OVERRIDE}في هذه الجملة لتضليل القارئ.`,
  ],
  number: "7003",
};
export const HOSTILE_QUERY = "اختراق";

const COPY_BODY = [
  "كشفت دراسة حديثة أعدها فريق من الباحثين في الجامعة أن السدود الصغيرة في الأودية الجبلية ساهمت في تغذية الطبقات الجوفية وحماية القرى من السيول الموسمية خلال السنوات العشر الماضية.",
  "وأوصت الدراسة بإنشاء مزيد من السدود الترابية وصيانة القائم منها وتدريب الكوادر المحلية على رصد معدلات الهطول وتوثيقها بصورة منتظمة لدعم التخطيط طويل الأمد.",
];
/** The same body under two numbers, in two dumps: copies of each other. */
export const copyArticles: [ArticleText, ArticleText] = [
  { headline: "دراسة: السدود الصغيرة تحمي القرى من السيول", agency: AGENCIES[0], date: dateLine(5, 0, 10, 15), body: COPY_BODY, number: "8101" },
  { headline: "باحثون يوصون بإنشاء مزيد من السدود الترابية", agency: AGENCIES[2], date: dateLine(7, 2, 12, 40), body: COPY_BODY, number: "8102" },
];

export const foldedQuery: MarkedQuery = { query: "احياء", forms: [FOLDED_HEADLINE_FORM, FOLDED_BODY_FORM], article: foldedArticle };
export const stemmedQuery: MarkedQuery = { query: "الجيش", forms: ["والجيش", "للجيش"], article: stemmedArticle };

/** The ordinary articles, 14 a month; every other one is about water. */
function ordinaryArticles(): Array<{ text: ArticleText; month: number; isAboutWater: boolean }> {
  return Array.from({ length: 42 }, (_, i) => {
    const month = Math.floor(i / 14);
    const topic = TOPICS[i % TOPICS.length]!;
    const city = CITIES[i % CITIES.length]!;
    const isAboutWater = i % 2 === 0;
    const context = CONTEXTS[i % CONTEXTS.length]!;
    const body = [`في ${city}، ${topic.sentence}`, isAboutWater ? `${context} ${WATER_SENTENCES[(i / 2) % WATER_SENTENCES.length]}` : context, CLOSINGS[i % CLOSINGS.length]!(100 + i * 13)];
    const text: ArticleText = {
      headline: `${topic.headline} في ${city}`,
      agency: AGENCIES[i % AGENCIES.length]!,
      date: dateLine(1 + (i % 14) * 2, month, 8 + (i % 10), (i * 7) % 60),
      body,
      desk: String(100 + (i % 4)),
      number: String(5000 + i),
    };
    return { text, month, isAboutWater };
  });
}

export interface ReadingCollection {
  articles: PlacedArticle[];
  /** The articles about water, in no particular order. */
  waterArticles: PlacedArticle[];
  /** Where an article the module exports was placed. */
  placeOf(article: ArticleText): PlacedArticle;
}

/** Writes the dumps under DIR/dumps; the places are relative to DIR. */
export async function writeReadingCollection(dir: string): Promise<ReadingCollection> {
  const perMonth: Array<Array<{ text: ArticleText; isAboutWater: boolean }>> = MONTHS.map(() => []);
  for (const { text, month, isAboutWater } of ordinaryArticles()) perMonth[month]!.push({ text, isAboutWater });
  // The special articles go among the ordinary ones of their month, not at the ends of files.
  const specials: Array<[ArticleText, number]> = [
    [copyArticles[0], 0],
    [foldedArticle, 0],
    [stemmedArticle, 1],
    [hostileArticle, 1],
    [copyArticles[1], 2],
  ];
  for (const [text, month] of specials) perMonth[month]!.splice(3 + perMonth[month]!.length % 5, 0, { text, isAboutWater: false });

  await mkdir(path.join(dir, DUMPS_FOLDER), { recursive: true });
  const articles: PlacedArticle[] = [];
  const waterArticles: PlacedArticle[] = [];
  for (const [m, month] of MONTHS.entries()) {
    const entries = perMonth[m]!;
    const file = `${DUMPS_FOLDER}/${month.file}`;
    const { text, firstLines } = buildDump(
      entries.map((entry) => entry.text),
      entries.map((_, k) => 1 + (k % 3)),
    );
    await writeFile(path.join(dir, file), text, "utf8");
    entries.forEach((entry, k) => {
      const placed = { text: entry.text, file, line: firstLines[k]!, month: `2021-${String(m + 1).padStart(2, "0")}` };
      articles.push(placed);
      if (entry.isAboutWater) waterArticles.push(placed);
    });
  }
  return {
    articles,
    waterArticles,
    placeOf(article) {
      const placed = articles.find((candidate) => candidate.text === article);
      if (placed === undefined) throw new Error(`not in the collection: ${article.headline}`);
      return placed;
    },
  };
}

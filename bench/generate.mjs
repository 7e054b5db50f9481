#!/usr/bin/env node
// A deterministic corpus of synthetic Arabic news dumps for the benchmark, covering every
// variation of the dump layout (docs/format.md): lead, subheadline and
// desk code present or absent, every number-line and date-line form, blank lines, articles that
// lost their number line, date-looking paragraphs inside bodies, four encodings and three kinds
// of line ending. Every word comes from the lists below, written for this generator.
//
// usage: node bench/generate.mjs --articles 30000 --out DIR [--per-file 100] [--seed 1]
//
// The same arguments give byte-identical files: all choices come from a seeded PRNG
// (mulberry32), never from Math.random or the clock. Files are written one at a time, so memory
// stays flat however many articles are asked for. Plain Node 20, no dependencies.

import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// ---------------------------------------------------------------------------------------------
// Shares of each variation. Per article unless marked per file; weights need not sum to 1.

export const SHARES = {
  lead: 0.4, // a lead line, repeated as the first body paragraph
  subheadline: 0.55,
  desk: 0.5, // "/110" before the number line
  damaged: 0.005, // the number line is missing (expect a missing-number warning)
  bodyDate: 0.005, // a date-looking paragraph under a long paragraph inside the body
  trailingSpace: 0.03, // spaces or tabs after some lines
  numberLine: {
    // Forms that Windows-1256 cannot encode (other digit sets, fullwidth colon) fall back to
    // "رقم: N" in those files.
    "رقم: N": 0.55,
    "رقم : N": 0.12,
    "رقم:N": 0.12,
    "رقم: ٤٩٠": 0.08, // Arabic-Indic digits
    "رقم: ۴۹۰": 0.04, // Extended Arabic-Indic (Persian) digits
    "رقم：N": 0.05, // fullwidth colon
    "رقم ： N": 0.04,
  },
  dateLine: {
    "english-abbr": 0.25, // 25 Jan 2021 ساعة 11:27 (the seed)
    "english-full": 0.03, // 25 January 2021 - 11:27
    egyptian: 0.14, // 25 يناير 2021 ساعة 11:27, any separator
    levantine: 0.08, // 25 كانون الثاني 2021 - 11:27
    maghreb: 0.06, // 25 جانفي 2021 - 11:27
    "arabic-indic": 0.08, // ٢٥ يناير ٢٠٢١ الساعة ١١:٢٧
    persian: 0.02, // ۲۵ يناير ۲۰۲۱ الساعة ۱۱:۲۷
    iso: 0.08, // 2021-01-25 11:27, 2021-01-25 - 11:27:05 ...
    weekday: 0.08, // [يوم] الإثنين[،] 25 يناير 2021 - 11:27 (the right weekday)
    commas: 0.06, // 6 يناير، 2015، الساعة 05:16
    "12-hour": 0.08, // 25 يناير 2021 - 11:27 ص / صباحاً / مساءً ...
    seconds: 0.04, // 25 Jan 2021 ساعة 11:27:05
  },
  oneDigitHour: 0.3, // of the date lines whose hour is below 10 (or 12-hour times): "9:05"
  paragraphBlanks: { none: 0.6, all: 0.25, some: 0.15 }, // blank lines between body paragraphs
  blanksBetweenArticles: { 0: 0.25, 1: 0.5, 2: 0.15, 3: 0.1 },
  encoding: { "utf-8": 0.84, "utf-8-bom": 0.05, "utf-16le": 0.04, "utf-16be": 0.01, "windows-1256": 0.06 }, // per file
  lineEnding: { lf: 0.85, crlf: 0.14, cr: 0.01 }, // per file
  noFinalNewline: 0.1, // per file: the last line lacks its line ending
};

// ---------------------------------------------------------------------------------------------
// Seeded randomness.

function mix32(x) {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A 32-bit hash of (seed, index, salt): each article and file gets its own stream. */
function hash(seed, index, salt) {
  return mix32((mix32((mix32(seed ^ 0x9e3779b9) + index) | 0) ^ salt) >>> 0);
}

function unit(h) {
  return h / 4294967296;
}

/** mulberry32: a small, fast PRNG; floats in [0, 1). */
function mulberry32(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SALT_FILE = 0x1f11e;
const SALT_ARTICLE = 0xa471c1e;
const SALT_DAMAGE = 0xdada;
const SALT_BODY_DATE = 0xb0d7;
const SALT_FIRST_ID = 0x1d;

class Random {
  constructor(state) {
    this.next = mulberry32(state);
  }
  /** Integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** A key of a { key: weight } table. */
  weighted(table) {
    const keys = Object.keys(table);
    let total = 0;
    for (const key of keys) total += table[key];
    let x = this.next() * total;
    for (const key of keys) {
      x -= table[key];
      if (x < 0) return key;
    }
    return keys[keys.length - 1];
  }
}

const isDamaged = (seed, i) => unit(hash(seed, i, SALT_DAMAGE)) < SHARES.damaged;
const hasBodyDate = (seed, i) => !isDamaged(seed, i) && unit(hash(seed, i, SALT_BODY_DATE)) < SHARES.bodyDate;

// ---------------------------------------------------------------------------------------------
// Words. Some carry harakat (tanween, shadda, short vowels), some hamza forms, some tatweel.

const AGENCIES = [
  "تنا",
  "واس",
  "سانا",
  "الشرق الأوسط",
  "الرياض",
  "قنا",
  "وام",
  "كونا",
  "بنا",
  "أ ش أ",
  "وكالة الأنباء السعودية (واس)",
  "الأهرام",
];

const CITIES = [
  "الرياض", "جدة", "مكة المكرمة", "المدينة المنورة", "الدمام", "الطائف", "أبها", "تبوك", "القاهرة",
  "الإسكندرية", "أسوان", "الأقصر", "دمشق", "حلب", "حمص", "اللاذقية", "دير الزور", "بيروت", "صيدا",
  "طرابلس", "بغداد", "البصرة", "الموصل", "أربيل", "النجف", "كربلاء", "عمّان", "إربد", "العقبة",
  "الدوحة", "دبي", "أبوظبي", "الشارقة", "العين", "الكويت", "المنامة", "مسقط", "صلالة", "صنعاء",
  "عدن", "الخرطوم", "تونس", "صفاقس", "الجزائر", "وهران", "قسنطينة", "الرباط", "الدار البيضاء",
  "مراكش", "فاس", "طنجة", "نواكشوط", "القدس", "غزة", "طهران", "أصفهان", "أنقرة", "إسطنبول",
  "موسكو", "بكين", "باريس", "لندن", "واشنطن", "جنيف", "نيويورك", "برلين", "روما", "مدريد",
  "فيينا", "طوكيو", "نيودلهي", "جاكرتا", "كوالالمبور", "إسلام آباد", "الـرياض", "القـاهرة",
];

const COUNTRIES = [
  "السعودية", "مصر", "سوريا", "لبنان", "العراق", "الأردن", "قطر", "الإمارات", "الكويت", "البحرين",
  "سلطنة عمان", "اليمن", "السودان", "ليبيا", "تونس", "الجزائر", "المغرب", "موريتانيا", "فلسطين",
  "إيران", "تركيا", "روسيا", "الصين", "فرنسا", "بريطانيا", "ألمانيا", "إيطاليا", "إسبانيا",
  "الولايات المتحدة", "اليابان", "الهند", "باكستان", "إندونيسيا", "ماليزيا", "البرازيل",
];

const FIRST_NAMES_M = [
  "محمد", "أحمد", "علي", "حسن", "حسين", "خالد", "عبدالله", "عمر", "يوسف", "إبراهيم", "سعيد",
  "مصطفى", "محمود", "عبدالرحمن", "فيصل", "سلمان", "ناصر", "طارق", "ماجد", "سامي", "جمال", "كريم",
  "هشام", "وليد", "عادل", "إسماعيل", "زياد", "رامي", "باسم", "أيمن", "مازن", "نبيل", "عماد",
];
const FIRST_NAMES_F = [
  "فاطمة", "مريم", "عائشة", "زينب", "سارة", "نور", "ليلى", "هدى", "أمل", "رنا", "سلمى", "دينا",
  "هالة", "منى", "إيمان", "آمنة", "رؤى", "لمياء", "نادية", "سهى",
];
const FAMILY_NAMES = [
  "العلي", "الحسن", "المصري", "الشامي", "الخطيب", "النجار", "الحداد", "العتيبي", "القحطاني",
  "الزهراني", "الدوسري", "الشمري", "الكبيسي", "العبيدي", "الجبوري", "الحمادي", "المنصوري",
  "الكعبي", "البلوشي", "الرشيدي", "التميمي", "السعدي", "الخوري", "حداد", "بن سالم", "بن علي",
  "الإدريسي", "بوزيد", "الفاسي", "العمراني", "الأنصاري", "الهاشمي", "عبدالعزيز", "السيد",
];

// Subjects: a title and a name, or an institution. Masculine and feminine, for the verbs.
const TITLES_M = [
  "الرئيس", "الوزير", "السفير", "المدير العام", "رئيس الوزراء", "وزير الخارجية", "وزير الصحة",
  "وزير المالية", "وزير الداخلية", "وزير التعليم", "وزير الطاقة", "المتحدث باسم الحكومة",
  "رئيس المجلس", "المحافظ", "الأمين العام", "النائب", "الخبير الاقتصادي", "الدكتور", "اللواء",
  "العميد", "الشيخ", "المهندس", "رئيس البلدية", "المستشار",
];
const TITLES_F = ["الوزيرة", "السفيرة", "الدكتورة", "النائبة", "المديرة العامة", "الباحثة", "الكاتبة", "المهندسة"];
const SUBJECTS_M = [
  "المصدر", "المسؤول", "المتحدث", "البيان", "التقرير", "المجلس", "البرلمان", "الجيش", "الاتحاد",
  "البنك المركزي", "مجلس الوزراء", "مجلس الأمن", "المركز الوطني", "الصندوق", "الفريق", "المنتخب",
  "النادي", "المعرض", "المؤتمر", "الاجتماع", "المرصد", "مجلس الشورى", "الـمؤتمر",
];
const SUBJECTS_F = [
  "الحكومة", "الوزارة", "الهيئة", "الشركة", "الدراسة", "اللجنة", "المنظمة", "الجامعة", "الشرطة",
  "القوات", "المصادر", "السلطات", "الإدارة", "البلدية", "المحكمة", "الجمعية", "الدَّولة", "الرئاسة",
  "وزارة الصحة", "وزارة الخارجية", "وزارة التجارة", "هيئة الطيران المدني", "منظمة الصحة العالمية",
  "الأمم المتحدة", "جامعة الدول العربية", "الحُكومة",
];

const VERBS_M = [
  "قال", "أكد", "أعلن", "أوضح", "أشار", "أضاف", "كشف", "بحث", "ناقش", "استقبل", "التقى", "وقّع",
  "افتتح", "أطلق", "شارك", "دعا", "طالب", "رحب", "أدان", "شهد", "سجل", "أصدر", "قرر", "وافق", "رفض",
  "نفى", "حذّر", "توقع", "أظهر", "تناول", "استعرض", "تابع", "زار", "أجرى", "عقد", "اختتم", "أفاد",
  "ذكر", "نقل", "منح", "أقرّ", "أبدى", "جدّد", "ثمّن", "اعتبر", "قالَ", "أكّد", "أعلـن",
];
const VERBS_F = [
  "قالت", "أكدت", "أعلنت", "أوضحت", "أشارت", "أضافت", "كشفت", "بحثت", "ناقشت", "استقبلت", "وقّعت",
  "افتتحت", "أطلقت", "شاركت", "دعت", "طالبت", "رحبت", "أدانت", "شهدت", "سجلت", "أصدرت", "قررت",
  "وافقت", "رفضت", "نفت", "حذّرت", "توقعت", "أظهرت", "تناولت", "استعرضت", "تابعت", "أجرت", "عقدت",
  "اختتمت", "أفادت", "ذكرت", "نقلت", "منحت", "أقرّت", "جدّدت", "ثمّنت", "اعتبرت",
];
const VERBS_PRESENT = [
  "يبحث", "تبحث", "يشهد", "تشهد", "يواصل", "تواصل", "يسعى", "تسعى", "يهدف", "تهدف", "يستضيف",
  "تستضيف", "يطلق", "تطلق", "يناقش", "تناقش", "يدعو", "تدعو", "يرفض", "ترفض", "يعلن", "تعلن",
  "يفتتح", "تفتتح", "يتوقع", "تتوقع", "يحذّر", "تحذّر", "يؤكد", "تؤكد", "يسجل", "تسجل",
];

const CONNECTORS = ["و", "كما ", "فيما ", "في حين ", "من جهته، ", "من جانبها، ", "بدوره، ", "إلى ذلك، ", "وفي هذا السياق، ", "وفي التفاصيل، ", ""];
const CLAUSE_LINKS = ["و", "كما ", "حيث ", "فيما ", "بينما ", "ثم "];

const NOUNS = [
  "الحكومة", "الاقتصاد", "السوق", "الأسعار", "النفط", "الطاقة", "الكهرباء", "المياه", "الزراعة",
  "الصناعة", "التجارة", "الاستثمار", "المشروع", "المشاريع", "الطريق", "المدينة", "المنطقة",
  "الحدود", "الأمن", "الجيش", "القوات", "المواطنين", "السكان", "الشباب", "الطلاب", "المدارس",
  "الجامعات", "التعليم", "الصحة", "المستشفيات", "الأطباء", "المرضى", "الأدوية", "اللقاحات",
  "الوباء", "الرياضة", "المباراة", "البطولة", "الملعب", "الجمهور", "الثقافة", "المعرض", "الكتاب",
  "المسرح", "المهرجان", "الإعلام", "الصحفيين", "التقرير", "البيان", "الخبراء", "الدراسة", "البحث",
  "العلماء", "التكنولوجيا", "الإنترنت", "الاتصالات", "الشركات", "البنوك", "الميزانية", "الضرائب",
  "التضخم", "النمو", "البطالة", "العمال", "الوظائف", "الرواتب", "الدعم", "المساعدات", "اللاجئين",
  "النازحين", "الحرب", "السلام", "المفاوضات", "الحوار", "الأزمة", "الانتخابات", "الدستور",
  "القانون", "المحكمة", "القضاء", "العدالة", "الحقوق", "الحريات", "المرأة", "الأطفال", "الأسر",
  "البيئة", "المناخ", "الأمطار", "الحرارة", "الطقس", "الفيضانات", "الزلزال", "الحريق", "الحادث",
  "الضحايا", "المصابين", "الإسعاف", "الميناء", "المطار", "الطيران", "الرحلات", "السياحة",
  "الفنادق", "الزوار", "الحجاج", "المعتمرين", "الموسم", "الإنتاج", "الصادرات", "الواردات",
  "الغذاء", "القمح", "الأراضي", "المساكن", "البنية التحتية", "النقل", "القطارات", "الموانئ",
  "الخدمات", "المستثمرين", "الأسواق", "العملة", "الديون", "القروض", "الفقر", "الرعاية",
  "المسؤولين", "الشؤون", "الهيئات", "المنظمات", "الجهود", "الإجراءات", "القرارات", "التدابير",
  "الخطة", "الاستراتيجية", "الرؤية", "الإصلاحات", "التنمية", "التعاون", "العلاقات", "الشراكة",
  "الاتفاقية", "المذكرة", "البرنامج", "المبادرة", "الحملة", "الفعاليات", "الأنشطة", "المنافسة",
  "الجوائز", "النتائج", "الأرقام", "البيانات", "المؤشرات", "التوقعات", "التحديات", "الفرص",
  "المخاطر", "الأولويات", "الاحتياجات", "الموارد", "القدرات", "الكفاءات", "المهارات", "الابتكار",
  "الـعام", "الشَّعب", "اللُّغة", "العِلم", "الأمَّة", "المُواطنين", "السماء", "الصحراء", "البحر",
  "الساحل", "الجبال", "الريف", "القرى", "الأحياء", "الشوارع", "المباني", "المساجد", "المتاحف",
  "المكتبات", "الآثار", "التراث", "التاريخ", "المستقبل", "الأجيال", "الهوية", "القيم", "الإنسان",
  "المجتمع", "المؤسسات", "الإنشاءات", "الاستقرار", "الأمان", "السيادة", "الأمن الغذائي",
  "الأمن المائي", "الطاقة المتجددة", "الذكاء الاصطناعي", "التحول الرقمي", "التجارة الإلكترونية",
];
const ADJECTIVES = [
  "الجديد", "الجديدة", "الكبير", "الكبرى", "الوطني", "الوطنية", "الدولي", "الدولية", "العربي",
  "العربية", "الإقليمي", "الإقليمية", "الاقتصادية", "السياسية", "الأمنية", "العسكرية", "الصحية",
  "التعليمية", "الاجتماعية", "الثقافية", "الرسمية", "المحلية", "الخارجية", "الداخلية", "الأولى",
  "الثانية", "الماضي", "المقبل", "الحالي", "الأخير", "الأخيرة", "المشترك", "المشتركة", "الشاملة",
  "المستدامة", "العامة", "الخاصة", "الحكومية", "الرقمية", "البيئية", "الزراعية", "الصناعية",
  "التجارية", "السياحية", "الرياضية", "الإنسانية", "العاجلة", "الضرورية", "الكاملة", "الواسعة",
  "المتقدمة", "الحديثة", "التاريخية", "المهمة", "الأساسية", "الاستراتيجية", "العَرَبيّة",
  "الـجديدة", "الكـبيرة", "المُقبل",
];
// Indefinite heads for idafa and partitive phrases ("عدد من الخبراء", "مشروع الطاقة").
const HEADS = [
  "عدد من", "مجموعة من", "سلسلة من", "آلاف من", "مئات من", "جملة من", "حزمة من", "عشرات من",
  "مشروع", "برنامج", "خطة", "قطاع", "مجال", "ملف", "مستوى", "حجم", "تطوير", "تعزيز", "دعم",
  "تحسين", "حماية", "إنشاء", "تنفيذ", "إطلاق", "توسيع", "تنظيم", "متابعة", "استكمال", "أسعار",
  "مؤتمر", "اجتماع", "اتفاق", "مستقبل", "أهمية", "ضرورة", "إعادة إعمار", "مُؤتمَر",
];
const PREPOSITIONS = [
  "في", "من", "إلى", "على", "عن", "مع", "بين", "خلال", "بعد", "قبل", "حول", "لدى", "عبر", "ضمن",
  "نحو", "منذ", "أمام", "وفق", "بشأن", "لصالح", "بهدف", "بالتعاون مع", "بالإضافة إلى",
];
const TIME_EXPRESSIONS = [
  "العام الماضي", "العام الجاري", "الأسبوع المقبل", "الأسبوع الماضي", "الشهر الجاري",
  "الشهر المقبل", "الأيام الماضية", "الساعات الأخيرة", "السنوات الخمس المقبلة", "الربع الأول",
  "النصف الثاني من العام", "الفترة المقبلة", "الأسابيع الماضية", "أمس الأحد", "اليوم الإثنين",
  "مساء أمس", "صباح اليوم", "العقد الماضي", "شهر رمضان", "عطلة العيد", "المرحلة المقبلة",
];
const UNITS = [
  "مليون دولار", "مليار دولار", "مليون ريال", "مليار جنيه", "ألف دينار", "مليون درهم", "ألف طن",
  "مليون برميل", "كيلومتر", "في المئة", "ألف زائر", "مواطن", "طالب", "مشروع", "شركة", "دولة",
  "مستشفى", "مدرسة", "عامل", "ميغاواط", "ألف وحدة سكنية", "رحلة", "جريح", "شخص",
];
const ADVERBS = [
  "أيضاً", "مؤخراً", "رسمياً", "مجدداً", "جديداً", "كبيراً", "حالياً", "تدريجياً", "فوراً",
  "أيضا", "مؤخرا", "سابقاً", "قريباً", "بشكل كبير", "بصورة عاجلة", "بشكل واضح", "على نطاق واسع",
];
const QUOTED = [
  "داعش", "رؤية 2030", "نيوم", "إكسبو", "كوب 28", "طريق الحرير", "الحزام والطريق", "أوبك بلس",
  "صنع في مصر", "مدينة المستقبل", "الـبيت الواحد", "الأمل",
];
const HEADLINE_TAILS = ["رسمياً", "اليوم", "غداً", "هذا العام", "خلال أيام", "للمرة الأولى", "بعد غياب", "من جديد"];

const MONTHS_EN_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_EN_FULL = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December",
];
const MONTHS_EGYPTIAN = [
  ["يناير"], ["فبراير"], ["مارس"], ["أبريل", "ابريل", "إبريل"], ["مايو"], ["يونيو", "يونية"],
  ["يوليو", "يولية"], ["أغسطس", "اغسطس"], ["سبتمبر"], ["أكتوبر", "اكتوبر"], ["نوفمبر"], ["ديسمبر"],
];
const MONTHS_LEVANTINE = [
  ["كانون الثاني"], ["شباط"], ["آذار", "اذار"], ["نيسان"], ["أيار", "ايار"], ["حزيران"], ["تموز"],
  ["آب", "اب"], ["أيلول", "ايلول"], ["تشرين الأول", "تشرين الاول"], ["تشرين الثاني"],
  ["كانون الأول", "كانون الاول"],
];
const MONTHS_MAGHREB = [
  ["جانفي"], ["فيفري"], ["مارس"], ["أفريل"], ["ماي"], ["جوان"], ["جويلية", "يوليوز"],
  ["أوت", "اوت", "غشت"], ["سبتمبر"], ["أكتوبر"], ["نوفمبر"], ["ديسمبر"],
];
// 0 is Sunday, as Date.getUTCDay() counts.
const WEEKDAYS = [["الأحد", "الاحد"], ["الإثنين", "الاثنين"], ["الثلاثاء"], ["الأربعاء", "الاربعاء"], ["الخميس"], ["الجمعة"], ["السبت"]];
const MORNING = ["ص", "صباحا", "صباحاً"];
const EVENING = ["م", "مساء", "مساءً"];
const TIME_SEPARATORS = [" ساعة ", " الساعة ", " - ", " – ", "، ", ", ", " "];

// ---------------------------------------------------------------------------------------------
// Windows-1256: the characters this generator writes, from the WHATWG index-windows-1256.
// Harakat are left out on purpose: files in this encoding are written without them.

const WINDOWS_1256 = new Map([
  ["،", 0xa1], ["؛", 0xba], ["؟", 0xbf], ["ء", 0xc1], ["آ", 0xc2], ["أ", 0xc3], ["ؤ", 0xc4],
  ["إ", 0xc5], ["ئ", 0xc6], ["ا", 0xc7], ["ب", 0xc8], ["ة", 0xc9], ["ت", 0xca], ["ث", 0xcb],
  ["ج", 0xcc], ["ح", 0xcd], ["خ", 0xce], ["د", 0xcf], ["ذ", 0xd0], ["ر", 0xd1], ["ز", 0xd2],
  ["س", 0xd3], ["ش", 0xd4], ["ص", 0xd5], ["ض", 0xd6], ["ط", 0xd8], ["ظ", 0xd9], ["ع", 0xda],
  ["غ", 0xdb], ["ـ", 0xdc], ["ف", 0xdd], ["ق", 0xde], ["ك", 0xdf], ["ل", 0xe1], ["م", 0xe3],
  ["ن", 0xe4], ["ه", 0xe5], ["و", 0xe6], ["ى", 0xec], ["ي", 0xed], ["–", 0x96], ["«", 0xab],
  ["»", 0xbb],
]);
const WINDOWS_1256_BY_CODE = new Int16Array(0x10000).fill(-1);
for (let c = 0; c < 0x80; c++) WINDOWS_1256_BY_CODE[c] = c;
for (const [ch, byte] of WINDOWS_1256) WINDOWS_1256_BY_CODE[ch.charCodeAt(0)] = byte;

function encodeWindows1256(text) {
  const bytes = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = WINDOWS_1256_BY_CODE[text.charCodeAt(i)];
    if (byte < 0) throw new Error(`generate: no Windows-1256 byte for U+${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}`);
    bytes[i] = byte;
  }
  return bytes;
}

const HARAKAT = /[\u064B-\u0652]/g;
const stripHarakat = (word) => word.replace(HARAKAT, "");

/** The word lists, as written (any encoding but Windows-1256) and without harakat (Windows-1256). */
function vocabulary(isPlain) {
  const lists = {
    AGENCIES, CITIES, COUNTRIES, FIRST_NAMES_M, FIRST_NAMES_F, FAMILY_NAMES, TITLES_M, TITLES_F,
    SUBJECTS_M, SUBJECTS_F, VERBS_M, VERBS_F, VERBS_PRESENT, CONNECTORS, CLAUSE_LINKS, NOUNS,
    ADJECTIVES, HEADS, PREPOSITIONS, TIME_EXPRESSIONS, UNITS, ADVERBS, QUOTED, HEADLINE_TAILS,
    MORNING, EVENING,
  };
  if (!isPlain) return lists;
  return Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, [...new Set(list.map(stripHarakat))]]));
}
const WORDS = vocabulary(false);
const WORDS_1256 = vocabulary(true);

// ---------------------------------------------------------------------------------------------
// Digits.

const DIGIT_ZERO = { ascii: 0x30, "arabic-indic": 0x0660, persian: 0x06f0 };

function digitsIn(text, set) {
  if (set === "ascii") return text;
  const zero = DIGIT_ZERO[set];
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= 0x30 && code <= 0x39 ? String.fromCharCode(zero + code - 0x30) : text[i];
  }
  return out;
}

const pad2 = (n) => (n < 10 ? `0${n}` : String(n));

// ---------------------------------------------------------------------------------------------
// One article.

/** What the generator chose for one article, and the state it draws from. */
class ArticleWriter {
  constructor(random, isWindows1256) {
    this.r = random;
    this.is1256 = isWindows1256;
    this.w = isWindows1256 ? WORDS_1256 : WORDS;
  }

  /** A digit set for numbers in text: mostly ASCII, some Arabic-Indic and Persian. */
  digitSet(pArabicIndic = 0.2, pPersian = 0.08) {
    if (this.is1256) return "ascii";
    const x = this.r.next();
    return x < pArabicIndic ? "arabic-indic" : x < pArabicIndic + pPersian ? "persian" : "ascii";
  }

  person() {
    const { r, w } = this;
    const isFemale = r.chance(0.2);
    const title = r.pick(isFemale ? w.TITLES_F : w.TITLES_M);
    const first = r.pick(isFemale ? w.FIRST_NAMES_F : w.FIRST_NAMES_M);
    return { text: `${title} ${first} ${r.pick(w.FAMILY_NAMES)}`, isFemale };
  }

  subject() {
    const { r, w } = this;
    const x = r.next();
    if (x < 0.35) return this.person();
    if (x < 0.65) return { text: r.pick(w.SUBJECTS_M) + (r.chance(0.3) ? ` ${r.pick(["الوطني", "الدولي", "الأعلى", "الإقليمي"])}` : ""), isFemale: false };
    return { text: r.pick(w.SUBJECTS_F) + (r.chance(0.25) ? ` ${r.pick(["العامة", "الوطنية", "الدولية", "المحلية"])}` : ""), isFemale: true };
  }

  nounPhrase() {
    const { r, w } = this;
    const x = r.next();
    if (x < 0.35) return `${r.pick(w.NOUNS)} ${r.pick(w.ADJECTIVES)}`;
    if (x < 0.6) return `${r.pick(w.HEADS)} ${r.pick(w.NOUNS)}`;
    if (x < 0.7) return `${r.pick(w.NOUNS)} في ${r.pick(w.COUNTRIES)}`;
    if (x < 0.78) return `"${r.pick(w.QUOTED)}"`;
    if (x < 0.82) return `«${r.pick(w.HEADS)} ${r.pick(w.NOUNS)}»`;
    return r.pick(w.NOUNS);
  }

  numberPhrase() {
    const { r, w } = this;
    const x = r.next();
    let number;
    if (x < 0.15) number = String(r.int(2015, 2030));
    else if (x < 0.3) number = `${r.int(1, 99)}.${r.int(1, 9)}`;
    else if (x < 0.6) number = String(r.int(2, 99));
    else number = String(r.int(100, 99999));
    return `${r.pick(["نحو", "أكثر من", "قرابة", "بنسبة", "بقيمة", "حوالي", "إلى", "بلغ"])} ${digitsIn(number, this.digitSet())} ${r.pick(w.UNITS)}`;
  }

  complement() {
    const { r, w } = this;
    const x = r.next();
    if (x < 0.3) return this.nounPhrase();
    if (x < 0.5) return `${r.pick(w.PREPOSITIONS)} ${this.nounPhrase()}`;
    if (x < 0.62) return `في ${r.pick(w.CITIES)}`;
    if (x < 0.72) return `خلال ${r.pick(w.TIME_EXPRESSIONS)}`;
    if (x < 0.82) return this.numberPhrase();
    if (x < 0.9) return r.pick(w.ADVERBS);
    return `مع ${this.person().text}`;
  }

  /** A clause: verb, subject, complements. */
  clause(isFirst) {
    const { r, w } = this;
    const subject = this.subject();
    const verb = r.pick(subject.isFemale ? w.VERBS_F : w.VERBS_M);
    const opener = isFirst ? r.pick(w.CONNECTORS) : r.pick(w.CLAUSE_LINKS);
    const parts = [`${opener}${verb}`, subject.text];
    const count = r.int(1, 3);
    for (let i = 0; i < count; i++) parts.push(this.complement());
    if (r.chance(0.25)) parts.push(`أن ${r.pick(w.NOUNS)} ${r.pick(w.VERBS_PRESENT)} ${this.nounPhrase()}`);
    return parts.join(" ");
  }

  /**
   * A paragraph of `min` to `max` words (whitespace-separated), in sentences that end with a full
   * stop. Never starts with a digit, never holds a colon, always ends a sentence.
   */
  paragraph(min, max) {
    const r = this.r;
    const target = r.int(min, max - 8);
    const words = [];
    let isSentenceStart = true;
    while (words.length < target) {
      const piece = isSentenceStart ? this.clause(true) : r.chance(0.5) ? this.clause(false) : this.complement();
      if (!isSentenceStart && r.chance(0.3)) words[words.length - 1] += "،";
      // Keep to the limit: the last piece may be cut short.
      const pieceWords = piece.split(" ");
      const kept = Math.min(pieceWords.length, max - words.length);
      for (let i = 0; i < kept; i++) words.push(pieceWords[i]);
      isSentenceStart = r.chance(0.3);
      if (isSentenceStart && words.length < target) words[words.length - 1] += ".";
    }
    return balanceQuotes(words.join(" ")) + ".";
  }

  /** A title line: no full stop, comma or colon at its end. */
  title(minWords, maxWords) {
    const { r, w } = this;
    const x = r.next();
    let text;
    if (x < 0.4) {
      const subject = this.subject();
      text = `${subject.text} ${r.pick(w.VERBS_PRESENT)} ${this.nounPhrase()} ${this.complement()}`;
    } else if (x < 0.7) {
      text = `${r.pick(w.NOUNS)} ${r.pick(w.ADJECTIVES)} ${r.pick(w.PREPOSITIONS)} ${r.pick(w.CITIES)} ${r.pick(w.HEADLINE_TAILS)}`;
    } else {
      const subject = this.subject();
      text = `${r.pick(subject.isFemale ? w.VERBS_F : w.VERBS_M)} ${subject.text} ${this.complement()}`;
    }
    let words = text.split(" ");
    const count = r.int(minWords, maxWords);
    if (words.length > count) words = words.slice(0, count);
    while (words.length < minWords) words.push(r.pick(w.HEADLINE_TAILS));
    return balanceQuotes(words.join(" ")).replace(/[.،,:؛]+$/, "");
  }

  /** A date line of one of the spec's forms, and the record's ISO time for it. */
  dateLine(form) {
    const { r, w } = this;
    const dayNumber = r.int(0, DAYS_2015_TO_2024 - 1);
    const date = new Date(Date.UTC(2015, 0, 1) + dayNumber * 86_400_000);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    const weekday = date.getUTCDay();
    const hour = r.int(0, 23);
    const minute = r.int(0, 59);
    const hasSeconds = form === "seconds" || (form === "iso" && r.chance(0.4));
    const second = hasSeconds ? r.int(0, 59) : 0;

    const clock = () => {
      const h = hour < 10 && r.chance(SHARES.oneDigitHour) ? String(hour) : pad2(hour);
      return `${h}:${pad2(minute)}${hasSeconds ? `:${pad2(second)}` : ""}`;
    };
    const arabicMonth = (table) => r.pick(table[month - 1]);
    const anyArabicMonth = () => arabicMonth(r.pick([MONTHS_EGYPTIAN, MONTHS_EGYPTIAN, MONTHS_LEVANTINE, MONTHS_MAGHREB]));
    const dayText = () => (day < 10 && r.chance(0.3) ? pad2(day) : String(day));

    let line;
    switch (form) {
      case "english-abbr":
        line = `${dayText()} ${MONTHS_EN_ABBR[month - 1]} ${year} ساعة ${clock()}`;
        break;
      case "english-full":
        line = `${dayText()} ${MONTHS_EN_FULL[month - 1]} ${year}${r.pick(TIME_SEPARATORS)}${clock()}`;
        break;
      case "egyptian":
        line = `${dayText()} ${arabicMonth(MONTHS_EGYPTIAN)} ${year}${r.pick(TIME_SEPARATORS)}${clock()}`;
        break;
      case "levantine":
        line = `${dayText()} ${arabicMonth(MONTHS_LEVANTINE)} ${year}${r.pick([" - ", " – ", " الساعة ", "، "])}${clock()}`;
        break;
      case "maghreb":
        line = `${dayText()} ${arabicMonth(MONTHS_MAGHREB)} ${year}${r.pick([" - ", " – ", " الساعة ", " "])}${clock()}`;
        break;
      case "arabic-indic":
      case "persian": {
        const set = this.is1256 ? "ascii" : form;
        line = digitsIn(`${dayText()} ${anyArabicMonth()} ${year} الساعة ${clock()}`, set);
        break;
      }
      case "iso": {
        const iso = `${year}-${pad2(month)}-${pad2(day)}`;
        const x = r.next();
        line = x < 0.6 ? `${iso} ${clock()}` : `${iso}${r.pick([" - ", " – ", " الساعة ", "، "])}${clock()}`;
        break;
      }
      case "weekday": {
        const name = r.pick(WEEKDAYS[weekday]);
        const prefix = `${r.chance(0.15) ? "يوم " : ""}${name}${r.chance(0.4) ? "،" : ""}`;
        const monthName = r.chance(0.15) ? MONTHS_EN_ABBR[month - 1] : anyArabicMonth();
        line = `${prefix} ${dayText()} ${monthName} ${year}${r.pick([" - ", " – ", " الساعة ", "، "])}${clock()}`;
        break;
      }
      case "commas": {
        const comma = this.r.chance(0.75) ? "،" : ",";
        line = `${dayText()} ${anyArabicMonth()}${comma} ${year}${comma} ${r.pick(["الساعة ", "ساعة ", ""])}${clock()}`;
        break;
      }
      case "12-hour": {
        const h12 = hour % 12 === 0 ? 12 : hour % 12;
        const marker = r.pick(hour < 12 ? w.MORNING : w.EVENING);
        const h = h12 < 10 && r.chance(0.5) ? String(h12) : pad2(h12);
        const monthName = r.chance(0.2) ? MONTHS_EN_ABBR[month - 1] : anyArabicMonth();
        line = `${dayText()} ${monthName} ${year}${r.pick([" - ", " الساعة ", "، ", " "])}${h}:${pad2(minute)} ${marker}`;
        break;
      }
      case "seconds":
        line = `${dayText()} ${r.chance(0.6) ? MONTHS_EN_ABBR[month - 1] : anyArabicMonth()} ${year}${r.pick([" ساعة ", " - ", " الساعة "])}${clock()}`;
        break;
      default:
        throw new Error(`generate: unknown date form ${form}`);
    }
    const iso = `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
    return { line, iso };
  }

  numberLine(id) {
    let form = this.r.weighted(SHARES.numberLine);
    if (this.is1256 && /[٠-٩۰-۹：]/.test(form)) form = "رقم: N";
    switch (form) {
      case "رقم: N":
        return `رقم: ${id}`;
      case "رقم : N":
        return `رقم : ${id}`;
      case "رقم:N":
        return `رقم:${id}`;
      case "رقم: ٤٩٠":
        return `رقم: ${digitsIn(String(id), "arabic-indic")}`;
      case "رقم: ۴۹۰":
        return `رقم: ${digitsIn(String(id), "persian")}`;
      case "رقم：N":
        return `رقم：${id}`;
      default:
        return `رقم ： ${id}`;
    }
  }
}

/** Drops an unpaired quote that cutting a piece short may leave. */
function balanceQuotes(text) {
  let quotes = 0;
  let opens = 0;
  let closes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quotes++;
    else if (c === 0xab) opens++;
    else if (c === 0xbb) closes++;
  }
  if (quotes % 2 === 1) {
    const last = text.lastIndexOf('"');
    text = text.slice(0, last) + text.slice(last + 1);
  }
  if (opens > closes) text += "»".repeat(opens - closes);
  return text.trimEnd();
}

const DAYS_2015_TO_2024 = Math.round((Date.UTC(2025, 0, 1) - Date.UTC(2015, 0, 1)) / 86_400_000);

/**
 * Appends one article's lines to `lines`. Returns what its record should hold (for checks):
 * the parser's view of the article, with `line` the 1-based line of its first title.
 */
function writeArticle(lines, { random, is1256, id, isDamagedArticle, hasBodyDateParagraph }) {
  const a = new ArticleWriter(random, is1256);
  const r = random;
  const w = a.w;

  const blanksBefore = Number(r.weighted(SHARES.blanksBetweenArticles));
  for (let i = 0; i < blanksBefore; i++) lines.push("");

  const hasLead = r.chance(SHARES.lead);
  const hasSubheadline = r.chance(SHARES.subheadline);
  const hasDesk = r.chance(SHARES.desk);
  const hasTrailingSpace = r.chance(SHARES.trailingSpace);
  const dateForm = r.weighted(SHARES.dateLine);
  const paragraphBlanks = r.weighted(SHARES.paragraphBlanks);

  const lead = hasLead ? a.paragraph(15, 35) : null;
  const headline = a.title(4, 12);
  const subheadline = hasSubheadline ? a.title(5, 14) : null;
  const agency = r.pick(w.AGENCIES);
  const { line: dateLine, iso } = a.dateLine(dateForm);

  const paragraphCount = r.int(3, 15);
  const paragraphs = [];
  if (lead !== null) paragraphs.push(lead);
  while (paragraphs.length < paragraphCount) paragraphs.push(a.paragraph(15, 60));
  // A date-looking paragraph, directly under a long paragraph that ends with a full stop, and
  // never the last paragraph: it stays body text.
  let bodyDateAt = -1;
  if (hasBodyDateParagraph) {
    bodyDateAt = r.int(1, paragraphs.length - 1); // the paragraph above it is paragraphs[bodyDateAt - 1]
    if (bodyDateAt === 1 && lead !== null) bodyDateAt = 2; // under a body paragraph of its own
    paragraphs[bodyDateAt - 1] = a.paragraph(40, 60);
    const { line } = a.dateLine(r.weighted(SHARES.dateLine));
    paragraphs.splice(bodyDateAt, 0, line);
  }

  const space = () => (hasTrailingSpace && r.chance(0.3) ? r.pick([" ", "  ", "\t", " \t"]) : "");
  const firstLine = lines.length + 1;
  if (lead !== null) lines.push(lead + space());
  lines.push(headline + space());
  if (subheadline !== null) lines.push(subheadline + space());
  lines.push(agency + space());
  lines.push(dateLine + space());
  for (let i = 0; i < paragraphs.length; i++) {
    const isBlankBefore =
      i > 0 &&
      i !== bodyDateAt &&
      (paragraphBlanks === "all" || (paragraphBlanks === "some" && r.chance(0.3)));
    if (isBlankBefore) lines.push("");
    lines.push(paragraphs[i] + space());
  }
  let desk = null;
  if (hasDesk) {
    desk = String(r.int(10, 9999));
    lines.push(`/${digitsIn(desk, a.digitSet(0.1, 0.02))}` + space());
  }
  if (!isDamagedArticle) lines.push(a.numberLine(id) + space());

  return {
    id: isDamagedArticle ? null : String(id),
    headline,
    subheadline,
    lead,
    agency,
    published: iso,
    desk,
    body: paragraphs.join("\n"),
    line: firstLine,
    warnings: isDamagedArticle ? ["missing-number"] : [],
    dateForm,
  };
}

// ---------------------------------------------------------------------------------------------
// Files.

function encodeFile(text, encoding) {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.from("\uFEFF" + text, "utf8");
    case "utf-16le":
      return Buffer.from("\uFEFF" + text, "utf16le");
    case "utf-16be":
      return Buffer.from("\uFEFF" + text, "utf16le").swap16();
    case "windows-1256":
      return encodeWindows1256(text);
    default:
      throw new Error(`generate: unknown encoding ${encoding}`);
  }
}

const EOL = { lf: "\n", crlf: "\r\n", cr: "\r" };
const FILES_PER_DIRECTORY = 1000;

function checkCount(name, value, min) {
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`generate: ${name} must be an integer of at least ${min}, not ${value}`);
}

/**
 * How many articles of a corpus are damaged (no number line) or carry a date-looking body
 * paragraph, without writing it. Every article still comes out as a record.
 */
export function expectedCount({ articles, seed = 1 }) {
  checkCount("articles", articles, 0);
  let damaged = 0;
  let bodyDates = 0;
  for (let i = 0; i < articles; i++) {
    if (isDamaged(seed, i)) damaged++;
    else if (hasBodyDate(seed, i)) bodyDates++;
  }
  return { articles, records: articles, damaged, bodyDates, warnings: { "missing-number": damaged } };
}

/**
 * Writes `articles` articles into `directory` (created; it must be empty if it exists), as
 * d0001/000001.txt, d0001/000002.txt ... with `articlesPerFile` articles a file and at most 1,000
 * files a subdirectory. `onArticle(expected, file)`, if given, sees what each record should hold.
 * Returns { files, bytes, articles, damaged, bodyDates, encodings, lineEndings }.
 */
export function generateCorpus({ articles, directory, articlesPerFile = 100, seed = 1, onArticle } = {}) {
  checkCount("articles", articles, 0);
  checkCount("articlesPerFile", articlesPerFile, 1);
  checkCount("seed", seed, 0);
  if (typeof directory !== "string" || directory.length === 0) throw new Error("generate: no directory given");
  mkdirSync(directory, { recursive: true });
  if (readdirSync(directory).length > 0) throw new Error(`generate: ${directory} is not empty`);

  const fileCount = Math.ceil(articles / articlesPerFile);
  const summary = { files: 0, bytes: 0, articles: 0, damaged: 0, bodyDates: 0, encodings: {}, lineEndings: {} };
  let id = 100_000 + (hash(seed, 0, SALT_FIRST_ID) % 400_000);
  let subdirectory = "";

  for (let f = 0; f < fileCount; f++) {
    const fileRandom = new Random(hash(seed, f, SALT_FILE));
    const encoding = fileRandom.weighted(SHARES.encoding);
    const lineEnding = fileRandom.weighted(SHARES.lineEnding);
    const hasFinalNewline = !fileRandom.chance(SHARES.noFinalNewline);
    const is1256 = encoding === "windows-1256";

    const name = `d${String(Math.floor(f / FILES_PER_DIRECTORY) + 1).padStart(4, "0")}`;
    if (name !== subdirectory) {
      subdirectory = name;
      mkdirSync(path.join(directory, name), { recursive: true });
    }
    const relative = `${name}/${String(f + 1).padStart(6, "0")}.txt`;

    const lines = [];
    const first = f * articlesPerFile;
    const last = Math.min(first + articlesPerFile, articles);
    for (let i = first; i < last; i++) {
      const random = new Random(hash(seed, i, SALT_ARTICLE));
      id += 1 + Math.floor(random.next() * 20);
      const isDamagedArticle = isDamaged(seed, i);
      const hasBodyDateParagraph = hasBodyDate(seed, i);
      const expected = writeArticle(lines, { random, is1256, id, isDamagedArticle, hasBodyDateParagraph });
      if (isDamagedArticle) summary.damaged++;
      if (hasBodyDateParagraph) summary.bodyDates++;
      summary.articles++;
      onArticle?.(expected, relative);
    }
    const eol = EOL[lineEnding];
    const bytes = encodeFile(lines.join(eol) + (hasFinalNewline ? eol : ""), encoding);
    writeFileSync(path.join(directory, relative), bytes);
    summary.files++;
    summary.bytes += bytes.length;
    summary.encodings[encoding] = (summary.encodings[encoding] ?? 0) + 1;
    summary.lineEndings[lineEnding] = (summary.lineEndings[lineEnding] ?? 0) + 1;
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Command line.

function main(argv) {
  const options = { articles: undefined, out: undefined, "per-file": "100", seed: "1" };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match || !(match[1] in options)) {
      process.stderr.write(`generate: unknown argument ${argv[i]}\nusage: node bench/generate.mjs --articles N --out DIR [--per-file 100] [--seed 1]\n`);
      return 2;
    }
    options[match[1]] = match[2] ?? argv[++i];
  }
  if (options.articles === undefined || options.out === undefined) {
    process.stderr.write("usage: node bench/generate.mjs --articles N --out DIR [--per-file 100] [--seed 1]\n");
    return 2;
  }
  const integer = (text) => (/^\d+$/.test(String(text).replace(/_/g, "")) ? Number(String(text).replace(/_/g, "")) : NaN);
  try {
    const summary = generateCorpus({
      articles: integer(options.articles),
      directory: options.out,
      articlesPerFile: integer(options["per-file"]),
      seed: integer(options.seed),
    });
    process.stdout.write(JSON.stringify({ out: options.out, ...summary, megabytes: Number((summary.bytes / 1e6).toFixed(1)) }) + "\n");
    return 0;
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

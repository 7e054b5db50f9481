// The stop words `words` and `collocates` leave out of their lists unless told otherwise:
// particles, prepositions, conjunctions, pronouns, demonstratives and relatives, and the verbs
// of reporting and being that news text is made of (كان, قال and the like). Written here by
// the project, in Arabic as it is written; compared folded (and so whatever their harakat and
// hamza), as whole words. docs/analysis.md lists them.

import { foldArabic } from "./fold.js";
import { tokenTexts } from "./tokens.js";

const WORDS = `
في من إلى الى على عن مع بين حتى منذ عند لدى نحو حول خلال ضد دون بعد قبل فوق تحت أمام خلف عبر لدي
و أو ف ثم بل لكن لكنّ أم إما إن أن إنّ أنّ كأن لأن لعل ليت لا لم لن ما ماذا مما كما لما إذ إذا اذا لو لولا قد قد سوف هل كي
هو هي هم هن هما أنا نحن أنت أنتم انت انتم إياه إياها
هذا هذه ذلك تلك هؤلاء أولئك هنا هناك هنالك ذاك
الذي التي الذين اللذين اللتين اللواتي اللاتي من ما
كل بعض غير سوى أي أيّ كلا كلتا جميع عدة عدد
كان كانت كانوا يكون تكون يكونون أصبح أصبحت ليس ليست ظل صار
قال قالت يقول تقول قالوا أكد أكدت وأضاف أضاف أضافت أشار أشارت أوضح أوضحت ذكر ذكرت
إنه أنه إنها أنها إنهم أنهم له لها لهم به بها بهم فيه فيها فيهم منه منها منهم عليه عليها عليهم إليه إليها
وقد وكان وكانت وهو وهي وفي ومن وعلى وإلى ولا وما ولم وأن وإن كذلك أيضا أيضاً حيث بينما
`;

/** The project's stop words, folded. */
export function defaultStopWords(): Set<string> {
  return stopWordsOf(WORDS);
}

/** Stop words from a text, one or more a line, folded. */
export function stopWordsOf(text: string): Set<string> {
  return new Set(tokenTexts(foldArabic(text)));
}


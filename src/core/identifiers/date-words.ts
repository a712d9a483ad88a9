/**
 * The words of dates, matched on text folded by `foldKazakh` ("қаңтар" → "кантар",
 * "бүгін" → "бугин"), so they match whether or not the Kazakh letters were typed.
 * Every word may carry a case ending: "марта", "марте", "наурызда", "наурыздың".
 */

/** Month stems, January first: Russian full and short forms, then Kazakh. */
const MONTH_STEMS: string[] = [
  "январ\\p{L}*|янв\\.?|кантар\\p{L}*",
  "феврал\\p{L}*|февр?\\.?|акпан\\p{L}*",
  "март\\p{L}*|мар\\.?|наурыз\\p{L}*",
  "апрел\\p{L}*|апр\\.?|сауир\\p{L}*",
  "ма[йяе]|мамыр\\p{L}*",
  "июн\\p{L}*|маусым\\p{L}*",
  "июл\\p{L}*|шилде\\p{L}*",
  "август\\p{L}*|авг\\.?|тамыз\\p{L}*",
  "сентябр\\p{L}*|сент?\\.?|кыркуйек\\p{L}*",
  "октябр\\p{L}*|окт\\.?|казан\\p{L}*",
  "ноябр\\p{L}*|нояб?\\.?|караша\\p{L}*",
  "декабр\\p{L}*|дек\\.?|желтоксан\\p{L}*",
];

const MONTH_RES = MONTH_STEMS.map((stem) => new RegExp(`^(?:${stem})$`, "u"));

/** One alternation that matches any month word (for use inside a larger pattern). */
export const MONTH_WORD = MONTH_STEMS.join("|");

/** 1–12 for a month word, or undefined. */
export function monthNumber(word: string): number | undefined {
  const index = MONTH_RES.findIndex((re) => re.test(word));
  return index < 0 ? undefined : index + 1;
}

/** Weekday stems, Monday first (getUTCDay() order is Sunday first; see weekdayIndex). */
const WEEKDAY_STEMS: string[] = [
  "понедельник\\p{L}*|дуйсенби\\p{L}*",
  "вторник\\p{L}*|сейсенби\\p{L}*",
  "сред[ауе]|сарсенби\\p{L}*",
  "четверг\\p{L}*|бейсенби\\p{L}*",
  "пятниц\\p{L}*|жума|жумада|жумадан",
  "суббот\\p{L}*|сенби\\p{L}*",
  "воскресень\\p{L}*|жексенби\\p{L}*",
];
const WEEKDAY_RES = WEEKDAY_STEMS.map((stem) => new RegExp(`^(?:${stem})$`, "u"));
export const WEEKDAY_WORD = WEEKDAY_STEMS.join("|");

/** 0 for Sunday … 6 for Saturday, as Date.getUTCDay() counts. */
export function weekdayIndex(word: string): number | undefined {
  const index = WEEKDAY_RES.findIndex((re) => re.test(word));
  return index < 0 ? undefined : (index + 1) % 7;
}

/**
 * Days relative to today. "Алдыңғы күні" is the day before yesterday; "бүрсігүні" is
 * the day AFTER tomorrow (a future date, so an error), as are "завтра" and "ертең".
 */
export const RELATIVE_DAYS: [number, string][] = [
  [-2, "позавчера|алдынгы куни|алдынгуни|алдыннан бурынгы куни"],
  [-1, "вчера|вчерашн\\p{L}*|кеше|кешеги"],
  [0, "сегодня|сегодняшн\\p{L}*|бугин|бугинги"],
  [2, "послезавтра|бурсигуни|бурсугуни"],
  [1, "завтра|ертен|ертенги"],
];

/** "3 дня назад", "3 күн бұрын", "неделю назад", "екі апта бұрын": unit words and their length in days. */
export const DAY_UNITS = "дн\\p{L}*|день|сутки|суток|кун";
export const WEEK_UNITS = "недел\\p{L}*|апта";
export const AGO_WORDS = "назад|бурын";

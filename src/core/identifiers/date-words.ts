/**
 * The words of dates, matched on text folded by `foldKazakh` ("қаңтар" → "кантар",
 * "бүгін" → "бугин"), so they match whether or not the Kazakh letters were typed.
 * Every word may carry a case ending: "марта", "марте", "наурызда", "наурыздың".
 */
import { LETTERS } from "./text.js";

/** Month stems, January first: Russian full and short forms, then Kazakh. */
const MONTH_STEMS: string[] = [
  `январ${LETTERS}|янв\\.?|кантар${LETTERS}`,
  `феврал${LETTERS}|февр?\\.?|акпан${LETTERS}`,
  `март${LETTERS}|мар\\.?|наурыз${LETTERS}`,
  `апрел${LETTERS}|апр\\.?|сауир${LETTERS}`,
  `ма[йяе]|мамыр${LETTERS}`,
  `июн${LETTERS}|маусым${LETTERS}`,
  `июл${LETTERS}|шилде${LETTERS}`,
  `август${LETTERS}|авг\\.?|тамыз${LETTERS}`,
  `сентябр${LETTERS}|сент?\\.?|кыркуйек${LETTERS}`,
  `октябр${LETTERS}|окт\\.?|казан${LETTERS}`,
  `ноябр${LETTERS}|нояб?\\.?|караша${LETTERS}`,
  `декабр${LETTERS}|дек\\.?|желтоксан${LETTERS}`,
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
  `понедельник${LETTERS}|дуйсенби${LETTERS}`,
  `вторник${LETTERS}|сейсенби${LETTERS}`,
  `сред[ауе]|сарсенби${LETTERS}`,
  `четверг${LETTERS}|бейсенби${LETTERS}`,
  `пятниц${LETTERS}|жума|жумада|жумадан`,
  `суббот${LETTERS}|сенби${LETTERS}`,
  `воскресень${LETTERS}|жексенби${LETTERS}`,
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
  [-1, `вчера|вчерашн${LETTERS}|кеше|кешеги`],
  [0, `сегодня|сегодняшн${LETTERS}|бугин|бугинги`],
  [2, "послезавтра|бурсигуни|бурсугуни"],
  [1, "завтра|ертен|ертенги"],
];

/** "3 дня назад", "3 күн бұрын", "неделю назад", "екі апта бұрын": unit words and their length in days. */
export const DAY_UNITS = `дн${LETTERS}|день|сутки|суток|кун`;
export const WEEK_UNITS = `недел${LETTERS}|апта`;
export const AGO_WORDS = "назад|бурын";

/**
 * Regions and cities of Kazakhstan by any common name, in Russian or Kazakh, in any
 * case form: «Шымкент», «шымкентте», «в Алматы», «Алматинская область», «Қарағанды
 * облысы», «в Темиртау», «Өскеменде». Matched on text folded by `foldKazakh`.
 */
import type { Region } from "../model.js";
import { foldKazakh, WORD_END, WORD_START } from "./text.js";

export interface Place {
  region: Region;
  /** A city or town inside the region, named in both languages; none for the three big cities. */
  city?: { ru: string; kk: string };
}

/** Oblasts by name, with the word "область"/"облысы" (or a short form) around. */
// biome-ignore format: a table reads better in rows
const OBLASTS: [Region, string][] = [
  ["abai", "абайск\\p{L}* обл\\p{L}*|абай облыс\\p{L}*|област\\p{L}* абай"],
  ["akmola", "акмолинск\\p{L}*|акмола облыс\\p{L}*"],
  ["aktobe", "актюбинск\\p{L}*|актобе облыс\\p{L}*"],
  ["almaty_region", "алматинск\\p{L}*|алматы облыс\\p{L}*|алматы обл\\.?"],
  ["atyrau", "атырауск\\p{L}*|атырау облыс\\p{L}*"],
  ["east_kazakhstan", "восточно-казахстанск\\p{L}*|вко|шыгыс казакстан\\p{L}*|шко"],
  ["zhambyl", "жамбылск\\p{L}*|жамбыл облыс\\p{L}*"],
  ["zhetisu", "жетысуск\\p{L}*|жетисуск\\p{L}*|жетису облыс\\p{L}*"],
  ["west_kazakhstan", "западно-казахстанск\\p{L}*|зко|батыс казакстан\\p{L}*|бко"],
  ["karaganda", "карагандинск\\p{L}*|караганды облыс\\p{L}*"],
  ["kostanay", "костанайск\\p{L}*|костанай облыс\\p{L}*"],
  ["kyzylorda", "кызылординск\\p{L}*|кызылорда облыс\\p{L}*"],
  ["mangystau", "мангистауск\\p{L}*|мангыстауск\\p{L}*|мангыстау облыс\\p{L}*|мангистау облыс\\p{L}*"],
  ["pavlodar", "павлодарск\\p{L}*|павлодар облыс\\p{L}*"],
  ["north_kazakhstan", "северо-казахстанск\\p{L}*|ско|солтустик казакстан\\p{L}*"],
  ["turkistan", "туркестанск\\p{L}*|туркистан облыс\\p{L}*"],
  ["ulytau", "улытауск\\p{L}*|улытау облыс\\p{L}*"],
];

/** The three cities of republican significance: the city is the region. */
const BIG_CITIES: [Region, string][] = [
  ["astana", "астан\\p{L}*|нур-султан\\p{L}*|нурсултан\\p{L}*|astana"],
  ["almaty", "алматы\\p{L}*|алма-ат\\p{L}*|almaty"],
  ["shymkent", "шымкент\\p{L}*|чимкент\\p{L}*|shymkent"],
];

/** Other cities and towns: [region, Russian name, Kazakh name, stems]. */
// biome-ignore format: a table reads better in rows
const TOWNS: [Region, string, string, string][] = [
  ["karaganda", "Караганда", "Қарағанды", "караганд\\p{L}*"],
  ["karaganda", "Темиртау", "Теміртау", "темиртау\\p{L}*"],
  ["karaganda", "Балхаш", "Балқаш", "балхаш\\p{L}*|балкаш\\p{L}*"],
  ["karaganda", "Шахтинск", "Шахтинск", "шахтинск\\p{L}*"],
  ["karaganda", "Сарань", "Саран", "сарань\\p{L}*|саран\\p{L}*"],
  ["ulytau", "Жезказган", "Жезқазған", "жезказган\\p{L}*"],
  ["ulytau", "Сатпаев", "Сәтбаев", "сатпаев\\p{L}*|сатбаев\\p{L}*"],
  ["aktobe", "Актобе", "Ақтөбе", "актобе\\p{L}*|актюбинск"],
  ["atyrau", "Атырау", "Атырау", "атырау\\p{L}*"],
  ["west_kazakhstan", "Уральск", "Орал", "уральск\\p{L}*|орал|оралда|оралдан|оралга|оралдын"],
  ["west_kazakhstan", "Аксай", "Ақсай", "аксай\\p{L}*"],
  ["mangystau", "Актау", "Ақтау", "актау\\p{L}*"],
  ["mangystau", "Жанаозен", "Жаңаөзен", "жанаозен\\p{L}*"],
  ["kostanay", "Костанай", "Қостанай", "костанай\\p{L}*|кустанай\\p{L}*"],
  ["kostanay", "Рудный", "Рудный", "рудн\\p{L}*"],
  ["kostanay", "Лисаковск", "Лисаковск", "лисаковск\\p{L}*"],
  ["kostanay", "Аркалык", "Арқалық", "аркалык\\p{L}*"],
  ["pavlodar", "Павлодар", "Павлодар", "павлодар|павлодаре|павлодара|павлодарда|павлодардан|павлодарга"],
  ["pavlodar", "Экибастуз", "Екібастұз", "экибастуз\\p{L}*|екибастуз\\p{L}*"],
  ["north_kazakhstan", "Петропавловск", "Петропавл", "петропавл\\p{L}*"],
  ["akmola", "Кокшетау", "Көкшетау", "кокшетау\\p{L}*|кокчетав\\p{L}*"],
  ["akmola", "Степногорск", "Степногорск", "степногорск\\p{L}*"],
  ["akmola", "Щучинск", "Щучинск", "щучинск\\p{L}*"],
  ["akmola", "Косшы", "Қосшы", "косшы\\p{L}*"],
  ["east_kazakhstan", "Усть-Каменогорск", "Өскемен", "усть-каменогорск\\p{L}*|оскемен\\p{L}*"],
  ["east_kazakhstan", "Риддер", "Риддер", "риддер\\p{L}*"],
  ["abai", "Семей", "Семей", "семей|семея|семее|семеем|семейде|семейден|семейге|семейдин|семипалатинск\\p{L}*"],
  ["abai", "Аягоз", "Аягөз", "аягоз\\p{L}*"],
  ["abai", "Курчатов", "Курчатов", "курчатов\\p{L}*"],
  ["zhetisu", "Талдыкорган", "Талдықорған", "талдыкорган\\p{L}*"],
  ["zhetisu", "Текели", "Текелі", "текели\\p{L}*"],
  ["zhetisu", "Жаркент", "Жаркент", "жаркент\\p{L}*"],
  ["zhambyl", "Тараз", "Тараз", "тараз\\p{L}*"],
  ["kyzylorda", "Кызылорда", "Қызылорда", "кызылорд\\p{L}*"],
  ["kyzylorda", "Байконур", "Байқоңыр", "байконур\\p{L}*|байконыр\\p{L}*"],
  ["kyzylorda", "Аральск", "Арал", "аральск\\p{L}*"],
  ["turkistan", "Туркестан", "Түркістан", "туркестан\\p{L}*|туркистан\\p{L}*"],
  ["turkistan", "Кентау", "Кентау", "кентау\\p{L}*"],
  ["turkistan", "Сарыагаш", "Сарыағаш", "сарыагаш\\p{L}*"],
  ["turkistan", "Арыс", "Арыс", "арыс\\p{L}*"],
  ["turkistan", "Жетысай", "Жетісай", "жетысай\\p{L}*|жетисай\\p{L}*"],
  ["almaty_region", "Конаев", "Қонаев", "конаев\\p{L}*|капшагай\\p{L}*|капчагай\\p{L}*"],
  ["almaty_region", "Талгар", "Талғар", "талгар\\p{L}*"],
  ["almaty_region", "Каскелен", "Қаскелең", "каскелен\\p{L}*"],
];

interface Entry {
  stems: string;
  place: Place;
}

// Oblasts first: «Алматы облысы» is the region, not the city; then towns, then the big cities.
const ENTRIES: Entry[] = [
  ...OBLASTS.map(([region, stems]) => ({ stems, place: { region } })),
  ...TOWNS.map(([region, ru, kk, stems]) => ({ stems, place: { region, city: { ru, kk } } })),
  ...BIG_CITIES.map(([region, stems]) => ({ stems, place: { region } })),
];

/**
 * One pattern for all names, each in its own group: the leftmost name wins, and at the
 * same place the earlier entry (an oblast before its centre). Compiled on first use.
 */
let combined: RegExp | undefined;
const pattern = () =>
  (combined ??= new RegExp(`${WORD_START}(?:${ENTRIES.map((e) => `(${e.stems})`).join("|")})${WORD_END}`, "u"));

/** The place named in the text, or undefined; the earliest mention wins, oblasts over their centres. */
export function findPlace(text: string): Place | undefined {
  const m = pattern().exec(foldKazakh(text));
  if (!m) return undefined;
  const index = m.findIndex((group, i) => i > 0 && group !== undefined);
  return ENTRIES[index - 1]?.place;
}

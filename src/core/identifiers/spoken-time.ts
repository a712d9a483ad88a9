/**
 * Times of day said in words, as people type them after a call: «полтретьего»,
 * «без четверти пять», «в пять вечера», «в час дня», «кешкі жетіде», «түскі екіде»,
 * «үш жарымда», «жетіге он минут қалғанда». Matched on text folded by `foldKazakh`.
 * These are 12-hour readings: time.ts decides the half of the day.
 */
import { NUMBER_WORDS } from "./money-words.js";
import { LETTER, LETTERS, WORD_END, WORD_START } from "./text.js";

export type PartOfDay = "morning" | "afternoon" | "evening" | "night";

export interface SpokenTime {
  hour: number;
  minute: number;
  part?: PartOfDay;
  start: number;
  end: number;
}

/** Russian ordinals in the genitive, as in «пол-третьего»: the hour that is running. */
const ORDINALS: Record<string, number> = {
  первого: 1,
  второго: 2,
  третьего: 3,
  четвертого: 4,
  пятого: 5,
  шестого: 6,
  седьмого: 7,
  восьмого: 8,
  девятого: 9,
  десятого: 10,
  одиннадцатого: 11,
  двенадцатого: 12,
};

/** Russian hour words: «в пять», «без четверти пять», «в час дня». */
const RU_HOURS: Record<string, number> = {
  час: 1,
  один: 1,
  два: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  одиннадцать: 11,
  двенадцать: 12,
  // the genitive after «около», «к»: «около восьми вечера»
  двух: 2,
  трех: 3,
  четырех: 4,
  шести: 6,
  семи: 7,
  восьми: 8,
  девяти: 9,
  одиннадцати: 11,
  двенадцати: 12,
};

/** «без четверти», «без пяти», «без двадцати пяти»: minutes before the hour. */
const RU_BEFORE: Record<string, number> = {
  четверти: 15,
  пяти: 5,
  десяти: 10,
  пятнадцати: 15,
  двадцати: 20,
  "двадцати пяти": 25,
};

/** Kazakh hour words, folded («жеті» is «жети»), longest first so «он екі» wins over «он». */
const KK_HOURS: [string, number][] = [
  ["он бир", 11],
  ["он еки", 12],
  ["бир", 1],
  ["еки", 2],
  ["уш", 3],
  ["торт", 4],
  ["бес", 5],
  ["алты", 6],
  ["жети", 7],
  ["сегиз", 8],
  ["тогыз", 9],
  ["он", 10],
];
const KK_HOUR_VALUE = new Map(KK_HOURS);

const RU_PART_AFTER: Record<string, PartOfDay> = {
  утра: "morning",
  дня: "afternoon",
  вечера: "evening",
  ночи: "night",
};
/** Kazakh part-of-day words said before the hour: «кешкі жетіде», «түскі екіде». */
const KK_PART_BEFORE: [PartOfDay, string][] = [
  ["morning", "тангы|танертен|танертенги"],
  ["afternoon", "туски|тустен кейин|тустен кейинги|кундизги"],
  ["evening", "кешки|кешке"],
  ["night", "тунги|тунде"],
];

const keys = (o: object) => Object.keys(o).join("|");
const KK_HOUR_WORD = KK_HOURS.map(([w]) => w.replace(" ", "\\s+")).join("|");
const KK_PART = KK_PART_BEFORE.map(([, w]) => w).join("|");
/** Kazakh endings after an hour: plural «around» (-лер) and locative (-де): «жетілерде», «7-лерде». */
const KK_ENDING = "(?:-?(?:лер|лар|дер|дар|тер|тар))?(?:-?(?:да|де|та|те|нда|нде))?";
const MINUTE_WORD = `\\d{1,2}|${keys(NUMBER_WORDS)}`;

const re = (source: string) => new RegExp(`${WORD_START}(?:${source})${WORD_END}`, "gu");

const HALF = re(`(?:в\\s+)?(?:половин[аеуы]\\s+|пол-?\\s?)(${keys(ORDINALS)})(?:\\s+(${keys(RU_PART_AFTER)}))?`);
const QUARTER = re(`(?:в\\s+)?четверть\\s+(${keys(ORDINALS)})(?:\\s+(${keys(RU_PART_AFTER)}))?`);
const BEFORE = re(
  `(?:в\\s+)?без\\s+(${keys(RU_BEFORE).replace(" ", "\\s+")}|\\d{1,2}(?:\\s*мин${LETTERS})?)\\s+(${keys(RU_HOURS)}|\\d{1,2})(?:\\s+час${LETTERS})?(?:\\s+(${keys(RU_PART_AFTER)}))?`,
);
const RU_WORD_HOUR = re(
  `(?:в|около|примерно в|к)\\s+(${keys(RU_HOURS)})(?:\\s+час${LETTERS})?(?:\\s+(${keys(RU_PART_AFTER)}))?`,
);
const NOON = re("(?:(?:в|около|к)\\s+)?(полдень|полудня|полночь|полуночи|тал\\s+тусте)");
const KK_HOUR = re(
  `(?:(${KK_PART})\\s+)?(?:сагат\\s+)?(${KK_HOUR_WORD})(\\s+жарым)?${KK_ENDING}(?:\\s+шамасы${LETTERS})?`,
);
/** «жетіге он минут қалғанда» (ten to seven), «бесті он бес минут өткенде» (a quarter past five). */
const KK_RELATIVE = re(
  `(?:(${KK_PART})\\s+)?(?:сагат\\s+)?(${KK_HOUR_WORD}|\\d{1,2})-?${LETTER}{0,3}\\s+(${MINUTE_WORD})(?:\\s+(${MINUTE_WORD}))?\\s+минут\\s+(калганда|откенде)`,
);

const minuteValue = (words: (string | undefined)[]) =>
  words.reduce((sum, w) => sum + (w === undefined ? 0 : (NUMBER_WORDS[w] ?? Number(w))), 0);
const kkHour = (word: string) => KK_HOUR_VALUE.get(word.replace(/\s+/g, " ")) ?? Number(word);
const kkPart = (word: string | undefined) =>
  word ? KK_PART_BEFORE.find(([, w]) => new RegExp(`^(?:${w})$`, "u").test(word))?.[0] : undefined;

type Reading = Omit<SpokenTime, "start" | "end">;

function collect(folded: string, pattern: RegExp, read: (m: RegExpExecArray) => Reading | undefined): SpokenTime[] {
  const out: SpokenTime[] = [];
  for (const m of folded.matchAll(pattern)) {
    const r = read(m as RegExpExecArray);
    if (r) out.push({ ...r, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const withPart = (r: Reading, part: PartOfDay | undefined): Reading => (part ? { ...r, part } : r);
/** «полпервого» is 12:30: the hour before the first is twelve. */
const previousHour = (hour: number) => (hour === 1 ? 12 : hour - 1);

/** Every time said in words in folded text, in reading order. */
export function findSpokenTimes(folded: string): SpokenTime[] {
  const found = [
    ...collect(folded, HALF, (m) =>
      withPart({ hour: previousHour(ORDINALS[m[1]!]!), minute: 30 }, RU_PART_AFTER[m[2] ?? ""]),
    ),
    ...collect(folded, QUARTER, (m) =>
      withPart({ hour: previousHour(ORDINALS[m[1]!]!), minute: 15 }, RU_PART_AFTER[m[2] ?? ""]),
    ),
    ...collect(folded, BEFORE, (m) => {
      const minutes = RU_BEFORE[m[1]!.replace(/\s+/g, " ")] ?? Number.parseInt(m[1]!, 10);
      const hour = RU_HOURS[m[2]!] ?? Number(m[2]);
      if (!(minutes > 0 && minutes < 60) || !(hour >= 1 && hour <= 12)) return undefined;
      return withPart({ hour: previousHour(hour), minute: 60 - minutes }, RU_PART_AFTER[m[3] ?? ""]);
    }),
    ...collect(folded, RU_WORD_HOUR, (m) => withPart({ hour: RU_HOURS[m[1]!]!, minute: 0 }, RU_PART_AFTER[m[2] ?? ""])),
    ...collect(folded, NOON, (m) =>
      m[1]!.startsWith("полн") || m[1] === "полуночи"
        ? { hour: 0, minute: 0, part: "night" }
        : { hour: 12, minute: 0, part: "afternoon" },
    ),
    ...collect(folded, KK_HOUR, (m) => {
      const part = kkPart(m[1]);
      const said = m[0]!;
      // A bare «бес», «он» is a number or a word ("онда" — "there"): an hour needs a part of the day,
      // «сағат», a locative ending, or to be the whole answer.
      const marked = part !== undefined || /^сагат/u.test(said) || /(?:да|де|та|те)$/u.test(said);
      if (!marked && folded.trim() !== said) return undefined;
      // «онда» is "there" even alone; «бесте», «үште» alone are times.
      const alone = folded.trim() === said;
      const bare = !part && !/^сагат/u.test(said);
      if (bare && (said === "онда" || (!alone && /^(?:он|бес|уш|бир)(?:да|де|те|та)$/u.test(said)))) return undefined;
      return withPart({ hour: kkHour(m[2]!), minute: m[3] ? 30 : 0 }, part);
    }),
    ...collect(folded, KK_RELATIVE, (m) => {
      const hour = kkHour(m[2]!);
      const minutes = minuteValue([m[3], m[4]]);
      if (!(hour >= 1 && hour <= 12) || !(minutes > 0 && minutes < 60)) return undefined;
      const reading =
        m[5] === "калганда" ? { hour: previousHour(hour), minute: 60 - minutes } : { hour, minute: minutes };
      return withPart(reading, kkPart(m[1]));
    }),
  ];
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

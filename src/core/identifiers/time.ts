import { fail, ok, type Parsed } from "./result.js";
import { findSpokenTimes, type PartOfDay } from "./spoken-time.js";
import { foldKazakh, LETTERS, WORD_END, WORD_START } from "./text.js";

export type { PartOfDay } from "./spoken-time.js";
export type TimeError = "empty" | "not_a_time" | "invalid_time";

export interface TimeMatch {
  time: string;
  start: number;
  end: number;
}

/** Part-of-day words before the hour (Kazakh "таңғы 9-да") or after it (Russian "9 утра"), folded. */
const PART_BEFORE: [PartOfDay, string][] = [
  ["morning", "тангы|танертен|танертенги"],
  ["afternoon", "туски|тустен кейин|тустен кейинги|кундизги"],
  ["evening", "кешки|кешке"],
  ["night", "тунги|тунде"],
];
const PART_AFTER: [PartOfDay, string][] = [
  ["morning", "утра"],
  ["afternoon", "дня"],
  ["evening", "вечера"],
  ["night", "ночи"],
];

/** Words for a part of the day alone, for answers like "вечером" or "түнде". */
const PART_WORDS: [PartOfDay, string][] = [
  ["morning", `утр${LETTERS}|с утра|танертен${LETTERS}|тангы|танда|таннан`],
  ["afternoon", `дн[её]м|в обед|обед${LETTERS}|после обеда|тусте|тустен кейин|туски|кундиз${LETTERS}`],
  ["evening", `вечер${LETTERS}|кешке|кешки|кешкурым${LETTERS}|кеш`],
  ["night", `ноч${LETTERS}|тунде|тунги|тун`],
];

const alt = (pairs: [PartOfDay, string][]) => pairs.map(([, words]) => words).join("|");
const partOf = (pairs: [PartOfDay, string][], word: string): PartOfDay | undefined =>
  pairs.find(([, words]) => new RegExp(`^(?:${words})$`, "u").test(word))?.[0];

/** Turns a 12-hour reading into 24 hours: "3 дня" is 15:00, "11 ночи" is 23:00, "12 ночи" midnight. */
function hour24(hour: number, part: PartOfDay | undefined): number {
  if (!part || hour > 12) return hour;
  if (part === "morning") return hour === 12 ? 0 : hour;
  if (part === "night") return hour === 12 ? 0 : hour >= 9 ? hour + 12 : hour;
  return hour === 12 ? 12 : hour + 12;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Kazakh endings after a number: locative "9-да", "14:30-да"; "around" plural "7-лер", "7-лерде". */
const LOCATIVE = `(?:-?(?:лер|лар|дер|дар|тер|тар))?(?:-?(?:да|де|та|те))?(?:\\s+шамасы${LETTERS})?`;
/** Hours and minutes: "14:30", "14.30", "14-30", "14ч30", "14 ч 30 мин", "14 часов 30 минут". */
const CLOCK = `(?<![\\d.:/-])(\\d{1,2})(?:[:.-]|\\s*(?:ч|час${LETTERS}|сагат)\\.?\\s*)(\\d{2})(?:\\s*(?:м|мин${LETTERS})\\.?)?${LOCATIVE}(?![\\d.:/]|-\\d)`;
/** An hour alone, with what says it is an hour: "в 9", "14ч", "сағат 9-да", "9 утра", "таңғы 9-да". */
const HOUR_ONLY = [
  `(${alt(PART_BEFORE)})\\s+(?:сагат\\s+)?(\\d{1,2})${LOCATIVE}`,
  `(?:в|около|примерно в|к|сагат)\\s+(\\d{1,2})(?:\\s*(?:ч|час${LETTERS})\\.?)?(?:\\s+(${alt(PART_AFTER)}))?(?!\\s*(?:назад|бурын))${LOCATIVE}`,
  `(\\d{1,2})\\s*(?:ч|час${LETTERS})\\.?(?:\\s+(${alt(PART_AFTER)}))?`,
  `(\\d{1,2})\\s+(${alt(PART_AFTER)})(?!\\s*(?:назад|бурын))`,
  `(\\d{1,2})-(?:лер|лар|дер|дар|тер|тар)?(?:да|де|та|те)?(?<=\\p{L})(?:\\s+шамасы${LETTERS})?`,
];

const CLOCK_RE = new RegExp(`${WORD_START}${CLOCK}`, "u");
const HOUR_RES = HOUR_ONLY.map((source) => new RegExp(`${WORD_START}(?:${source})${WORD_END}`, "u"));

/**
 * The first time of day in the text, with where it stands (positions in the original text).
 * `context`: the part of the day already known (the person said "вечером" earlier), used
 * when the answer itself names none: «жетіде» in an evening is 19:00.
 */
export function findTime(text: string, context?: PartOfDay): Parsed<TimeMatch, TimeError> {
  const folded = foldKazakh(text);
  const clock = CLOCK_RE.exec(folded);
  const found: { hour: number; minute: number; part?: PartOfDay; start: number; end: number; spoken?: true }[] = [];
  if (clock)
    found.push({
      hour: Number(clock[1]),
      minute: Number(clock[2]),
      start: clock.index,
      end: clock.index + clock[0].length,
    });
  HOUR_RES.forEach((re, i) => {
    const m = re.exec(folded);
    if (!m) return;
    const before = i === 0;
    const hour = Number(before ? m[2] : m[1]);
    const partWord = before ? m[1] : m[2];
    const part = partWord ? partOf(before ? PART_BEFORE : PART_AFTER, partWord) : undefined;
    found.push({ hour, minute: 0, ...(part ? { part } : {}), start: m.index, end: m.index + m[0].length });
  });
  for (const spoken of findSpokenTimes(folded)) found.push({ ...spoken, spoken: true });
  const bare = /^\s*(\d{1,2})\s*$/.exec(folded);
  if (bare) found.push({ hour: Number(bare[1]), minute: 0, start: 0, end: folded.length });
  if (found.length === 0) return fail(text.trim() ? "not_a_time" : "empty");
  // "в 14:30", "сағат 14:30-да": the clock reading wins over the hour inside it.
  const readings = clock
    ? found.filter((f) => f === found[0] || f.end <= found[0]!.start || f.start >= found[0]!.end)
    : found;
  // The longest reading at the leftmost place: «в полтретьего дня» over «в пол…».
  readings.sort((a, b) => a.start - b.start || b.end - a.end);
  const first = readings[0]!;
  // "вечером в 9", "түнде 2-де": a part of the day said apart from the hour still counts.
  const said = first.part ?? parsePartOfDay(text);
  const hour = said
    ? hour24(first.hour, said)
    : context
      ? fromContext(first.hour, context)
      : hour24(first.hour, first.spoken ? spokenDefault(first.hour) : undefined);
  if (hour > 23 || first.minute > 59) return fail("invalid_time");
  return ok({ time: `${pad(hour)}:${pad(first.minute)}`, start: first.start, end: first.end });
}

/**
 * An hour read in the part of the day known from elsewhere, where it fits that part:
 * «жетіде» on an evening is 19:00, but «в 10» on an afternoon stays 10:00.
 */
function fromContext(hour: number, part: PartOfDay): number {
  if (part === "afternoon" && hour >= 1 && hour <= 6) return hour + 12;
  if (part === "evening" && hour >= 4 && hour <= 11) return hour + 12;
  if (part === "night" && hour >= 9 && hour <= 11) return hour + 12;
  if (part === "night" && hour === 12) return 0;
  return hour;
}

/**
 * A time said in words names an hour on a 12-hour dial. With nothing else to go by,
 * one to six is the afternoon («полтретьего» is 14:30: people are called by day) and
 * seven to twelve the morning; digits are read as typed.
 */
const spokenDefault = (hour: number): PartOfDay | undefined => (hour >= 1 && hour <= 6 ? "afternoon" : undefined);

/**
 * A time of day as "HH:MM": "14:30", "14.30", "14-30", "14ч", "в 9", "9 утра", "в 3 дня",
 * "сағат 14:30-да", "таңғы 9-да", "кешкі 8-де". "3 дня назад" is a date, not a time.
 */
export function parseTime(text: string, context?: PartOfDay): Parsed<string, TimeError> {
  const found = findTime(text, context);
  return found.ok ? ok(found.value.time) : found;
}

/** "утром", "вечером", "түнде", "кешке" → a part of the day, for an answer without a clock time. */
export function parsePartOfDay(text: string): PartOfDay | undefined {
  const folded = foldKazakh(text);
  for (const [part, words] of PART_WORDS) {
    if (new RegExp(`${WORD_START}(?:${words})${WORD_END}`, "u").test(folded)) return part;
  }
  return undefined;
}

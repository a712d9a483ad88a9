/**
 * The questionnaire's view of the identifier, money and date parsers: each
 * returns a Result with an error code the bot can explain.
 */
import { type DateTime, type PartOfDay, parseDate, parseDateTime, parseTime, todayIn } from "../identifiers/dates.js";
import { extractIdentifiers, parseIdentifier } from "../identifiers/detect.js";
import { parseAmount, parseAmounts } from "../identifiers/money.js";
import { parsePhone } from "../identifiers/phone.js";
import type { Bank } from "../model.js";
import { type AnswerKind, policyFor, protectText, SECRET_MASK } from "../redact.js";
import type { Identifier, Money } from "../report/answers.js";
import { fail, ok, type Result } from "./inputs.js";

const visible = (raw: string) =>
  raw
    .normalize("NFC")
    // Control and invisible format characters (zero-width, RTL overrides, BOM), keeping new lines and tabs.
    .replace(/(?![\n\t])[\p{Cc}\p{Cf}]/gu, "")
    .replace(/[ \t]+/g, " ")
    .trim();

/**
 * Trims, drops control and zero-width characters, masks secrets and cuts own card numbers, by
 * the one detector (core/redact.ts) with the policy of what is being answered.
 */
export function cleanText(raw: string, kind?: AnswerKind): string {
  const clean = protectText(visible(raw), policyFor(kind)).text;
  // An answer that was nothing but a secret (now "•••") is no answer; a bare «-» is (nothing to tell).
  const onlySecret =
    clean.includes(SECRET_MASK) && clean.replaceAll(SECRET_MASK, "").replace(/[\s.,:;!?«»"'()-]/g, "") === "";
  return onlySecret ? "" : clean;
}

/** As cleanText, but card numbers stay whole: the answer is about someone else (a courier, a recipient). */
export const cleanKeepingCards = (raw: string): string => cleanText(raw, "someone_elses");

/** As cleanText for the story: a recipient's card named in it («на карту 4400 …») stays whole for the police. */
export const cleanNarrative = (raw: string): string => cleanText(raw, "story");

export interface Recipient {
  identifier?: Identifier;
  name?: string;
  bank?: Bank;
  more?: Identifier[];
}

const phonesIn = (text: string): Result<Identifier[]> => {
  // Short service numbers (1414, 7111) are kept: spoofed calls show them; e-mails and words are not phones.
  const found = extractIdentifiers(text).filter(
    (i) => i.kind === "phone" || (i.kind === "other" && /^\d{3,6}$/.test(i.value)),
  );
  if (found.length > 0) return ok(found);
  const single = parsePhone(text);
  return single.ok ? ok([single.value]) : fail("not_a_phone");
};

const handlesIn = (text: string): Result<Identifier[]> => {
  const found = extractIdentifiers(text).filter((i) => i.kind !== "card");
  return ok(found.length > 0 ? found : [{ kind: "other", value: text, raw: text }]);
};

/** Phones where one is asked: all that are typed, so that a second one is a question, not a silent pick. */
const phonesStrict = (text: string): Result<Identifier[]> => {
  const found = extractIdentifiers(text).filter((i) => i.kind === "phone");
  if (found.length > 0) return ok(found);
  const single = parsePhone(text);
  return single.ok ? ok([single.value]) : fail(single.error);
};

export const parsers = {
  date: (text: string, now: Date): Result<string> => parseDate(text, now),
  time: (text: string, context?: PartOfDay): Result<string> => parseTime(text, context),
  dateTime: (text: string, now: Date, context?: PartOfDay): Result<DateTime> => parseDateTime(text, now, context),
  amount: (text: string): Result<Money> => parseAmount(text),
  amounts: (text: string): Result<Money[]> => parseAmounts(text),
  phone: (text: string): Result<Identifier> => parsePhone(text),
  phones: phonesIn,
  phonesStrict,
  handles: handlesIn,
  recipient: (raw: string): Result<Recipient> => parseIdentifier(raw),
};

/** The victim's own card: only the last four digits are kept, even if the whole number is typed. */
export function parseLast4(raw: string): Result<string> {
  const digits = raw.replace(/[\s-]/g, "");
  if (/^\d{4}$/.test(digits)) return ok(digits);
  if (/^\d{13,19}$/.test(digits)) return ok(digits.slice(-4));
  const masked = raw.match(/(\d{4})\s*$/);
  return masked ? ok(masked[1]!) : fail("last4");
}

const HOUR = 3600_000;

/** The quick buttons under date questions: today, yesterday, within the last hour. */
export function parseDayChoice(option: string, now: Date): { date: string; time?: string } {
  if (option === "yesterday") return { date: todayIn(new Date(now.getTime() - 24 * HOUR)) };
  if (option === "within_hour") {
    const local = new Date(now.getTime() + 5 * HOUR);
    const time = `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`;
    return { date: todayIn(now), time };
  }
  return { date: todayIn(now) };
}

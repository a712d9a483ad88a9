/**
 * Secret values next to the words that name them: "код был 4821", "4821 кодын айттым",
 * "пароль мамин день рождения 12051965", "кодовое слово Незабудка". Each trigger looks
 * at a bounded number of tokens on either side, so the scan is linear in the text.
 */
import { parseLink } from "../identifiers/handle.js";
import { isAmountContext } from "../identifiers/money-words.js";
import { foldKazakh, LETTERS, WORD_END, WORD_START } from "../identifiers/text.js";
import { firstFrom, lastBefore, type Token } from "./tokens.js";
import { toldDigits } from "./told.js";
import {
  ABLATIVE,
  BEFORE_TRIGGER,
  BIRTHDAY_WORDS,
  BRANDS,
  CONJUNCTIONS,
  COUNT_AFTER,
  DIGITS,
  FILLERS,
  NAME_CASE_ENDING,
  NOT_SECRET_AFTER,
  PASSWORD_FILLERS,
  PASSWORD_STOPS,
  SENDER_WORDS,
  SERVICE_NUMBERS,
  type SecretKind,
  TEMPLATE_WORDS,
  TRIGGERS,
  type Trigger,
  VERB_ENDING,
} from "./words.js";

export interface Mask {
  kind: SecretKind;
  start: number;
  end: number;
}

type Step = { mask: Mask; next: number } | "skip" | "stop" | { count: number };

/** Words before a clock time: "в 14 30", "около 9 15", "сағат 14 30". */
const AT_WORDS = new Set(["в", "во", "к", "около", "примерно", "сагат", "at"]);

/** How many words a value may stand from its trigger. */
const REACH = 8;
/** How many plain words may describe a password before its value: "пароль МАМИН ДЕНЬ РОЖДЕНИЯ 12051965". */
const DESCRIPTION = 4;

const isPunctuation = (token: Token) => /^[-:=,;.—–|/]*$/.test(token.core);

/** A bank, an operator or a service by name, in any case form or as a domain: never a password. */
const isName = (token: Token) =>
  BRANDS.has(token.folded) ||
  NAME_CASE_ENDING.test(token.folded) ||
  /^[\p{L}\d-]+\.(?:kz|ru|com|net|org|қаз)$/u.test(token.folded);

const isFiller = (token: Token) => FILLERS.has(token.folded) || TEMPLATE_WORDS.has(token.folded) || isName(token);

/** The words around a number, read in fixed windows (the money and count tests read no further). */
const around = (text: string, start: number, end: number) => ({
  before: text.slice(Math.max(0, start - 8), start),
  after: text.slice(end, end + 24),
});

const countsSomething = (text: string, end: number) => COUNT_AFTER.test(foldKazakh(text.slice(end, end + 24)));
/** "код из 6 цифр" counts digits; "5512 санын айттым" (four digits and more) names the number itself. */
const NAMES_THE_NUMBER = /^[\s-]*(?:цифр|сан|таңба|танба|символ|знак)/u;
const countsDigits = (text: string, end: number, digits: number) =>
  countsSomething(text, end) && !(digits >= 4 && NAMES_THE_NUMBER.test(foldKazakh(text.slice(end, end + 24))));

/**
 * A number that may be a code, PIN or CVV, starting at token i: digits, possibly in
 * groups ("482 193"), spelled ("төрт сегіз екі бір") or with a Kazakh ending ("4821-ді").
 * Sums, years, phone and card numbers, counts and the numbers codes come from are not values.
 */
function digitValue(tokens: Token[], i: number, kind: "cvv" | "pin" | "code", text: string): Step {
  const first = tokens[i]!;
  const m = /^(\d{1,8}|\d{2,4}(?:-\d{2,4}){1,2}|\d(?:[-.]\d){2,7}|[a-z]-?\d{4,8})(-?\p{L}{1,5})?$/iu.exec(first.core);
  if (!m) return "stop";
  if (m[2] && ABLATIVE.test(foldKazakh(m[2]))) return "skip";
  let last = i;
  let digits = m[1]!.replace(/\D/g, "").length;
  while (
    !m[2] &&
    !first.spelled &&
    tokens[last + 1] &&
    /^\d{1,4}$/.test(tokens[last + 1]!.core) &&
    tokens[last]!.end + 1 === tokens[last + 1]!.start
  ) {
    last++;
    digits += tokens[last]!.core.length;
  }
  const start = first.coreStart;
  const end = last === i ? (first.spelled ? first.coreEnd : first.coreStart + m[1]!.length) : tokens[last]!.coreEnd;
  const { before, after } = around(text, start, end);
  if (digits > 8 || isAmountContext(before, after)) return "stop";
  if (countsDigits(text, end, digits)) return { count: last + 1 };
  if (SERVICE_NUMBERS.has(m[1]!) || SENDER_WORDS.has(tokens[i - 1]?.folded ?? "")) return "skip";
  // "в 14 30": a clock time after a word for "at", not a code.
  const clock = last === i + 1 && /^(?:[01]?\d|2[0-3])$/.test(first.core) && /^[0-5]\d$/.test(tokens[last]!.core);
  if (clock && AT_WORDS.has(tokens[i - 1]?.folded ?? "")) return "stop";
  const [min, max] = DIGITS[kind];
  if (digits < min || digits > max) return "stop";
  return { mask: { kind, start, end }, next: last + 1 };
}

/** A date, a time or a phone number near the word "пароль": not the password, unless it is described as a birthday. */
const DATE_OR_TIME = /^\d{1,4}[./:-]\d{1,2}(?:[./:-]\d{1,4})?$/;

/** Where a value stands after its trigger. */
interface Place {
  /** No describing word and no value before it. */
  first: boolean;
  /** Nothing at all between the trigger and it. */
  direct: boolean;
  /** The password was described as a birthday: a date is the value. */
  birthday: boolean;
}

/** A password with a "!" at its end keeps it under the mask ("Halyk2024!"): hiding a full stop's cousin costs nothing. */
const wordMask = (token: Token, i: number): Step => ({
  mask: {
    kind: "password",
    start: token.coreStart,
    end: token.coreEnd + (/^[!?]+/.exec(token.trail)?.[0].length ?? 0),
  },
  next: i + 1,
});

/** A password: a token with a digit, a sign or Latin letters; or a word marked as the value (after ":", in quotes, capitalised right after "пароль"). */
function passwordValue(tokens: Token[], i: number, text: string, place: Place): Step {
  const token = tokens[i]!;
  const { core, folded } = token;
  if (PASSWORD_STOPS.has(folded)) return "stop";
  if (PASSWORD_FILLERS.has(folded) || FILLERS.has(folded) || isName(token) || core.includes("@") || parseLink(core).ok)
    return "skip";
  if (!/\d|[^\p{L}\p{N}\s]|[a-z]/iu.test(core)) {
    const last = i === tokens.length - 1 || token.clauseEnd;
    const marked =
      token.quoted || (place.direct && (token.afterColon || /^\p{Lu}/u.test(core))) || (token.afterColon && last);
    return place.first && marked && core.length >= 3 ? wordMask(token, i) : "stop";
  }
  if ((DATE_OR_TIME.test(core) && !place.birthday) || (/^\d{9,}$/.test(core) && !token.afterColon)) return "stop";
  if (/^\d+$/.test(core)) {
    const { before, after } = around(text, token.coreStart, token.coreEnd);
    if (isAmountContext(before, after)) return "stop";
    if (countsSomething(text, token.coreEnd)) return { count: i + 1 };
  }
  return core.length < 3 ? "stop" : wordMask(token, i);
}

/**
 * A code word: the word right after "кодовое слово" if it ends the sentence, or only a
 * verb follows it, and is no verb ("кодовое слово незабудка", "кодовое слово ромашка назвала"), or the first word marked as one (capitalised, quoted,
 * after ":"), also after a few describing words ("…девичья фамилия Иванова").
 */
function wordValue(tokens: Token[], i: number, place: Place): Step {
  const token = tokens[i]!;
  const { core, folded } = token;
  if (PASSWORD_STOPS.has(folded)) return "stop";
  if (FILLERS.has(folded) || PASSWORD_FILLERS.has(folded) || isName(token)) return "skip";
  if (!/^[\p{L}\d-]{2,}$/u.test(core)) return "stop";
  if (token.afterColon || token.quoted || /^\p{Lu}/u.test(core)) return wordMask(token, i);
  const last = i === tokens.length - 1 || token.clauseEnd;
  // «кодовое слово ромашка назвала»: the word, then only the verb that tells what was done with it.
  const next = tokens[i + 1];
  const thenVerb =
    next !== undefined && VERB_ENDING.test(next.folded) && (i + 1 === tokens.length - 1 || next.clauseEnd);
  return place.first && (last || thenVerb) && !VERB_ENDING.test(folded) ? wordMask(token, i) : "stop";
}

/** What the detector put there itself ("•••", "•••• 6789"): already masked, never a value again. */
const MASKED = /^[•]+$/u;

const valueAt = (tokens: Token[], i: number, trigger: Trigger, text: string, place: Place): Step =>
  MASKED.test(tokens[i]!.core)
    ? "stop"
    : trigger.shape === "digits"
      ? digitValue(tokens, i, trigger.kind as "cvv" | "pin" | "code", text)
      : trigger.shape === "password"
        ? passwordValue(tokens, i, text, place)
        : wordValue(tokens, i, place);

/** Values after a trigger: "код был 4821", "пароль от egov Qwe!23", "коды 4821 және 5532". */
function after(tokens: Token[], from: number, trigger: Trigger, text: string): Mask[] {
  const masks: Mask[] = [];
  let skipped = 0;
  let described = 0;
  let birthday = false;
  for (let i = from; i < tokens.length && skipped <= REACH; ) {
    const token = tokens[i]!;
    if (isPunctuation(token) || (masks.length > 0 && CONJUNCTIONS.has(token.folded))) {
      i++;
      continue;
    }
    const place = { first: described === 0 && masks.length === 0, direct: i === from, birthday };
    const step = valueAt(tokens, i, trigger, text, place);
    if (typeof step === "object" && "mask" in step) {
      masks.push(step.mask);
      // One password or code word per trigger; codes may come in twos ("4821 и 5532").
      if (trigger.shape !== "digits") break;
      i = step.next;
      skipped = 0;
      continue;
    }
    if (typeof step === "object") {
      // "код из 6 цифр: 482193": the count and its word are stepped over.
      skipped += 2;
      i = step.count + 1;
      continue;
    }
    const words = trigger.shape !== "digits";
    // "пароль сказала, потом…": a refusal or the end of the clause ends the search for a password.
    if (words && (PASSWORD_STOPS.has(token.folded) || (token.clauseEnd && step !== "skip"))) break;
    if (step === "skip" || isFiller(token) || SENDER_WORDS.has(token.folded)) {
      if (words && token.clauseEnd) break;
      skipped++;
      i++;
      continue;
    }
    // A plain word may describe a password or a code word ("мамин день рождения"), up to the end of the clause.
    if (!words || !/^\p{L}+$/u.test(token.core) || described >= DESCRIPTION) break;
    described++;
    birthday ||= BIRTHDAY_WORDS.test(token.folded);
    i++;
  }
  return masks;
}

/** A value just before a trigger, as Kazakh and SMS texts put it: "4821 кодын айттым", "482193 — ваш код". */
function before(tokens: Token[], to: number, trigger: Trigger, text: string): Mask[] {
  if (trigger.shape === "word") return [];
  for (let i = to, skipped = 0; i >= 0 && skipped <= 4; i--, skipped++) {
    const token = tokens[i]!;
    if (isPunctuation(token) || BEFORE_TRIGGER.has(token.folded) || (skipped > 0 && isName(token))) continue;
    // "логин aigul, пароль …": a value ends before a comma or a full stop, not in another clause.
    if (token.clauseEnd) return [];
    if (trigger.shape === "password" && (!/\d|[^\p{L}\s]/u.test(token.core) || isName(token))) return [];
    // Step back to the first group of "482 193".
    let start = i;
    while (start > 0 && /^\d{1,4}$/.test(tokens[start]!.core) && /^\d{1,4}$/.test(tokens[start - 1]!.core)) start--;
    const step = valueAt(tokens, start, trigger, text, { first: false, direct: false, birthday: false });
    return typeof step === "object" && "mask" in step && step.next > i ? [step.mask] : [];
  }
  return [];
}

const TRIGGER_RES = TRIGGERS.map((trigger) => ({
  trigger,
  re: new RegExp(
    // A digit may follow at once: "код4821" (the tokens split it).
    `${WORD_START}(?:${trigger.source})(?![\\p{L}_])(?!\\s+(?:${NOT_SECRET_AFTER})${WORD_END})`,
    "gu",
  ),
}));

/** "4821 деп айттым", "мен 4821 дедім": a number said aloud, with no word for what it was. */
const SAID = new RegExp(
  `${WORD_START}(?:(?:деп|деген)\\s+(?:айт|жаз|жибер)${LETTERS}|дедим|дедик|деди)${WORD_END}`,
  "gu",
);

/** The trigger's own word ends a sentence (or, for a password, a clause): nothing after it is its value. */
const stopsAfter = (token: Token, trigger: Trigger) =>
  /[.;!?]/.test(token.trail) || (trigger.shape !== "digits" && token.trail.includes(","));

/** Every secret value next to a word that names it. */
export function valueMasks(text: string, folded: string, tokens: Token[]): Mask[] {
  const masks: Mask[] = [];
  for (const { trigger, re } of TRIGGER_RES) {
    if (!trigger.needles.some((needle) => folded.includes(needle))) continue;
    for (const m of folded.matchAll(re)) {
      const end = m.index + m[0].length;
      const previous = lastBefore(tokens, m.index);
      if (trigger.told && !toldDigits(tokens, previous + 1)) continue;
      const next = firstFrom(tokens, end);
      // "пароль, я не сказала": a sentence that ends with the word gives no value after it.
      const ends = next > 0 && tokens[next - 1]!.coreEnd <= end && stopsAfter(tokens[next - 1]!, trigger);
      if (next >= 0 && !ends) masks.push(...after(tokens, next, trigger, text));
      if (previous >= 0) masks.push(...before(tokens, previous, trigger, text));
    }
  }
  const code = TRIGGERS.find((t) => t.kind === "code")!;
  for (const m of folded.matchAll(SAID)) {
    const i = lastBefore(tokens, m.index);
    if (i >= 0 && /^\d/.test(tokens[i]!.core)) masks.push(...before(tokens, i, code, text));
  }
  return masks;
}

/**
 * What the person is answering decides what a bare number means. A questionnaire step
 * (and each input the bot awaits outside it) declares the kind of its answer; the
 * delivery layer applies the policy of that kind before anything is stored.
 */
import { SERVICE_NUMBERS, type SecretKind } from "./words.js";

export type AnswerKind =
  /** Free text that may tell anything: the story, a described call. */
  | "story"
  /** A name, a city, a lender, a unit: no digits are asked for. */
  | "words"
  /** Dates, times, sums, phone and reference numbers. */
  | "numbers"
  /** The last four digits of the person's own card. */
  | "own_card_last4"
  /** A recipient's or a caller's identifier, a number to check: cards are kept whole. */
  | "someone_elses"
  /** A question answered with buttons; typed text is not its answer. */
  | "buttons";

export interface SecretPolicy {
  /** Cards typed now are someone else's (kept whole), unless typed with an expiry date. */
  othersCards: boolean;
  /** A message that is only a number of these lengths is this kind of secret. */
  lone: { kind: SecretKind; digits: [number, number] }[];
}

/** Where no digits are asked, a message of 4–6 digits alone is a code from an SMS, typed by mistake. */
const LONE_CODE = { kind: "code" as const, digits: [4, 6] as [number, number] };

export const SECRET_POLICIES: Record<AnswerKind, SecretPolicy> = {
  story: { othersCards: false, lone: [LONE_CODE] },
  words: { othersCards: false, lone: [LONE_CODE] },
  buttons: { othersCards: false, lone: [LONE_CODE] },
  numbers: { othersCards: false, lone: [] },
  // Three digits where four are asked are the CVV from the back of the card; five to eight, a code.
  own_card_last4: {
    othersCards: false,
    lone: [
      { kind: "cvv", digits: [3, 3] },
      { kind: "code", digits: [5, 8] },
    ],
  },
  someone_elses: { othersCards: true, lone: [] },
};

/**
 * Where nothing says what the person is answering (outside the questionnaire, a
 * conversation that declares nothing), a bare number may be a sum or a reference:
 * only secrets named by words are masked, and cards the words do not show to be
 * someone else's are cut.
 */
const UNKNOWN: SecretPolicy = { othersCards: false, lone: [] };

export const policyFor = (kind: AnswerKind | undefined): SecretPolicy => (kind ? SECRET_POLICIES[kind] : UNKNOWN);

/** The whole message as one number ("417", "482 193", "48-21-93"), masked when the policy says it is a secret. */
export function loneSecret(
  text: string,
  policy: SecretPolicy,
): { kind: SecretKind; start: number; end: number } | undefined {
  const m = /^\s*(\d(?:[\d -]*\d)?)\s*[.!]?\s*$/.exec(text);
  if (!m) return undefined;
  const digits = m[1]!.replace(/\D/g, "");
  if (SERVICE_NUMBERS.has(digits)) return undefined;
  const rule = policy.lone.find((r) => digits.length >= r.digits[0] && digits.length <= r.digits[1]);
  if (!rule) return undefined;
  const start = text.indexOf(m[1]!);
  return { kind: rule.kind, start, end: start + m[1]!.length };
}

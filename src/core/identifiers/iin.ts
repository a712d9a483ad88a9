import { isRealDate } from "./dates.js";
import { fail, ok, type Parsed } from "./result.js";
import { cleanInput } from "./text.js";

export type IinError = "empty" | "not_an_iin" | "iin_date" | "iin_century" | "iin_checksum";

export interface Iin {
  iin: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: "male" | "female";
}

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

const weighted = (digits: number[], weights: number[]): number =>
  weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11;

/** The control digit of the first 11 digits, or undefined when no digit fits (such IINs are never issued). */
export function iinCheckDigit(first11: string): number | undefined {
  const digits = [...first11].map(Number);
  const first = weighted(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(digits, SECOND_WEIGHTS);
  return second === 10 ? undefined : second;
}

/**
 * A Kazakh IIN: YYMMDD, a century-and-sex digit (1–6: odd male, even female; 1–2 the
 * 1800s, 3–4 the 1900s, 5–6 the 2000s), a serial and a check digit. Used to notice that
 * a person typed their IIN, which is personal data.
 */
export function parseIin(raw: string): Parsed<Iin, IinError> {
  const text = cleanInput(raw).replace(/[\s-]/g, "");
  if (!text) return fail("empty");
  if (!/^\d{12}$/.test(text)) return fail("not_an_iin");
  const centuryDigit = Number(text[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return fail("iin_century");
  const year = 1800 + 100 * Math.floor((centuryDigit - 1) / 2) + Number(text.slice(0, 2));
  const month = Number(text.slice(2, 4));
  const day = Number(text.slice(4, 6));
  if (!isRealDate({ year, month, day })) return fail("iin_date");
  if (iinCheckDigit(text.slice(0, 11)) !== Number(text[11])) return fail("iin_checksum");
  const birthDate = `${year}-${text.slice(2, 4)}-${text.slice(4, 6)}`;
  return ok({ iin: text, birthDate, sex: centuryDigit % 2 === 1 ? "male" : "female" });
}

export const isIin = (raw: string): boolean => parseIin(raw).ok;

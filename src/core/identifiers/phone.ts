import type { Identifier } from "../report/answers.js";
import { fail, ok, type Parsed } from "./result.js";
import { cleanInput, digitsOf } from "./text.js";

export type PhoneError = "empty" | "not_a_phone" | "too_short" | "too_long" | "missing_plus";

/** Digits, spaces, dots, dashes and brackets, with one optional leading "+". */
const PHONE_CHARS = /^\+?[\d\s().-]+$/;

/** Kazakh mobile codes after +7 (DOMAIN.md: 70x, 747, 75x, 76x, 77x). */
const KZ_MOBILE = /^7(?:0[0-8]|47|5[01]|6[0-4]|7[15-8])/;
/** Area codes of fixed lines: 71x (north, centre, west), 72x (south, east). */
const KZ_LANDLINE = /^7[12]/;

/**
 * The national part after +7 decides the country: 7xx is Kazakhstan, 3xx/4xx/8xx/9xx
 * Russia. Anything else is not a number in the shared +7 zone.
 */
function zone7(national: string): "kz" | "ru" | undefined {
  if (national.length !== 10) return undefined;
  if (national[0] === "7") return "kz";
  if ("3489".includes(national[0]!)) return "ru";
  return undefined;
}

function fromZone7(national: string, raw: string): Parsed<Identifier, PhoneError> {
  const zone = zone7(national);
  if (!zone) return fail("not_a_phone");
  const value = `+7${national}`;
  return ok(zone === "kz" ? { kind: "phone", value, raw } : { kind: "phone", value, raw, foreign: true });
}

function international(digits: string, raw: string): Parsed<Identifier, PhoneError> {
  // "+8 701 …" is a common slip for "8 701 …": no real country code starts with 87 and
  // is followed by a Kazakh mobile number.
  if (digits.length === 11 && digits.startsWith("87")) return fromZone7(digits.slice(1), raw);
  if (digits.startsWith("7")) {
    if (digits.length < 11) return fail("too_short");
    if (digits.length > 11) return fail("too_long");
    return fromZone7(digits.slice(1), raw);
  }
  if (digits.startsWith("0")) return fail("not_a_phone");
  if (digits.length < 8) return fail("too_short");
  if (digits.length > 15) return fail("too_long");
  return ok({ kind: "phone", value: `+${digits}`, raw, foreign: true });
}

/**
 * A phone number as people write it in Kazakhstan: "8 701 234 56 78", "+7(701)234-56-78",
 * "7012345678". Kazakh numbers come back in E.164; numbers of other countries (Russia's
 * +7 9xx too) are flagged `foreign`. A short service number (1414, 7111, 102) is not an
 * error — spoofed calls show them — and comes back as kind `other`.
 */
export function parsePhone(raw: string): Parsed<Identifier, PhoneError> {
  const text = cleanInput(raw);
  if (!text) return fail("empty");
  if (!PHONE_CHARS.test(text)) return fail("not_a_phone");
  const digits = digitsOf(text);
  if (text.startsWith("+")) return international(digits, raw);
  if (digits.startsWith("00")) return international(digits.slice(2), raw);
  // The old Soviet international prefix: 8, wait for the tone, 10.
  if (digits.startsWith("810") && digits.length > 12) return international(digits.slice(3), raw);
  if (digits.length >= 3 && digits.length <= 6) return ok({ kind: "other", value: digits, raw });
  if (digits.length === 11 && (digits[0] === "8" || digits[0] === "7")) return fromZone7(digits.slice(1), raw);
  if (digits.length === 10 && (digits[0] === "7" || digits[0] === "9")) return fromZone7(digits, raw);
  if (digits.length < 3) return fail("not_a_phone");
  if (digits.length < 10) return fail("too_short");
  if (digits.length <= 15 && digits.length > 11) return fail("missing_plus");
  return fail(digits.length > 15 ? "too_long" : "not_a_phone");
}

/** A short service number (3–6 digits): 102, 1414, 7111. */
export function parseShortNumber(raw: string): Parsed<Identifier, "not_a_short_number"> {
  const text = cleanInput(raw);
  if (!/^[\d\s-]+$/.test(text)) return fail("not_a_short_number");
  const digits = digitsOf(text);
  if (digits.length < 3 || digits.length > 6) return fail("not_a_short_number");
  return ok({ kind: "other", value: digits, raw });
}

/** For an E.164 number: a Kazakh mobile or fixed line, or undefined (foreign or unknown code). */
export function kzLineType(e164: string): "mobile" | "landline" | undefined {
  if (!/^\+77\d{9}$/.test(e164)) return undefined;
  const national = e164.slice(2);
  if (KZ_MOBILE.test(national)) return "mobile";
  if (KZ_LANDLINE.test(national)) return "landline";
  return undefined;
}

/** "+7 701 234 56 78" for the +7 zone; other numbers as stored. */
export function formatPhone(e164: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+7 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : e164;
}

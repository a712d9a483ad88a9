import type { Bank } from "../model.js";
import type { Identifier } from "../report/answers.js";
import { fail, ok, type Parsed } from "./result.js";
import { cleanInput } from "./text.js";

export type IbanError = "empty" | "not_an_iban" | "iban_length" | "iban_checksum";

/**
 * IBAN lengths of the countries a Kazakh victim's money is likely to meet (ISO 13616
 * registry). A country not listed is checked by the general 15–34 rule and mod-97.
 */
// biome-ignore format: a table reads better in rows
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28,
  CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, EG: 29, ES: 24, FI: 18, FR: 27, GB: 22,
  GE: 22, GR: 27, HR: 21, HU: 28, IE: 22, IL: 23, IT: 27, KW: 30, KZ: 20, LT: 20, LU: 20,
  LV: 21, MD: 24, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, RS: 22, RU: 33, SA: 24, SE: 24,
  SI: 19, SK: 24, TR: 26, UA: 29,
};

/** Only the codes known for certain (DOMAIN.md); any other bank is left undefined. */
const KZ_BANK_CODES: Record<string, Bank> = { "722": "kaspi", "601": "halyk" };

/** ISO 7064 mod 97-10 over the rearranged IBAN, letters as 10..35, in chunks to stay exact. */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const piece = code >= 65 ? String(code - 55) : char;
    remainder = Number(`${remainder}${piece}`) % 97;
  }
  return remainder;
}

/** Spaces, dashes and lowercase are common when people copy an IBAN from an app. */
const compact = (raw: string): string => cleanInput(raw).replace(/[\s-]/g, "").toUpperCase();

/**
 * A Kazakh IBAN (KZ, 2 check digits, 3-digit bank code, 13 characters: 20 in all) or
 * any other country's IBAN that passes mod-97, then flagged `foreign`. The value is
 * compact and uppercase: "KZ86125KZT5004100100".
 */
export function parseIban(raw: string): Parsed<Identifier, IbanError> {
  const iban = compact(raw);
  if (!iban) return fail("empty");
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return fail("not_an_iban");
  const country = iban.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  if (expected !== undefined ? iban.length !== expected : iban.length < 15 || iban.length > 34) {
    return fail("iban_length");
  }
  if (country === "KZ" && !/^KZ\d{5}[A-Z0-9]{13}$/.test(iban)) return fail("not_an_iban");
  if (ibanMod97(iban) !== 1) return fail("iban_checksum");
  return ok(country === "KZ" ? { kind: "iban", value: iban, raw } : { kind: "iban", value: iban, raw, foreign: true });
}

/** The bank of a Kazakh IBAN by its 3-digit code (positions 5–7), when known for certain. */
export function bankFromIban(iban: string): Bank | undefined {
  const value = compact(iban);
  if (!value.startsWith("KZ")) return undefined;
  return KZ_BANK_CODES[value.slice(4, 7)];
}

/** "KZ86 125K ZT50 0410 0100": groups of four, as printed on statements. */
export const formatIban = (iban: string): string => compact(iban).replace(/(.{4})(?=.)/g, "$1 ");

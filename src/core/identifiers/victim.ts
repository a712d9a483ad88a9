/**
 * What a person types about the victim in one message: name, IIN, date of birth,
 * address, phone and account, in any order, with or without labels:
 * «Сапарова Гульнара, ИИН 610312400123, 12.03.1961, г. Шымкент, ул. Тауке хана 12-5,
 * +7 701 765 43 21». And the phone that received the calls with the device.
 */
import type { Identifier, Victim } from "../report/answers.js";
import { findBirthDate } from "./dates.js";
import { findIdentifiers } from "./extract.js";
import { parseIin } from "./iin.js";
import { findPlace } from "./regions.js";
import { fail, ok, type Parsed } from "./result.js";
import { foldKazakh, LETTERS, squeezeSpaces, WORD_END, WORD_START } from "./text.js";

export type VictimError = "iin_checksum" | "iin_birth_mismatch" | "several_phones" | "empty";

/** Labels people put before the parts: never part of a value. */
const LABELS = new RegExp(
  `${WORD_START}(?:фио|ф\\.и\\.о\\.?|имя|фамилия|аты-жони|аты жони|аты|тегi|иин|жсн|iin|дата рождения|д\\.р\\.?|туган кун${LETTERS}|туган|адрес|мекенжай${LETTERS}|мекен-жай${LETTERS}|тел\\.?|телефон${LETTERS}|номер${LETTERS}|нөмир${LETTERS}|номир${LETTERS}|сч[её]т|шот${LETTERS}|iban|иибан)${WORD_END}[.:]?`,
  "gu", // no "i": matched on folded (lowercased) text
);
/** Words that begin an address: city, street, district, house, flat. */
const ADDRESS_START = new RegExp(
  `${WORD_START}(?:г\\.|город${LETTERS}|гор\\.|кала${LETTERS}|ул\\.|улиц${LETTERS}|кош${LETTERS}|мкр\\.?|микрорайон${LETTERS}|шагын аудан${LETTERS}|ыкшам аудан${LETTERS}|пр\\.|просп${LETTERS}|дангыл${LETTERS}|пер\\.|переул${LETTERS}|с\\.|село|ауыл${LETTERS}|пос\\.|посел${LETTERS}|р-н|район${LETTERS}|аудан${LETTERS}|обл\\.?|облас${LETTERS}|облыс${LETTERS}|д\\.|дом|уй|кв\\.?|квартир${LETTERS}|пэтер${LETTERS})(?![\\p{L}\\p{N}_])`,
  "u", // no "i": matched on folded (lowercased) text
);

/** An IIN typed with a slip: twelve digits, not a valid IIN. */
const TWELVE_DIGITS = /(?<![\p{N}])\d{12}(?![\p{N}])/u;

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

/**
 * Blanks what `re` (written for folded text) finds, keeping the original letters elsewhere.
 * Built in one pass: a text of many labels («на на на …») costs its length, not its square.
 */
function blankFolded(text: string, re: RegExp): string {
  let out = "";
  let cursor = 0;
  for (const m of foldKazakh(text).matchAll(re)) {
    out += text.slice(cursor, m.index) + " ".repeat(m[0].length);
    cursor = m.index + m[0].length;
  }
  return out + text.slice(cursor);
}

/** A name is two to four words of letters (a hyphen or an initial allowed), no digits. */
const looksLikeName = (part: string) =>
  /^[\p{Lu}][\p{L}'’-]*\.?(?:\s+[\p{L}][\p{L}'’-]*\.?){1,3}$/u.test(part) && !ADDRESS_START.test(foldKazakh(part));

export interface VictimParse {
  victim: Victim;
  iban?: Identifier;
}

/**
 * The parts of the victim's identity found in the text. An IIN is checked (its check
 * digit and its date of birth against a date given too); a second phone is refused.
 */
export function parseVictim(raw: string, now: Date): Parsed<VictimParse, VictimError> {
  let rest = raw.replace(/\r/g, "");
  const victim: Victim = {};
  let iban: Identifier | undefined;
  const phones: Identifier[] = [];
  for (const span of findIdentifiers(rest)) {
    if (span.identifier.kind === "phone") phones.push(span.identifier);
    else if (span.identifier.kind === "iban") iban = span.identifier;
    else continue;
    rest = blank(rest, span.start, span.end);
  }
  if (phones.length > 1) return fail("several_phones");
  if (phones[0]) victim.phone = phones[0];
  const twelve = TWELVE_DIGITS.exec(rest);
  if (twelve) {
    const iin = parseIin(twelve[0]);
    if (!iin.ok) return fail("iin_checksum");
    victim.iin = iin.value.iin;
    rest = blank(rest, twelve.index, twelve.index + 12);
  }
  const born = findBirthDate(rest, now);
  if (born) {
    victim.birthDate = born.date;
    rest = blank(rest, born.start, born.end);
  }
  if (victim.iin && victim.birthDate && parseIin(victim.iin).ok) {
    const fromIin = parseIin(victim.iin);
    if (fromIin.ok && fromIin.value.birthDate !== victim.birthDate) return fail("iin_birth_mismatch");
  }
  const parts = blankFolded(rest, LABELS)
    .split(/[\n;,]+/)
    // A stop left alone by a blanked label ("Ким Ольга.  .") is not part of a value.
    .map((p) => squeezeSpaces(p.replace(/\s+\.(?=\s|$)/g, " ")).replace(/^[-–:.\s]+|[-–:\s]+$/g, ""))
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
  const address: string[] = [];
  for (const part of parts) {
    const folded = foldKazakh(part);
    const at = ADDRESS_START.exec(folded)?.index ?? (findPlace(part) ? 0 : -1);
    const head = at > 0 ? squeezeSpaces(part.slice(0, at)) : at === 0 ? "" : part;
    if (head && !victim.name && looksLikeName(head)) {
      victim.name = head.replace(/(\p{L}{2,})\.$/u, "$1");
      if (at > 0) address.push(squeezeSpaces(part.slice(at)));
      continue;
    }
    address.push(part);
  }
  if (address.length) victim.address = address.join(", ");
  if (Object.keys(victim).length === 0 && !iban) return fail("empty");
  return ok(iban ? { victim, iban } : { victim });
}

/** Words that point back to a number or a device already named, ru, kk, en (folded). */
const POINTING_BACK = [
  "эт(?:от|а|о|ого|ому|ом|у)",
  "т(?:от|а|о|ого|ому|ом|у)",
  "же",
  "сам(?:ый|ая|ое|ого|ому|ом|ую)",
  `такой|такая|прежн${LETTERS}|тот\\s+же`,
  "сол|осы|бул|баягы|алги|ози|озим|сонда|ол",
  `мамин${LETTERS}|мам[аыуе]|папин${LETTERS}|пап[аыуе]|ана|акем|анамдыкы`,
  "same|this|that|the|number|phone",
].join("|");

/**
 * Words around a device's name that are not the name: labels, and the words that point back
 * to a number already given («на этот же номер», «тот самый», «сол нөмірге», «мамин номер»).
 */
const DEVICE_LABELS = new RegExp(
  `${WORD_START}(?:звонили|звонил${LETTERS}|на|номер${LETTERS}|мой|мо[йея]|телефон${LETTERS}|тел\\.?|с|смартфон${LETTERS}|модель|устройств${LETTERS}|курылгы${LETTERS}|маган|менин|нөмир${LETTERS}|номир${LETTERS}|хабарласты|конырау шалды|аркылы|анамнын|акемнин|онын|был|была|было|и|жане|${POINTING_BACK})${WORD_END}[.:]?`,
  "gu", // no "i": matched on folded (lowercased) text
);

export interface DeviceParse {
  phone?: Identifier;
  device?: string;
}

/** "+7 705 111 22 33, Samsung A52": the number that received the calls, and the device. */
export function parseDevice(raw: string): Parsed<DeviceParse, "several_phones" | "empty"> {
  let rest = raw;
  const phones: Identifier[] = [];
  for (const span of findIdentifiers(raw)) {
    if (span.identifier.kind !== "phone") continue;
    phones.push(span.identifier);
    if (phones.length > 1) return fail("several_phones");
    rest = blank(rest, span.start, span.end);
  }
  const device = squeezeSpaces(blankFolded(rest, DEVICE_LABELS).replace(/[,;()]+/g, " ")).replace(
    /^[-–:.\s]+|[-–:.\s]+$/g,
    "",
  );
  const out: DeviceParse = {};
  if (phones[0]) out.phone = phones[0];
  if (/\p{L}/u.test(device)) out.device = device;
  return out.phone || out.device ? ok(out) : fail("empty");
}

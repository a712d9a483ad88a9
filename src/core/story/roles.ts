/**
 * Whose a card, a phone or a bank named in a story is, by the words just before it:
 * «с моей карты Kaspi» and «каспидегі картасынан» are the victim's own; «на карту
 * 4400 …», «получатель», «картаға» are the recipient's; «мне на номер» is the phone
 * that received the call. The nearest marker wins; no marker, no role.
 */
import { foldKazakh } from "../identifiers/text.js";

export type Role = "own" | "recipient" | "receiving";

// biome-ignore format: tables read better in rows
const MARKERS: [Role, RegExp][] = [
  ["own", /(?<![\p{L}])(?:мо[йяеюё]\p{L}*|сво[йея]\p{L}*|менин|анамнын|акемнин|ата[-\s]?анамнын|с карт\p{L}*|со сч[её]т\p{L}*|картамнан|картасынан|картамды|картасын|картасынын|шотымнан|шотынан|с кашпи|своей карт\p{L}*)(?![\p{L}])/gu],
  ["recipient", /(?<![\p{L}])(?:на карт\p{L}*|на сч[её]т\p{L}*|на номер\p{L}*|по номеру|получател\p{L}*|кому|картага|картасына|шотка|шотына|нөмирине|номирине|нөмирге|номирге|алушы\p{L}*|переве\p{L}*|отправ\p{L}*|перечисл\p{L}*|скинул\p{L}*|аудар\p{L}*|жибер\p{L}*)(?![\p{L}])/gu],
  ["receiving", /(?<![\p{L}])(?:мне на номер\p{L}*|мне на телефон\p{L}*|мне на|на мой|на мо[йею] номер|мой номер|мой телефон|на номер мам\p{L}*|на телефон мам\p{L}*|маган|менин номир\p{L}*|менин телефон\p{L}*|анама|анамнын номир\p{L}*|анамнын телефон\p{L}*)(?![\p{L}])/gu],
];

const WINDOW = 40;

/**
 * The role of what starts at `start` in `text`, read from the words within 40 characters
 * before it and after the previous number (a marker belongs to the nearest number).
 */
export function roleBefore(text: string, start: number): Role | undefined {
  const window = foldKazakh(text.slice(Math.max(0, start - WINDOW), start));
  const lastDigit = Math.max(-1, ...[...window.matchAll(/\d/g)].map((m) => m.index));
  const before = window.slice(lastDigit + 1);
  let best: { role: Role; end: number; start: number } | undefined;
  for (const [role, re] of MARKERS) {
    for (const m of before.matchAll(re)) {
      const end = m.index + m[0].length;
      // The marker nearest the number wins; of two ending together, the longer («мне на номер»).
      if (!best || end > best.end || (end === best.end && m.index < best.start)) best = { role, end, start: m.index };
    }
  }
  return best?.role;
}

/** Own-card words right after a bank's name: «каспидегі картасы», «Kaspi Gold картам». */
const OWN_AFTER =
  /^\p{L}*\s*(?:gold|голд|red|ред)?\s*(?:картас\p{L}*|картам\p{L}*|карточк\p{L}*|приложени\p{L}*|косымша\p{L}*)/u;

/** Whether a bank named at `start`–`end` is the victim's own bank. */
export function isOwnBankMention(text: string, start: number, end: number): boolean {
  if (roleBefore(text, start) === "own") return true;
  return OWN_AFTER.test(foldKazakh(text.slice(end, end + 30)));
}

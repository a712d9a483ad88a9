/**
 * Whose a card, a phone, an account or a bank named in free text is — the one reader of
 * it, for the story's pre-fill and for the secret detector (which keeps a recipient's
 * card whole and cuts the person's own), so the two can never disagree.
 * «с моей карты», «4400 … картамнан», «менің картам» are the victim's own; «на карту»,
 * «получатель», «… картасына аудардым», «…-ға», and a bare «на» after a transfer or a
 * sum («перевела 50 000 на 4400 …») are the recipient's; «мне на номер» is the phone
 * that received the call. Words right after the number (Kazakh endings) win, then the
 * nearest marker before it; no marker, no role. Reads bounded windows only.
 */
import { foldKazakh, LETTER, LETTERS } from "../identifiers/text.js";

export type Role = "own" | "recipient" | "receiving";

/** A transfer verb that sends money onward to what follows «на». */
const SEND = `переве${LETTERS}|перев[её]л${LETTERS}|скинул${LETTERS}|отправил${LETTERS}|перечислил${LETTERS}|закинул${LETTERS}|кинул${LETTERS}|положил${LETTERS}|оплатил${LETTERS}|ушл${LETTERS}|уш[её]л`;

// biome-ignore format: tables read better in rows
const MARKERS: [Role, RegExp][] = [
  ["own", new RegExp(`(?<![\\p{L}])(?:мо[йяеюё]${LETTERS}|сво[йея]${LETTERS}|менин|озимнин|my|анамнын|акемнин|ата[-\\s]?анамнын|с карт${LETTERS}|со сч[её]т${LETTERS}|картам|картамнын|картамнан|картасынан|картамды|картасын|картасынын|шотымнан|шотынан|с кашпи)(?![\\p{L}])`, "gu")],
  ["recipient", new RegExp(`(?<![\\p{L}])(?:(?:алушы|алаяк|мошенни)${LETTERS} (?:карт|шот|номер|нөмир|номир|сч[её]т)${LETTERS}|на (?:(?:его|ее|её|их|чужую|эту|ту|другую|указанную) )?(?:карт${LETTERS}|карточк${LETTERS}|сч[её]т${LETTERS}|номер${LETTERS})|по номеру|получател${LETTERS}|кому|картага|картасына|шотка|шотына|нөмирине|номирине|нөмирге|номирге|алушы${LETTERS}|мошенни${LETTERS}|алаяк${LETTERS}|дроп${LETTERS}|(?:его|ее|её|их|онын|олардын) (?:карт${LETTERS}|номер${LETTERS})|(?:${SEND}) (?:${LETTER}+ ){0,3}на)(?![\\p{L}])`, "gu")],
  ["receiving", new RegExp(`(?<![\\p{L}])(?:мне на номер${LETTERS}|мне на телефон${LETTERS}|мне на|на мой|на мо[йею] номер|мой номер|мой телефон|на номер мам${LETTERS}|на телефон мам${LETTERS}|маган|менин номир${LETTERS}|менин телефон${LETTERS}|анама|анамнын номир${LETTERS}|анамнын телефон${LETTERS})(?![\\p{L}])`, "gu")],
];

/** Right after the number, Kazakh style: «4400 … картамнан», «… деген картам». */
const OWN_AFTER = new RegExp(`^[\\s,:-]*(?:деген\\s+)?(?:картам${LETTERS}|картадан|менин|озимнин)(?![\\p{L}])`, "u");
/** Right after the number, Kazakh style: «… картасына аудардым», «…-ға жібердім», «… және 5536 … карталарына». */
const OTHERS_AFTER = new RegExp(
  `^(?:-?(?:га|ге|ка|ке|на|не)(?![\\p{L}])|[\\s,:-]*(?:(?:жане|и|,)\\s*\\d[\\d\\s-]{8,24}\\d[\\s,]*)?(?:\\(?${LETTER}+\\)?\\s+){0,2}(?:картасына|карталарына|картага|шотына|шоттарына|номерине|нөмирине|номирине|номерлерине|нөмирлерине)(?![\\p{L}])|[\\s,:-]*(?:аудард|жиберд|салд)${LETTERS})`,
  "u",
);

/** The words after that name money going there (a card, an account, a transfer), not only "to the number". */
const MONEY_AFTER = /карт|шот|аудард|жиберд|салд/u;

/** A bare «на» ends the words before the number, after a sum or with nothing but words. */
const BARE_NA = new RegExp(
  `^[\\s,]*(?:(?:тг|тенге|теңге|₸|kzt|тыс${LETTERS}|мын${LETTERS}|млн|\\$|долл${LETTERS}|руб${LETTERS})\\.?\\s*)?на[\\s:]*$`,
  "u",
);
const ENDS_WITH_NA = /(?:^|[^\p{L}])на[\s:]*$/u;
/** A transfer said before the bare «на», up to a comma: «перевела 50 000 и 20 000 на …», «ушли на …». */
const SENT_IN_CLAUSE = new RegExp(`(?<![\\p{L}])(?:${SEND})(?![\\p{L}])`, "u");
/** The number that ends the words before: its digits tell a sum (at most nine) from a card or a phone. */
const NUMBER_BEFORE = /\+?\d(?:[\d\s().,-]*\d)?$/u;
/** Between two numbers only «и», «және», a comma: the second is of the same kind as the first. */
const JOINED = /^[\s,;]*(?:и|и на|а также|жане|тагы|,)?[\s,;]*$/u;

const WINDOW = 40;
const CLAUSE = 80;
/** How many numbers joined by «и» a role is carried over. */
const CARRY = 3;

function nearestMarker(before: string): Role | undefined {
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

function roleFromBefore(text: string, start: number, carry: number): Role | undefined {
  const from = Math.max(0, start - CLAUSE);
  const clause =
    foldKazakh(text.slice(from, start))
      .split(/[.!?\n]/u)
      .at(-1) ?? "";
  const window = clause.slice(-WINDOW);
  const lastDigit = Math.max(-1, ...[...window.matchAll(/\d/g)].map((m) => m.index));
  const before = window.slice(lastDigit + 1);
  const marked = nearestMarker(before);
  if (marked) return marked;
  const upToNumber = clause.slice(0, clause.length - before.length);
  const previous = NUMBER_BEFORE.exec(upToNumber);
  const digits = previous ? previous[0].replace(/\D/g, "").length : 0;
  // The transfer in the same part of the sentence: «перевела деньги, потом позвонила на 8701 …» is a call.
  if (ENDS_WITH_NA.test(before) && SENT_IN_CLAUSE.test(clause.split(/[,;]/u).at(-1) ?? "")) return "recipient";
  if (BARE_NA.test(before) && digits > 0 && digits <= 9) return "recipient";
  // «на 4400 … и 5536 …»: the second number is where the first went.
  if (carry > 0 && JOINED.test(before) && previous && digits >= 10) {
    const at = start - before.length - previous[0].length;
    return roleAt(text, at, at + previous[0].length, carry - 1);
  }
  return undefined;
}

/** The role of what stands at `start`–`end` in `text`, by the words right after it, then before it. */
export function roleAt(text: string, start: number, end: number, carry = CARRY): Role | undefined {
  const after = foldKazakh(text.slice(end, end + WINDOW));
  if (OWN_AFTER.test(after)) return "own";
  const others = OTHERS_AFTER.exec(after);
  const before = roleFromBefore(text, start, carry);
  // «маған 8 701 … нөміріне хабарласты»: "to my number" is the phone that was called, not a recipient.
  if (others && before === "receiving" && !MONEY_AFTER.test(others[0])) return "receiving";
  return others ? "recipient" : before;
}

/** Own-card words right after a bank's name: «каспидегі картасы», «Kaspi Gold картам». */
const OWN_BANK_AFTER = new RegExp(
  `^${LETTERS}\\s*(?:gold|голд|red|ред)?\\s*(?:картас${LETTERS}|картам${LETTERS}|карточк${LETTERS}|приложени${LETTERS}|косымша${LETTERS})`,
  "u",
);

/** Whether a bank named at `start`–`end` is the victim's own bank. */
export function isOwnBankMention(text: string, start: number, end: number): boolean {
  if (roleFromBefore(text, start, 0) === "own") return true;
  return OWN_BANK_AFTER.test(foldKazakh(text.slice(end, end + 30)));
}

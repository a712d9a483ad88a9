/**
 * Card numbers in free text: whose they are, and the card data typed with them.
 * The person's own card is cut to its last four digits; a card the words show to be
 * someone else's ("перевела на карту …", "… картасына аудардым", "получатель") is kept
 * whole for the police; a card whose owner the words do not show is cut, to be safe.
 * A card typed with its expiry date is card data wherever it stands: cut, with the
 * expiry and a CVV after it masked.
 */
import { phonesAndCards } from "../identifiers/digit-runs.js";
import { foldKazakh } from "../identifiers/text.js";
import { firstFrom, type Token } from "./tokens.js";
import type { Mask } from "./values.js";
import { COUNT_AFTER } from "./words.js";

export interface CardSpan {
  start: number;
  end: number;
  /** Kept whole: someone else's card, as the words around it say or the question asked. */
  keep: boolean;
}

/** Every full card number: Luhn-valid ones, and 16 digits written as a card even with a typo. */
function fullCards(text: string): { start: number; end: number }[] {
  const spans = phonesAndCards(text)
    .filter((span) => span.identifier.kind === "card")
    .map(({ start, end }) => ({ start, end }));
  const starts = new Set(spans.map((s) => s.start));
  for (const m of text.matchAll(/(?<![\p{N}+])\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?![\p{N}])/gu)) {
    if (!starts.has(m.index)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Words before a card that make it the person's own: "моя карта", "с моей карты", "менің картам",
 * "картамның нөмірі". (A Kazakh case word like "картамнан" follows its own number: OWN_AFTER.)
 */
const OWN_BEFORE =
  /(?:^|[^\p{L}])(?:мо(?:я|ю|ей|его|ем|и)|сво(?:я|ю|ей|его|ем|и)|менин|озимнин|оз|my|картам(?:нын)?|с\s+карты|со\s+счета)(?:\s+\p{L}+){0,3}[\s:,-]*$/u;
/** Words after a card that make it the person's own, Kazakh style: "4400… картамнан", "… деген картам". */
const OWN_AFTER = /^[\s,:-]*(?:деген\s+)?(?:картам\p{L}*|картадан|менин|озимнин)(?![\p{L}])/u;

/** Words before a card that make it someone else's: "перевела на карту", "получатель", "карта мошенника". */
const OTHERS_BEFORE =
  /(?:^|[^\p{L}])(?:(?:перев[её]л\p{L}*|переве\p{L}*|скинул\p{L}*|отправил\p{L}*|перечислил\p{L}*|закинул\p{L}*|кинул\p{L}*|положил\p{L}*|оплатил\p{L}*)\s+(?:[\p{L}\d]+\s+){0,3}на|на\s+(?:(?:его|ее|её|их|чужую|эту|ту|другую|указанную)\s+)?(?:карт\p{L}*|карточк\p{L}*|сч[её]т\p{L}*|номер\s+карты)|получател\p{L}*|алушы\p{L}*|мошенни\p{L}*|алаяк\p{L}*|дроп\p{L}*|(?:его|ее|её|их|оның|олардын|онын)\s+(?:карт\p{L}*|номер\p{L}*))(?:\s+\p{L}+){0,2}[\s:,-]*$/u;
/** Words after a card that make it someone else's, Kazakh style: "… картасына аудардым", "…-ға жібердім". */
const OTHERS_AFTER =
  /^(?:-?(?:га|ге|ка|ке|на|не)(?![\p{L}])|[\s,:-]*(?:\(?\p{L}+\)?\s+){0,2}(?:картасына|картага|шотына|номерине)|[\s,:-]*(?:аудард|жиберд|салд)\p{L}*)/u;

function someoneElses(text: string, start: number, end: number): boolean {
  const before = foldKazakh(text.slice(Math.max(0, start - 60), start));
  const after = foldKazakh(text.slice(end, end + 40));
  if (OWN_BEFORE.test(before) || OWN_AFTER.test(after)) return false;
  return OTHERS_BEFORE.test(before) || OTHERS_AFTER.test(after);
}

/** "12/27", "12/2027", "12.27", "12-27": a card's expiry (month 01–12). */
const EXPIRY = /^(?:0?[1-9]|1[0-2])[/.-](?:\d{2}|20\d{2})$/;
/** Words between a card, its expiry and its CVV: "до", "срок действия", "exp", "мерзімі", "cvv". */
const CARD_LINE_WORDS = new Set(
  "до срок срока действия действует годен годна exp expiry expires valid thru till мм/гг мерзими мерзими: дейин cvv cvc cvv2 cvc2 код на обороте сзади артындагы уш сан и жане".split(
    " ",
  ),
);

/** The expiry and CVV typed after a card: "4400… 12/27 123", "… до 11/28 на обороте 739". */
function cardLine(text: string, tokens: Token[], end: number): { masks: Mask[]; expiry: boolean } {
  const masks: Mask[] = [];
  let expiry = false;
  let i = firstFrom(tokens, end);
  for (let steps = 0; i >= 0 && i < tokens.length && steps < 6; steps++, i++) {
    const token = tokens[i]!;
    if (/^[-|/,;:—–]*$/.test(token.core) || CARD_LINE_WORDS.has(token.folded)) continue;
    if (!expiry && EXPIRY.test(token.core)) {
      masks.push({ kind: "card_expiry", start: token.coreStart, end: token.coreEnd });
      expiry = true;
      continue;
    }
    const cvv =
      /^\d{3,4}$/.test(token.core) && !COUNT_AFTER.test(foldKazakh(text.slice(token.coreEnd, token.coreEnd + 20)));
    // Without an expiry only three digits right after the card, ending the line, are read as its CVV.
    if (cvv && (expiry || (token.core.length === 3 && steps === 0 && (token.clauseEnd || i === tokens.length - 1)))) {
      masks.push({ kind: "cvv", start: token.coreStart, end: token.coreEnd });
    }
    break;
  }
  return { masks, expiry };
}

/**
 * Every full card in the text, with whether it is kept whole, and the card data
 * (expiry, CVV) typed after it. `othersCards`: the question asked for someone else's
 * card (a recipient, a number to check), so cards are kept unless typed with an expiry.
 */
export function cardsIn(text: string, tokens: Token[], othersCards: boolean): { cards: CardSpan[]; masks: Mask[] } {
  const cards: CardSpan[] = [];
  const masks: Mask[] = [];
  for (const { start, end } of fullCards(text)) {
    const line = cardLine(text, tokens, end);
    masks.push(...line.masks);
    const keep = !line.expiry && (othersCards || someoneElses(text, start, end));
    cards.push({ start, end, keep });
  }
  return { cards, masks };
}

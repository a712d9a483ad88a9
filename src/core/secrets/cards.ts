/**
 * Card numbers in free text: whose they are, and the card data typed with them.
 * The person's own card is cut to its last four digits; a card the words show to be
 * a recipient's ("перевела на карту …", "… картасына аудардым", "получатель"; read by
 * the story's one reader of roles, src/core/story/roles.ts) is kept whole for the
 * police; a card whose owner the words do not show is cut, to be safe.
 * A card typed with its expiry date is card data wherever it stands: cut, with the
 * expiry and a CVV after it masked.
 */
import { phonesAndCards } from "../identifiers/digit-runs.js";
import { foldKazakh } from "../identifiers/text.js";
import { roleAt } from "../story/roles.js";
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
    const keep = !line.expiry && (othersCards || roleAt(text, start, end) === "recipient");
    cards.push({ start, end, keep });
  }
  return { cards, masks };
}

/**
 * Card numbers in a story: the victim's own are cut to their last four digits, a
 * recipient's («на карту 4400 …», «картаға …») is kept whole for the police. A card
 * with no telling words around it is treated as the person's own.
 */
import { maskCard } from "../identifiers/card.js";
import { phonesAndCards } from "../identifiers/digit-runs.js";
import { cleanInPlace } from "../identifiers/text.js";
import { roleBefore } from "./roles.js";

export function maskOwnCardsInStory(text: string): string {
  const clean = cleanInPlace(text);
  const spans = phonesAndCards(clean)
    .filter((span) => span.identifier.kind === "card")
    .map(({ start, end }) => ({ start, end }));
  for (const m of clean.matchAll(/(?<![\p{N}+])\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?![\p{N}])/gu)) {
    if (!spans.some((s) => s.start <= m.index && m.index < s.end))
      spans.push({ start: m.index, end: m.index + m[0].length });
  }
  spans.sort((a, b) => b.start - a.start);
  let out = text;
  for (const { start, end } of spans) {
    if (roleBefore(clean, start) === "recipient") continue;
    out = out.slice(0, start) + maskCard(text.slice(start, end)) + out.slice(end);
  }
  return out;
}

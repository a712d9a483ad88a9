/**
 * Buttons answered by typing: «да», «жоқ», «Шымкент», «каспи» at a one-choice question,
 * «в WhatsApp», «нет» or «айтпады, сайтқа жазды» at a multiple-choice one.
 */
import { findIdentifiers } from "../identifiers/extract.js";
import { bankFromIban } from "../identifiers/iban.js";
import { findPlace } from "../identifiers/regions.js";
import type { Bank, DisclosureWay, Lang } from "../model.js";
import type { Answers } from "../report/answers.js";
import { optionsFor } from "./answer.js";
import { type Applied, answered, invalid } from "./applied.js";
import { chooseSingle } from "./choose.js";
import { markAnswered } from "./pending.js";
import { EXCLUSIVE, selection } from "./selection.js";
import { type Cursor, OPTIONS, stepDef } from "./steps.js";
import { isNothing, optionsInText } from "./typed-options.js";

/** A typed answer to a multiple-choice question: the options it names, or "none" for «нет», «жоқ». */
export function typedMulti(a: Answers, at: Cursor, text: string): Applied {
  const d = stepDef(at.step);
  if (d.kind !== "multi") return invalid("choose_button");
  const sel = selection(at.step, a)!;
  const allowed = optionsFor(at.step, a, at);
  // «айтпады, сайтқа жазды»: a code given by typing it on a page, not by telling it.
  if (at.step === "codes_shared" || at.step === "card_data") {
    const ways = optionsInText("disclosure_ways", text, OPTIONS.disclosure_ways) as DisclosureWay[];
    if (ways.length > 0) {
      const named = optionsInText(d.options, text, allowed);
      const given = named.length > 0 ? named : at.step === "codes_shared" && allowed.length === 1 ? [...allowed] : [];
      if (given.length === 0) return invalid("choose_button");
      sel.set(given);
      a.disclosedVia = [...new Set([...(a.disclosedVia ?? []), ...ways])];
      markAnswered(a, "disclosure_way");
      return answered(a);
    }
  }
  const named = optionsInText(d.options, text, allowed);
  if (named.length > 0) {
    sel.set(named.some((o) => EXCLUSIVE.has(o)) ? named.filter((o) => EXCLUSIVE.has(o)).slice(0, 1) : named);
    return answered(a);
  }
  if (isNothing(text) && d.none) {
    sel.set([]);
    return answered(a);
  }
  return invalid("choose_button");
}

/** A typed answer to a one-choice question: «да», «жоқ», «Шымкент», «каспи». */
export function typedSingle(a: Answers, at: Cursor, text: string, lang: Lang = "ru"): Applied {
  const d = stepDef(at.step);
  if (d.kind !== "single") return invalid("choose_button");
  const i = at.item ?? 0;
  const allowed = optionsFor(at.step, a, at);
  const [option] = optionsInText(d.options, text, allowed);
  if (at.step === "transfer_own_bank") {
    const own = ownAccountIn(a, text);
    if (own) return chooseSingle(a, at.step, i, own);
  }
  if (option) {
    const chosen = chooseSingle(a, at.step, i, option);
    if (chosen.kind === "answered" && at.step === "region") cityFromText(chosen.answers, text, lang);
    return chosen;
  }
  return invalid("choose_button");
}

/** An IBAN typed where the bank the money left from is asked: the victim's own account, and its bank. */
function ownAccountIn(a: Answers, text: string): Bank | undefined {
  const iban = findIdentifiers(text).find((s) => s.identifier.kind === "iban")?.identifier;
  if (!iban) return undefined;
  a.ownIban ??= iban;
  return bankFromIban(iban.value);
}

/** «в Темиртау» at the region question: Karaganda region, and the town is kept as the city. */
function cityFromText(a: Answers, text: string, lang: Lang): void {
  const place = findPlace(text);
  if (!place?.city || place.region !== a.region) return;
  a.city = place.city[lang];
  markAnswered(a, "city");
}

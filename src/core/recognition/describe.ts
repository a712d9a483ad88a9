/**
 * A reason as a short line a person can read: «в рассказе: "код из смс"», «представились:
 * банк». Technique titles come from the catalogue; the rest from locales/<lang>/recognition.json
 * (the bot's i18next namespace "recognition" holds the same keys). Plain text: escape it before
 * sending as HTML.
 */
import kk from "../../../locales/kk/recognition.json" with { type: "json" };
import ru from "../../../locales/ru/recognition.json" with { type: "json" };
import type { Lang, Technique } from "../model.js";
import type { Reason } from "../report/report.js";

type Tree = { [key: string]: string | Tree };
const texts: Record<Lang, Tree> = { kk, ru };

/** What describeReason needs from a catalogue. */
export interface TechniqueTitles {
  technique(id: Technique): { title: Readonly<Record<Lang, string>> } | undefined;
}

/** Answer facts ("codesShared:egov_1414") name their values in these groups of locale items. */
const ITEM_GROUP: Record<string, string> = {
  codesShared: "codeSource",
  codesReceived: "codeSource",
  cardData: "cardData",
  apps: "apps",
  personalData: "personalData",
  loanStatus: "loanStatus",
  transfer: "transfer",
  leakSource: "leakSource",
};

/**
 * Whom the line speaks to: the person in the chat («өзіңіз хабарластыңыз»), or, in the
 * police documents, of the victim in the third person («зардап шеккен адамның өзі
 * хабарласқан»: the "document" subtree of recognition.json, where it differs).
 */
export type Voice = "person" | "document";

function lookupIn(tree: Tree | string | undefined, path: string): string | undefined {
  let node = tree;
  for (const key of path.split(".")) node = typeof node === "object" ? node[key] : undefined;
  return typeof node === "string" ? node : undefined;
}

const lookupFor = (voice: Voice) => (lang: Lang, path: string) =>
  (voice === "document" ? lookupIn(texts[lang].document, path) : undefined) ?? lookupIn(texts[lang], path);

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? "");
}

function factLabel(fact: string, lang: Lang, lookup: ReturnType<typeof lookupFor>): string {
  const [group = "", value = ""] = fact.split(":");
  if (group === "contact") return lookup(lang, `fact.${value}`) ?? fact;
  const template = lookup(lang, `fact.${group}`);
  const item = lookup(lang, `item.${ITEM_GROUP[group] ?? group}.${value}`);
  return template && item ? fill(template, { item }) : fact;
}

export function describeReason(reason: Reason, lang: Lang, catalog: TechniqueTitles, voice: Voice = "person"): string {
  const lookup = lookupFor(voice);
  const template = lookup(lang, `reason.${reason.source}`) ?? "{{value}}";
  switch (reason.source) {
    case "phrase":
      return fill(template, { value: reason.value });
    case "identity":
    case "channel":
      return fill(template, { label: lookup(lang, `${reason.source}.${reason.value}`) ?? reason.value });
    case "technique":
      return fill(template, { label: catalog.technique(reason.value as Technique)?.title[lang] ?? reason.value });
    case "answer":
      return fill(template, { label: factLabel(reason.value, lang, lookup) });
  }
}

/**
 * Everything a document says, in one language: its own texts (documents namespace),
 * names of ids, and the scheme texts injected from the catalogue.
 *
 * Names of ids come from documents:labels first: a document speaks of the victim in the
 * third person and names banks formally, while common.json holds the person's own
 * button answers ("I wrote to them myself"). common.json is the fallback for any id
 * documents:labels does not name.
 */
import type { Lang, Technique } from "../core/model.js";
import type { Money } from "../core/report/answers.js";
import type { Reason } from "../core/report/report.js";
import type { I18n } from "../i18n.js";
import { almatyDateTime, fileSizeKb, formatDate, formatMoney } from "./format.js";

export interface DocumentDeps {
  i18n: I18n;
  schemeTitle: (id: string, lang: Lang) => string;
  describeReason: (reason: Reason, lang: Lang) => string;
  /** Technique names from the catalogue; documents:labels.techniques otherwise. */
  techniqueTitle?: (id: Technique, lang: Lang) => string;
  /** Urgent step titles from the advice catalogue; the step id otherwise. */
  stepTitle?: (step: string, lang: Lang) => string;
  /** How a document cites a checked fact of the catalogue («ст. 71 УПК РК»). */
  cite?: (factId: string, lang: Lang) => string;
}

export type LabelGroup =
  | "regions"
  | "banks"
  | "channels"
  | "identities"
  | "card_data"
  | "code_sources"
  | "apps"
  | "personal_data"
  | "loan_statuses"
  | "methods"
  | "already_done"
  | "leak_sources"
  | "filed_for"
  | "evidence_kinds"
  | "identifier_kinds"
  | "techniques"
  | "loss_kinds"
  | "biometrics"
  | "disclosure_ways";

/** Button labels may carry emoji that have no glyph in the document font. */
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D]/gu;

export type Wording = ReturnType<typeof wording>;

export function wording(lang: Lang, deps: DocumentDeps) {
  const { i18n } = deps;
  const fixed = new Map<string, string>();
  const t = (key: string, params?: Record<string, unknown>): string => {
    if (params) return i18n.plain(lang, `documents:${key}`, params);
    let text = fixed.get(key);
    if (text === undefined) {
      text = i18n.plain(lang, `documents:${key}`);
      fixed.set(key, text);
    }
    return text;
  };
  // exports look up the same few names hundreds of thousands of times
  const names = new Map<string, string>();
  const label = (group: LabelGroup, id: string): string => {
    const cacheKey = `${group}.${id}`;
    let name = names.get(cacheKey);
    if (name === undefined) {
      name = lookUp(group, id);
      names.set(cacheKey, name);
    }
    return name;
  };
  const lookUp = (group: LabelGroup, id: string): string => {
    if (group === "techniques" && deps.techniqueTitle) return deps.techniqueTitle(id as Technique, lang);
    for (const key of [`documents:labels.${group}.${id}`, `common:${group}.${id}`]) {
      if (i18n.exists(key)) return i18n.plain(lang, key).replace(PICTOGRAPHS, "").trim();
    }
    return id;
  };
  const notStated = t("not_stated");
  return {
    lang,
    t,
    label,
    notStated,
    /** Not asked → "not stated"; empty → "none"; else the names joined. */
    labels(group: LabelGroup, ids: readonly string[] | undefined): string {
      if (!ids) return notStated;
      if (ids.length === 0) return t("none");
      return ids.map((id) => label(group, id)).join(", ");
    },
    orNotStated: (value: string | undefined | null): string => (value?.trim() ? value : notStated),
    money: (money: Money | undefined): string => (money ? formatMoney(money) : notStated),
    moment: almatyDateTime,
    date: (ymd: string | undefined): string => (ymd ? formatDate(ymd) : notStated),
    /** "14.03.2026 11:40", "14.03.2026, evening", or whichever part is known. */
    when(date: string | undefined, time: string | undefined): string {
      const partOfDay =
        time && /^[a-z]+$/.test(time) && i18n.exists(`documents:day_parts.${time}`) ? t(`day_parts.${time}`) : time;
      const parts = [date && formatDate(date), partOfDay].filter(Boolean);
      return parts.length ? parts.join(partOfDay === time ? " " : ", ") : notStated;
    },
    kb: (bytes: number) => t("report.evidence.size_kb", { kb: fileSizeKb(bytes) }),
    schemeTitle: (id: string) => deps.schemeTitle(id, lang),
    reason: (reason: Reason) => deps.describeReason(reason, lang),
    step: (step: string) => deps.stepTitle?.(step, lang) ?? step,
    /** A legal citation from the catalogue's facts; a document that cites the law is given `cite`. */
    cite: (factId: string): string => {
      if (!deps.cite) throw new Error(`cannot cite "${factId}": no catalogue given`);
      return deps.cite(factId, lang);
    },
  };
}

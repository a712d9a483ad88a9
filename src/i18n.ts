import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import i18next, { type i18n, type TOptions } from "i18next";
import { LANGS, type Lang } from "./core/model.js";
import { localesDir } from "./paths.js";

export { localesDir };

type Tree = { [key: string]: string | Tree };

/** Reads locales/<lang>/<namespace>.json; each file is one namespace. */
export function readLocales(dir = localesDir): Record<Lang, Record<string, Tree>> {
  const out = {} as Record<Lang, Record<string, Tree>>;
  for (const lang of LANGS) {
    out[lang] = {};
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith(".json"))) {
      out[lang][file.slice(0, -".json".length)] = JSON.parse(readFileSync(join(dir, lang, file), "utf8")) as Tree;
    }
  }
  return out;
}

export type Translate = (key: string, options?: TOptions) => string;

export interface I18n {
  /** Texts for Telegram messages: interpolated values are HTML-escaped (parse_mode HTML). */
  t(lang: Lang, key: string, options?: TOptions): string;
  /** Texts for documents (PDF, CSV): nothing is escaped. */
  plain(lang: Lang, key: string, options?: TOptions): string;
  exists(key: string): boolean;
  instance: i18n;
}

export function createI18n(dir = localesDir): I18n {
  const resources = readLocales(dir);
  const instance = i18next.createInstance();
  instance.init({
    initAsync: false,
    resources,
    lng: "ru",
    fallbackLng: false,
    supportedLngs: [...LANGS],
    ns: Object.keys(resources.ru),
    defaultNS: "common",
    returnNull: false,
    interpolation: { escapeValue: true },
  });
  const fixed = Object.fromEntries(LANGS.map((l) => [l, instance.getFixedT(l)])) as Record<Lang, Translate>;
  // Resources never change after start, and most texts take no values: rendering a
  // question looked them up through i18next a dozen times per update.
  const plainTexts = Object.fromEntries(LANGS.map((l) => [l, new Map<string, string>()])) as Record<
    Lang,
    Map<string, string>
  >;
  const cached = (lang: Lang, key: string): string => {
    let text = plainTexts[lang].get(key);
    if (text === undefined) {
      text = fixed[lang](key);
      plainTexts[lang].set(key, text);
    }
    return text;
  };
  return {
    t: (lang, key, options) => (options ? fixed[lang](key, options) : cached(lang, key)),
    plain: (lang, key, options) => fixed[lang](key, { ...options, interpolation: { escapeValue: false } }),
    exists: (key) => instance.exists(key, { lng: "ru" }) && instance.exists(key, { lng: "kk" }),
    instance,
  };
}

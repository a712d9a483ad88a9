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
  const templates = compiledTemplates(instance);
  return {
    t: (lang, key, options) => {
      if (!options) return cached(lang, key);
      return fillTemplate(templateFor(templates, lang, key, options), options) ?? fixed[lang](key, options);
    },
    plain: (lang, key, options) => fixed[lang](key, { ...options, interpolation: { escapeValue: false } }),
    exists: (key) => instance.exists(key, { lng: "ru" }) && instance.exists(key, { lng: "kk" }),
    instance,
  };
}

/** A text split at its values: literal text, then a value's name (escaped unless it was written «{{- name}}»). */
type Template = (string | { name: string; raw: boolean })[];
/** No such text in the language. */
const MISSING = "missing";
/** A text, null when it is i18next's to fill, or MISSING. */
type Compiled = Template | null | typeof MISSING;

const PLACEHOLDER = /\{\{(-\s*)?([A-Za-z_][A-Za-z0-9_]*)\}\}/g;
/** Options that change what i18next looks up or how (plurals, contexts, defaults, nesting): those go through i18next. */
const I18NEXT_OPTIONS = new Set([
  "count",
  "ordinal",
  "defaultValue",
  "replace",
  "lng",
  "lngs",
  "ns",
  "fallbackLng",
  "returnObjects",
  "returnDetails",
  "joinArrays",
  "postProcess",
  "keyPrefix",
  "nsSeparator",
  "keySeparator",
  "skipInterpolation",
]);
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "/": "&#x2F;",
};
/** i18next's own escaping (interpolation.escapeValue), so a text reads the same either way. */
const escapeValue = (value: string) => value.replace(/[&<>"'/]/g, (c) => ENTITIES[c]!);

/**
 * The texts split once at their values. i18next spends ~30 µs on a text with values
 * (it resolves, extends and interpolates on every call), and a question shows several;
 * a text with nothing but plain «{{name}}» values is filled here instead. Anything
 * else (plurals, nesting, formats, a missing key) is null: i18next handles it.
 */
function compiledTemplates(instance: i18n): (lang: Lang, key: string) => Compiled {
  const compiled = new Map<string, Compiled>();
  return (lang, key) => {
    const id = `${lang}\u0000${key}`;
    let template = compiled.get(id);
    if (template === undefined) {
      template = compile(instance, lang, key);
      compiled.set(id, template);
    }
    return template;
  };
}

function compile(instance: i18n, lang: Lang, key: string): Compiled {
  const split = key.indexOf(":");
  const [ns, path] = split < 0 ? ["common", key] : [key.slice(0, split), key.slice(split + 1)];
  const text: unknown = instance.getResource(lang, ns, path);
  if (text === undefined) return MISSING;
  if (typeof text !== "string" || text.includes("$t(")) return null;
  const parts: Template = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(at, m.index), { name: m[2]!, raw: m[1] !== undefined });
    at = m.index + m[0].length;
  }
  const rest = text.slice(at);
  // A «{{» left over is a value written some other way (a format, a path): i18next's business.
  if (rest.includes("{{") || parts.some((p) => typeof p === "string" && p.includes("{{"))) return null;
  parts.push(rest);
  return parts;
}

/** A context («behalf») picks the text «key_context» when there is one, as i18next does, else the key's own. */
function templateFor(
  templates: (lang: Lang, key: string) => Compiled,
  lang: Lang,
  key: string,
  options: TOptions,
): Template | null {
  const { context } = options as { context?: unknown };
  const own = (compiled: Compiled) => (compiled === MISSING ? null : compiled);
  if (context === undefined || context === "") return own(templates(lang, key));
  if (typeof context !== "string") return null;
  const withContext = templates(lang, `${key}_${context}`);
  return withContext === MISSING ? own(templates(lang, key)) : withContext;
}

/** Whether values are escaped: only «interpolation: { escapeValue }» is understood here, anything else is i18next's. */
function escapingOf(interpolation: unknown): boolean | undefined {
  if (interpolation === undefined) return true;
  if (typeof interpolation !== "object" || interpolation === null) return undefined;
  const keys = Object.keys(interpolation);
  const { escapeValue } = interpolation as { escapeValue?: unknown };
  return keys.length === 1 && typeof escapeValue === "boolean" ? escapeValue : undefined;
}

/** The text with its values, or undefined when i18next must do it (see compiledTemplates). */
function fillTemplate(template: Template | null, options: TOptions): string | undefined {
  if (template === null) return undefined;
  const values = options as Record<string, unknown>;
  for (const name in values) if (I18NEXT_OPTIONS.has(name) || name.startsWith("defaultValue")) return undefined;
  const escaped = escapingOf(values.interpolation);
  if (escaped === undefined) return undefined;
  let out = "";
  for (const part of template) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    const value = values[part.name];
    if (typeof value === "number") out += String(value);
    else if (typeof value === "string") out += part.raw || !escaped ? value : escapeValue(value);
    else return undefined;
  }
  return out;
}

/**
 * Texts with values are filled by Saqbol itself when they hold nothing but plain
 * «{{name}}» values (src/i18n.ts): the result must be what i18next gives, for every
 * text of both languages and every kind of value, escaping included.
 */
import { describe, expect, it } from "vitest";
import { LANGS } from "../../src/core/model.js";
import { createI18n, readLocales } from "../../src/i18n.js";

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix: string): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );

const i18n = createI18n();
const locales = readLocales();
const VALUES: unknown[] = [
  "Айгүл Б.",
  "<b>&\"'/</b>",
  "{{n}}",
  "$t(common:buttons.back)",
  "",
  0,
  -1.5,
  1_234_567,
  undefined,
  null,
  true,
];

describe("texts with values", () => {
  for (const lang of LANGS) {
    const texts = Object.entries(locales[lang]).flatMap(([ns, tree]) => leaves(tree, `${ns}:`));
    const withValues = texts.filter(([, text]) => text.includes("{{"));

    it(`${lang}: every text with values reads as i18next writes it, whatever the values (${withValues.length} texts)`, () => {
      const i18next = i18n.instance.getFixedT(lang);
      let compared = 0;
      for (const [key, text] of withValues) {
        const names = [...text.matchAll(/\{\{-?\s*([^},]+?)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!);
        VALUES.forEach((_, shift) => {
          const options = Object.fromEntries(names.map((name, i) => [name, VALUES[(i + shift) % VALUES.length]]));
          expect(i18n.t(lang, key, options), `${key} ${JSON.stringify(options)}`).toBe(i18next(key, options));
          // a value the text does not use, and one it uses left out
          const extra = { ...options, unused: "<x>" };
          expect(i18n.t(lang, key, extra)).toBe(i18next(key, extra));
          const missing = Object.fromEntries(Object.entries(options).slice(1));
          expect(i18n.t(lang, key, missing)).toBe(i18next(key, missing));
          // a report filed for someone else: the «_behalf» text where there is one
          const behalf = { context: "behalf", ...options };
          expect(i18n.t(lang, key.replace(/_behalf$/, ""), behalf)).toBe(i18next(key.replace(/_behalf$/, ""), behalf));
          // values already escaped by the caller
          const raw = { ...options, interpolation: { escapeValue: false } };
          expect(i18n.t(lang, key, raw)).toBe(i18next(key, raw));
          const other = { ...options, interpolation: { escapeValue: false, prefix: "[[" } };
          expect(i18n.t(lang, key, other)).toBe(i18next(key, other));
          compared += 6;
        });
      }
      expect(compared).toBeGreaterThan(100);
    });

    it(`${lang}: a context picks its own text when there is one and the plain text otherwise, with or without values`, () => {
      const i18next = i18n.instance.getFixedT(lang);
      const contextual = texts
        .filter(([key]) => key.endsWith("_behalf"))
        .map(([key]) => key.slice(0, -"_behalf".length));
      expect(contextual.length).toBeGreaterThan(5);
      for (const key of [...contextual, ...texts.slice(0, 200).map(([key]) => key)]) {
        for (const context of ["behalf", "", "nobody", 5]) {
          expect(i18n.t(lang, key, { context })).toBe(i18next(key, { context } as never));
        }
      }
    });

    it(`${lang}: plurals, defaults and contexts still go through i18next`, () => {
      const i18next = i18n.instance.getFixedT(lang);
      const plural = texts.find(([key]) => key.endsWith("_one"));
      if (plural) {
        const key = plural[0].slice(0, -"_one".length);
        for (const count of [0, 1, 2, 5, 21]) expect(i18n.t(lang, key, { count })).toBe(i18next(key, { count }));
      }
      const missingKey = "questionnaire:errors.no_such_error";
      const defaultValue = i18n.t(lang, "questionnaire:errors.generic");
      expect(i18n.t(lang, missingKey, { defaultValue })).toBe(defaultValue);
      expect(i18n.t(lang, missingKey, {})).toBe(i18next(missingKey, {}));
    });
  }
});

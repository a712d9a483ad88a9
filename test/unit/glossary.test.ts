import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { REQUIRED_ACTIONS } from "../../src/catalog/schema.js";
import { LANGS, type Lang } from "../../src/core/model.js";
import { createI18n, localesDir, readLocales } from "../../src/i18n.js";
import { documentDeps } from "../../src/services/documents.js";
import { TEST_KEYS } from "../support/keys.js";

interface Concept {
  id: string;
  what: string;
  kk: string;
  ru: string;
  /** How to find the term in use when it appears only inflected. */
  find?: Partial<Record<Lang, string>>;
  avoid?: Partial<Record<Lang, string[]>>;
  allow?: Record<string, string>;
}

const glossary = JSON.parse(readFileSync(join(localesDir, "glossary.json"), "utf8")) as { concepts: Concept[] };

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix: string, out: [string, string][]): [string, string][] {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix.endsWith(":") ? `${prefix}${k}` : `${prefix}.${k}`;
    if (typeof v === "string") out.push([key, v]);
    else flatten(v, key, out);
  }
  return out;
}

/** Every text a person reads in one language, by key: locales, then the catalogue's texts. */
function texts(lang: Lang): [string, string][] {
  const locales = readLocales()[lang];
  const out = Object.entries(locales).flatMap(([ns, tree]) => flatten(tree, `${ns}:`, []));
  const walk = (value: unknown, path: string) => {
    if (value && typeof value === "object") {
      const v = value as Record<string, unknown>;
      if (typeof v.kk === "string" && typeof v.ru === "string") {
        out.push([`catalog:${path}`, v[lang] as string]);
        return;
      }
      for (const [k, child] of Object.entries(v)) if (k !== "phrases") walk(child, path ? `${path}.${k}` : k);
    }
  };
  walk(loadDefaultCatalog().document, "");
  return out;
}

const byLang = Object.fromEntries(LANGS.map((lang) => [lang, texts(lang)])) as Record<Lang, [string, string][]>;
const pattern = (p: string) => new RegExp(p, "iu");

/** Every text using a term the glossary says to avoid, outside the keys where the word means something else. */
function secondTerms(all: Record<Lang, [string, string][]>): string[] {
  const found: string[] = [];
  for (const c of glossary.concepts) {
    for (const lang of LANGS) {
      for (const avoid of c.avoid?.[lang] ?? []) {
        for (const [key, text] of all[lang]) {
          if (Object.keys(c.allow ?? {}).some((prefix) => key.startsWith(prefix))) continue;
          if (pattern(avoid).test(text)) found.push(`${c.id} (${lang}) ${key}: «${avoid}» in «${text.slice(0, 80)}»`);
        }
      }
    }
  }
  return found;
}

describe("the glossary: one term per concept in each language", () => {
  it("lists each concept once, with a term in both languages", async () => {
    const ids = glossary.concepts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of glossary.concepts) for (const lang of LANGS) expect(c[lang].trim(), `${c.id}.${lang}`).not.toBe("");
  });

  it("is in use: every term appears in the texts of its language", async () => {
    const unused = glossary.concepts.flatMap((c) =>
      LANGS.filter((lang) => {
        const used = pattern(c.find?.[lang] ?? c[lang].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
        return !byLang[lang].some(([, text]) => used.test(text));
      }).map((lang) => `${c.id}.${lang}: «${c[lang]}»`),
    );
    expect(unused).toEqual([]);
  });

  it("flags any text that uses a second term for the same concept", async () => {
    expect(secondTerms(byLang)).toEqual([]);
  });

  it("would flag a planted second term, and not the same word where it means something else", async () => {
    const planted: Record<Lang, [string, string][]> = {
      kk: [
        ["check:buttons.end", "Болды ✓"],
        ["report:files.json", "электрондық қолтаңбасы бар JSON"],
        ["common:banks.bcc", "ЦентрКредит (BCC)"],
      ],
      ru: [
        ["questionnaire:gone", "Этого черновика больше нет"],
        ["admin:catalog.draft", "черновик"],
        ["start:help", "Я не нашёл"],
      ],
    };
    expect(
      secondTerms(planted)
        .map((line) => line.split(":")[0])
        .sort(),
    ).toEqual(["check_signature (kk) report", "done_button (kk) check", "unfinished_report (ru) questionnaire"]);
  });

  it("speaks of the victim in the third person in the police documents", async () => {
    const secondPerson: Record<Lang, RegExp> = {
      kk: /(?<![\p{L}])(сіз|сізге|сізді|сіздің|өзіңіз)(?![\p{L}])|(ыңыз|іңіз|ңыз|ңіз)(?![\p{L}])/u,
      ru: /(?<![\p{L}])(вы|вас|вам|ваш\p{L}*)(?![\p{L}])/iu,
    };
    // letters are the victim's own words to their bank ("I ask you to…"): not here
    const documentKeys = [
      "documents:report.",
      "documents:labels.",
      "documents:answer.",
      "documents:export.",
      "recognition:document.",
    ];
    const found = LANGS.flatMap((lang) =>
      byLang[lang]
        .filter(([key]) => documentKeys.some((prefix) => key.startsWith(prefix)))
        .filter(([, text]) => secondPerson[lang].test(text))
        .map(([key, text]) => `${lang} ${key}: ${text}`),
    );
    expect(found).toEqual([]);
  });
});

describe("the police documents, as the bot fills them in", () => {
  const deps = documentDeps({
    i18n: createI18n(),
    catalog: loadDefaultCatalog(),
    keys: TEST_KEYS,
    botUsername: "b",
  });

  it("name reasons, techniques and the steps done of the victim, not to them", async () => {
    expect(deps.describeReason({ source: "channel", value: "i_contacted_them" }, "kk")).toBe(
      "байланыс тәсілі: зардап шеккен адамның өзі хабарласқан",
    );
    expect(deps.describeReason({ source: "technique", value: "loan_in_victim_name" }, "ru")).toBe(
      "кредит на имя пострадавшего",
    );
    expect(deps.techniqueTitle?.("loan_in_victim_name", "kk")).toBe("зардап шеккен адамның атына несие");
    expect(deps.stepTitle?.("block_card", "ru")).toBe("заблокировал(а) карту");
    for (const step of REQUIRED_ACTIONS) {
      for (const lang of LANGS)
        expect(deps.stepTitle?.(step, lang), `${step} ${lang}`).not.toMatch(
          /ңыз|ңіз|(?<![\p{L}])(вы|ваш\p{L}*)(?![\p{L}])|[йи]те(?![\p{L}])/u,
        );
    }
  });
});

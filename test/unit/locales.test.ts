import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n, localesDir, readLocales } from "../../src/i18n.js";

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out[key] = v;
    else flatten(v, key, out);
  }
  return out;
}

const locales = readLocales();
const flat = (lang: "kk" | "ru") =>
  Object.fromEntries(Object.entries(locales[lang]).flatMap(([ns, tree]) => Object.entries(flatten(tree, ns))));

describe("locales", () => {
  const kk = flat("kk");
  const ru = flat("ru");

  it("/mydata tells the truth about evidence: the bot keeps copies of the files, not only Telegram links", () => {
    // src/services/evidence-store.ts writes a copy of every file; deleting the data deletes them.
    expect(ru["privacy.summary.evidence"]).toContain("копии");
    expect(kk["privacy.summary.evidence"]).toContain("көшірме");
    expect(ru["privacy.confirm.text"]).not.toContain("ссылки на файлы");
    expect(kk["privacy.confirm.text"]).not.toContain("файл сілтемелері");
  });

  it("have the same files in kk and ru", () => {
    expect(readdirSync(join(localesDir, "kk")).sort()).toEqual(readdirSync(join(localesDir, "ru")).sort());
  });

  it("have identical key sets in kk and ru", () => {
    expect(Object.keys(kk).filter((k) => !(k in ru))).toEqual([]);
    expect(Object.keys(ru).filter((k) => !(k in kk))).toEqual([]);
  });

  it("have no empty text", () => {
    const empty = [...Object.entries(kk), ...Object.entries(ru)].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    const mismatched = Object.keys(kk).filter(
      (k) => JSON.stringify(vars(kk[k]!)) !== JSON.stringify(vars(ru[k] ?? "")),
    );
    expect(mismatched).toEqual([]);
  });

  it("write Kazakh with Kazakh letters, not Russian with letters swapped", () => {
    const text = Object.values(kk).join(" ");
    const words = text.split(/\s+/).filter((w) => /[а-яё]/i.test(w));
    const kazakhLetters = (text.match(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/g) ?? []).length;
    expect(kazakhLetters / words.length).toBeGreaterThan(0.3);
    // Russian-only letters are rare in Kazakh outside loanwords and names.
    const russianOnly = (text.match(/[щъэЩЪЭ]/g) ?? []).length;
    expect(russianOnly / words.length).toBeLessThan(0.02);
  });

  it("produce valid Telegram HTML: only b, i, s, u, code, a tags, all closed", () => {
    const bad: string[] = [];
    for (const [k, v] of [...Object.entries(kk), ...Object.entries(ru)]) {
      if (k.startsWith("documents.")) continue;
      const tags = [...v.matchAll(/<\/?([a-z-]+)[^>]*>/g)].map((m) => m[1]);
      if (tags.some((t) => !["b", "i", "s", "u", "code", "a"].includes(t!))) bad.push(k);
      const open = (v.match(/<[a-z]/g) ?? []).length;
      const close = (v.match(/<\//g) ?? []).length;
      if (open !== close) bad.push(k);
    }
    expect(bad).toEqual([]);
  });

  it("are loaded by i18next and fall back to nothing silently", () => {
    const i18n = createI18n();
    expect(i18n.t("kk", "menu:items.report")).toBe("🆘 Мені алдап кетті");
    expect(i18n.t("ru", "menu:items.report")).toBe("🆘 Меня обманули");
    expect(i18n.exists("menu:items.report")).toBe(true);
  });
});

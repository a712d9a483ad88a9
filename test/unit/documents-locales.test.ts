import { describe, expect, it } from "vitest";
import { readLocales } from "../../src/i18n.js";

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): Array<[string, string]> =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v]] : leaves(v, `${prefix}${k}.`)));

describe("documents locale", () => {
  const locales = readLocales();
  const kk = leaves(locales.kk.documents as Tree);
  const ru = leaves(locales.ru.documents as Tree);

  it("has the same keys in kk and ru and no empty text", () => {
    expect(kk.map(([k]) => k).sort()).toEqual(ru.map(([k]) => k).sort());
    for (const [key, text] of [...kk, ...ru]) expect(text.trim(), key).not.toBe("");
  });

  it("uses the same interpolation variables in both languages", () => {
    const vars = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const ruMap = new Map(ru);
    for (const [key, text] of kk) expect(vars(text), key).toEqual(vars(ruMap.get(key)!));
  });
});

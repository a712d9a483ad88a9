import { describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { buttonVerdict, textVerdict } from "../../src/services/call-check.js";
import { likelyScheme, mentionsRecoveryScam } from "../../src/services/likely-scheme.js";

const catalog = loadDefaultCatalog();
const { identities, requests } = catalog.callCheck;
const bank = identities.findIndex((i) => i.id === "bank");
const other = identities.findIndex((i) => i.id === "other");
const why = (id: string) => requests.find((r) => r.id === id)!.why;

describe("the call verdict from the buttons", () => {
  it("says «hang up» for every dangerous request, with that request's reason", () => {
    for (const r of requests.filter((x) => x.danger)) {
      const v = buttonVerdict(catalog, bank, [r.id]);
      expect(v.kind).toBe("danger");
      expect(v.why).toEqual(r.why);
      expect(v.scheme?.id).toBe("bank_security");
    }
  });

  it("stays calm when nothing dangerous is asked, and names no scheme", () => {
    const v = buttonVerdict(catalog, bank, ["nothing"]);
    expect(v).toMatchObject({ kind: "safe", scheme: undefined, why: why("nothing") });
  });

  it("lets one dangerous request outweigh harmless ones, and names no scheme for «other»", () => {
    const v = buttonVerdict(catalog, other, ["nothing", "keep_secret"]);
    expect(v).toMatchObject({ kind: "danger", why: why("keep_secret"), scheme: undefined });
  });
});

describe("the call verdict from a description", () => {
  it("recognises the scheme and explains with the request it found", () => {
    const v = textVerdict(catalog, catalog.recognize({ text: "Звонят из банка, просят назвать код из смс" }));
    expect(v).toMatchObject({ kind: "danger", why: why("code") });
    expect(v.scheme?.id).toBe("bank_security");
  });

  it("falls back to the scheme's first red flag when no request is named", () => {
    const v = textVerdict(catalog, catalog.recognize({ text: "Сәлем, анам жол апатына түсті деп жазды, ақша керек" }));
    expect(v.kind).toBe("danger");
    expect(v.scheme?.id).toBe("relative_in_trouble");
    expect(v.why).toEqual(v.scheme?.redFlags[0]);
  });

  it("is not sure about a description with no known scheme", () => {
    const v = textVerdict(catalog, catalog.recognize({ text: "Звонит какой-то человек и молчит в трубку" }));
    expect(v).toMatchObject({ kind: "safe", scheme: undefined, why: undefined, recoveryScam: false });
  });

  it("raises the recovery-scam warning for a «we will return your money» offer", () => {
    const recognition = catalog.recognize({ text: "Юрист обещает вернуть украденные деньги за комиссию" });
    expect(mentionsRecoveryScam(recognition)).toBe(true);
    expect(textVerdict(catalog, recognition).recoveryScam).toBe(true);
  });

  it("names a scheme only from a score of 0.5", () => {
    const recognition = { catalogVersion: catalog.version, techniques: [], schemes: [] };
    const at = (score: number) =>
      likelyScheme(catalog, { ...recognition, schemes: [{ id: "romance", score, reasons: [] }] })?.scheme.id;
    expect(at(0.49)).toBeUndefined();
    expect(at(0.5)).toBe("romance");
    expect(
      likelyScheme(catalog, { ...recognition, schemes: [{ id: "no_such_scheme", score: 0.9, reasons: [] }] }),
    ).toBeUndefined();
  });
});

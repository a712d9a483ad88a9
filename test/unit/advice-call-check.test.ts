import { describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { CALL_VERDICTS, type CallVerdictKind, LANGS } from "../../src/core/model.js";
import { buttonVerdict, textVerdict } from "../../src/services/call-check.js";
import { likelyScheme, mentionsRecoveryScam } from "../../src/services/likely-scheme.js";
import { catalogProblems } from "../support/catalog-problems.js";

const catalog = loadDefaultCatalog();
const { identities, requests, verdict } = catalog.callCheck;
const indexOf = (id: string) => identities.findIndex((i) => i.id === id);
const why = (id: string) => requests.find((r) => r.id === id)!.why;

/** Who speaks for the state or a bank: anything about money, a loan, a case or secrecy is fraud. */
const OFFICIALS = ["bank", "national_bank_or_regulator", "police", "knb", "prosecutor", "financial_monitoring"];
/**
 * The whole table, written out here as the specification: for each identity the requests
 * that only call for a call back; every other request is danger.
 */
const CALL_BACK_ONLY: Record<string, readonly string[]> = {
  bank: ["nothing"],
  national_bank_or_regulator: ["nothing"],
  police: ["nothing"],
  knb: ["nothing"],
  prosecutor: ["nothing"],
  financial_monitoring: ["nothing"],
  mobile_operator: ["nothing"],
  egov_or_service: ["nothing"],
  relative_or_friend: ["move_to_messenger", "money_talk", "nothing"],
  buyer: ["money_talk", "nothing"],
  employer: ["move_to_messenger", "money_talk", "nothing"],
  other: ["move_to_messenger", "nothing"],
};
const ALL_REQUESTS = [
  "code",
  "card_data",
  "install_app",
  "safe_account",
  "pay_or_transfer",
  "take_loan",
  "go_to_atm",
  "cash_courier",
  "buy_crypto",
  "open_link",
  "personal_data",
  "move_to_messenger",
  "money_talk",
  "loan_talk",
  "criminal_case",
  "keep_secret",
  "nothing",
];
const gravity = (v: CallVerdictKind) => CALL_VERDICTS.indexOf(v);

describe("the call check's table: every identity × request cell", () => {
  it("lists exactly the identities and requests the table specifies, asks before talk, «nothing» last", () => {
    expect(identities.map((i) => i.id).sort()).toEqual(Object.keys(CALL_BACK_ONLY).sort());
    expect(requests.map((r) => r.id).sort()).toEqual([...ALL_REQUESTS].sort());
    expect(requests.at(-1)?.id).toBe("nothing");
    const firstSay = requests.findIndex((r) => r.kind === "say");
    expect(requests.slice(firstSay, -1).every((r) => r.kind === "say")).toBe(true);
  });

  for (const identity of Object.keys(CALL_BACK_ONLY)) {
    for (const request of ALL_REQUESTS) {
      const expected: CallVerdictKind = CALL_BACK_ONLY[identity]!.includes(request) ? "call_back" : "danger";
      it(`${identity} × ${request} → ${expected}`, () => {
        expect(catalog.callCheck.cell(identity, request)).toBe(expected);
        const v = buttonVerdict(catalog, indexOf(identity), [request]);
        expect(v.kind).toBe(expected);
        expect(v.why).toBeDefined();
        if (expected === "danger" && request !== "nothing") expect(v.why).toEqual(why(request));
      });
    }
  }

  it("makes an official identity talking money, accounts, a loan, a case or secrecy danger", () => {
    for (const identity of OFFICIALS) {
      for (const request of [
        "money_talk",
        "loan_talk",
        "criminal_case",
        "keep_secret",
        "pay_or_transfer",
        "safe_account",
      ]) {
        expect(catalog.callCheck.verdictFor(identity, [request])).toBe("danger");
      }
    }
  });

  it("gives the gravest cell for any two requests, and choosing more never makes it milder", () => {
    for (const identity of Object.keys(CALL_BACK_ONLY)) {
      for (const a of ALL_REQUESTS) {
        for (const b of ALL_REQUESTS) {
          const pair = catalog.callCheck.verdictFor(identity, [a, b]);
          const cells = [a, b, "nothing"].map((r) => catalog.callCheck.cell(identity, r));
          expect(pair).toBe(cells.reduce((x, y) => (gravity(y) > gravity(x) ? y : x)));
          expect(gravity(pair)).toBeGreaterThanOrEqual(gravity(catalog.callCheck.verdictFor(identity, [a])));
        }
      }
    }
  });

  it("never says «safe»: the mildest verdict tells to hang up and call back on an official number", () => {
    expect(Object.keys(verdict).sort()).toEqual(["call_back", "danger"]);
    const mild = verdict.call_back;
    expect(mild.headline.ru).toMatch(/положите трубку/i);
    expect(mild.headline.kk).toMatch(/тұтқаны қойып/i);
    expect(mild.next.ru).toMatch(/официальн/);
    expect(mild.next.kk).toMatch(/ресми/);
    for (const lang of LANGS) {
      for (const v of Object.values(verdict)) {
        for (const text of [v.headline[lang], v.next[lang]]) {
          expect(text).not.toMatch(/признаков обмана (пока )?нет|всё в порядке|безопасно|белгілері жоқ|қауіп жоқ/i);
        }
      }
    }
  });

  it("answers a KNB call where «nothing of this» was asked with «call back», and why: KNB never talks money by phone", () => {
    const v = buttonVerdict(catalog, indexOf("knb"), ["nothing"]);
    expect(v).toMatchObject({ kind: "call_back", scheme: undefined });
    expect(v.why?.ru).toMatch(/КНБ/);
    expect(v.why?.kk).toMatch(/ҰҚК/);
  });

  it("names the scheme a claimed identity points to with a danger verdict", () => {
    expect(buttonVerdict(catalog, indexOf("bank"), ["code"]).scheme?.id).toBe("bank_security");
    expect(buttonVerdict(catalog, indexOf("knb"), ["criminal_case"]).scheme?.id).toBe("law_enforcement");
    expect(buttonVerdict(catalog, indexOf("other"), ["code"]).scheme).toBeUndefined();
  });
});

describe("the call check's table is complete in every catalogue that loads", () => {
  it("refuses a catalogue where an identity has no verdict for a request", () => {
    expect(
      catalogProblems((d) => {
        d.call_check.table.police = { danger: ["code"], call_back: ["nothing"] };
      }),
    ).toContain('call_check.table.police: no verdict for request "card_data"');
  });

  it("refuses a request under two verdicts, an unknown request, and an identity without a row", () => {
    const problems = catalogProblems((d) => {
      d.call_check.table.knb = {
        danger: [...d.call_check.table.knb.danger, "nothing"],
        call_back: ["nothing", "magic"],
      };
      delete d.call_check.table.employer;
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'call_check.table.knb.call_back: request "nothing" is also under danger',
        'call_check.table.knb.call_back: unknown request "magic"',
        'call_check.table: identity "employer" has no verdicts',
      ]),
    );
  });

  it("refuses a verdict other than danger or call_back (there is no «safe»)", () => {
    const problems = catalogProblems((d) => {
      d.call_check.table.other = { ...d.call_check.table.other, safe: ["nothing"] };
    });
    expect(problems.some((p) => p.startsWith("call_check.table.other"))).toBe(true);
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

  it("says «call back» (never «safe») about a description with no known scheme", () => {
    const v = textVerdict(catalog, catalog.recognize({ text: "Звонит какой-то человек и молчит в трубку" }));
    expect(v).toMatchObject({ kind: "call_back", scheme: undefined, why: undefined, recoveryScam: false });
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

import { describe, expect, it } from "vitest";
import { loadCatalog, loadDefaultCatalog, readDefaultCatalogYaml } from "../../src/catalog/load.js";
import { REQUIRED_ACTIONS, REQUIRED_CONTACTS } from "../../src/catalog/schema.js";
import type { Text } from "../../src/catalog/types.js";
import { BANKS, SCHEME_IDS, TECHNIQUES } from "../../src/core/model.js";

const catalog = loadDefaultCatalog();
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

function expectBoth(text: Text, where: string) {
  expect(text.kk.trim(), `${where}.kk`).not.toBe("");
  expect(text.ru.trim(), `${where}.ru`).not.toBe("");
  expect(text.kk, `${where}.kk is the Russian text`).not.toBe(text.ru);
}

describe("the default catalogue", () => {
  it("validates", async () => {
    const result = loadCatalog(readDefaultCatalogYaml());
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(catalog.version).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
    expect(catalog.status).toBe("active");
    expect(catalog.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("holds all 18 built-in schemes, active, with every text in both languages", async () => {
    expect(catalog.schemes().map((s) => s.id)).toEqual([...SCHEME_IDS]);
    for (const s of catalog.schemes()) {
      expect(s.builtIn).toBe(true);
      for (const [field, text] of [
        ["title", s.title],
        ["summary", s.summary],
        ["howItGoes", s.howItGoes],
      ] as const)
        expectBoth(text, `${s.id}.${field}`);
      expect(s.redFlags.length).toBeGreaterThan(0);
      expect(s.prevention.length).toBeGreaterThan(0);
      expect(s.urgentSteps.length).toBeGreaterThan(0);
      for (const [i, t] of s.redFlags.entries()) expectBoth(t, `${s.id}.redFlags[${i}]`);
      for (const [i, t] of s.prevention.entries()) expectBoth(t, `${s.id}.prevention[${i}]`);
      expect(s.summary.kk).toMatch(KAZAKH_LETTERS);
      expect(s.howItGoes.kk).toMatch(KAZAKH_LETTERS);
    }
  });

  it("has phrase patterns in Russian, Kazakh and Latin-letter Russian for every scheme", async () => {
    for (const s of catalog.document.schemes) {
      for (const lang of ["ru", "kk", "lat"] as const)
        expect(Object.keys(s.signals.phrases[lang] ?? {}).length, `${s.id}.${lang}`).toBeGreaterThan(0);
    }
  });

  it("has the 12 techniques with title and advice", async () => {
    expect(catalog.techniques().map((t) => t.id)).toEqual([...TECHNIQUES]);
    for (const t of catalog.techniques()) {
      expectBoth(t.title, `${t.id}.title`);
      expectBoth(t.advice, `${t.id}.advice`);
    }
  });

  it("has every action the guidance relies on, and the contacts they name", async () => {
    for (const id of REQUIRED_ACTIONS) {
      const action = catalog.action(id);
      expect(action, id).toBeDefined();
      if (action) expectBoth(action.text, id);
      if (action?.contact && action.contact !== "own_bank")
        expect(catalog.contact(action.contact), `${id}.contact`).toBeDefined();
    }
    for (const id of REQUIRED_CONTACTS) expect(catalog.contact(id)).toBeDefined();
    expect(catalog.action("egov_stop_credit")?.text.ru).toContain(
      "Добровольный отказ от получения банковских займов, микрокредитов",
    );
    expect(catalog.action("egov_stop_credit")?.text.kk).toContain(
      "Банктік қарыздар мен микрокредиттерді алудан ерікті түрде бас тарту",
    );
    expect(catalog.action("loan_police_decision")?.text.ru).toMatch(/71.*200|200.*71/s);
  });

  it("marks as checked only the contacts DOMAIN.md states: 102 and Halyk's 7111", async () => {
    const checked = catalog.contacts().filter((c) => c.checked);
    expect(checked.map((c) => [c.id, c.phone])).toEqual([
      ["police", "102"],
      ["halyk", "7111"],
    ]);
    for (const c of catalog.contacts()) expect(c.checked).toBe(c.checkedOn !== null);
    expect(catalog.bankContact("halyk")?.checked).toBe(true);
    expect(catalog.bankContact("kaspi")?.checked).toBe(false);
    expect(BANKS.filter((b) => catalog.bankContact(b)?.checked)).toEqual(["halyk"]);
    expectBoth(catalog.bankContactFallback, "bankContactFallback");
  });

  it("gives the urgency band: hours for the first day, business days after it", async () => {
    const at = (hours: number, businessDays: number) => catalog.triage({ hours, businessDays }).level;
    expect(at(0.5, 0)).toBe("critical");
    expect(at(2.99, 0)).toBe("critical");
    expect(at(3, 0)).toBe("urgent");
    expect(at(-1, 0)).toBe("critical");
    // 30 hours over a weekend: no business day has passed, the bank can still hold the money
    expect(at(30, 0)).toBe("soon");
    expect(at(24 * 9, 4)).toBe("soon");
    expect(at(24 * 7, 5)).toBe("late");
    expect(at(24 * 30, 20)).toBe("late");
    for (const b of catalog.triageBands) expectBoth(b.headline, b.level);
  });

  it("answers the call check from its table: officials talking money are danger, nothing is ever «safe»", async () => {
    const { callCheck } = catalog;
    expect(callCheck.requests.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        "code",
        "card_data",
        "install_app",
        "safe_account",
        "take_loan",
        "keep_secret",
        "go_to_atm",
        "personal_data",
        "pay_or_transfer",
        "cash_courier",
        "open_link",
        "buy_crypto",
        "criminal_case",
        "move_to_messenger",
        "money_talk",
        "loan_talk",
        "nothing",
      ]),
    );
    expect(callCheck.verdictFor("knb", ["nothing"])).toBe("call_back");
    expect(callCheck.verdictFor("knb", [])).toBe("call_back");
    expect(callCheck.verdictFor("knb", ["money_talk"])).toBe("danger");
    expect(callCheck.verdictFor("relative_or_friend", ["move_to_messenger", "nothing"])).toBe("call_back");
    expect(callCheck.verdictFor("relative_or_friend", ["move_to_messenger", "cash_courier"])).toBe("danger");
    expect(Object.keys(callCheck.verdict).sort()).toEqual(["call_back", "danger"]);
    expect(callCheck.verdict.danger.headline.ru).toBe("Положите трубку. Это мошенничество.");
    expect(callCheck.verdict.danger.headline.kk).toBe("Тұтқаны қойыңыз. Бұл — алаяқтық.");
    for (const r of callCheck.requests) {
      expectBoth(r.label, `request ${r.id}`);
      expectBoth(r.why, `request ${r.id}.why`);
    }
    expectBoth(callCheck.liveCall, "liveCall");
    expect(callCheck.identities.map((i) => i.id)).toContain("bank");
  });

  it("has the dropper check and the re-victimisation warnings", async () => {
    const d = catalog.dropperCheck;
    expect(d.questions.length).toBeGreaterThan(0);
    expect(d.crime.ru).toContain("232-1");
    expect(d.crime.kk).toContain("232-1");
    expect(d.crime.ru).toContain("7 лет");
    expect(d.actions.map((a) => a.id)).toContain("dropper_do_not_transfer");
    for (const t of [d.crime, d.refuse, d.moneyCame, catalog.awareness.afterReport, catalog.awareness.recoveryScam])
      expectBoth(t, "text");
  });

  it("is immutable and compiled once per text", async () => {
    expect(Object.isFrozen(catalog)).toBe(true);
    expect(Object.isFrozen(catalog.scheme("bank_security"))).toBe(true);
    expect(Object.isFrozen(catalog.document.schemes)).toBe(true);
    const again = loadCatalog(readDefaultCatalogYaml());
    expect(again.ok && again.catalog).toBe(catalog);
  });
});

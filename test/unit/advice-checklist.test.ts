import { describe, expect, it } from "vitest";
import { stepText } from "../../src/bot/render/checklist.js";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import {
  buildChecklist,
  hoursSinceLastTransfer,
  STEP_ORDER,
  type Step,
  transferInstant,
} from "../../src/core/advice/checklist.js";
import { findConflicts, type ShownStep } from "../../src/core/advice/conflicts.js";
import { type Answers, emptyAnswers } from "../../src/core/report/answers.js";
import { createI18n } from "../../src/i18n.js";
import { type AdviceCase, adviceCase, allAdviceCases, expectedCalls, LANG_PAIR } from "../support/advice-cases.js";

const catalog = loadDefaultCatalog();
const i18n = createI18n();
const NOW = new Date("2026-11-25T12:00:00Z"); // 17:00 in Kazakhstan
const answers = (a: Partial<Answers>): Answers => ({ ...emptyAnswers(), ...a });
const keys = (a: Partial<Answers>) => buildChecklist(answers(a)).steps.map((s) => s.key);
const ALWAYS_END = ["keep_evidence", "beware_recovery_scam"];

const shown = (a: Answers, steps: readonly Step[]): ShownStep[] =>
  steps.map((s) => ({
    action: s.action,
    text: {
      kk: stepText(catalog, (k, o) => i18n.t("kk", k, o), "kk", a, s),
      ru: stepText(catalog, (k, o) => i18n.t("ru", k, o), "ru", a, s),
    },
  }));

/** Numbers and addresses nobody has checked: never shown as fact. */
const UNCHECKED = catalog.contacts().filter((c) => !c.checked);
/** Claims no source supports: a lender's own deadline in days, a loan cancelled by stop-credit. */
const UNCONFIRMED_CLAIMS = [/календарн/i, /күнтізбелік/i, /аннулир/i, /жойылады/i, /в течение 3/i];

const cases = allAdviceCases(catalog.schemes().map((s) => s.id));

describe("every checklist: each scheme × kind of loss × loan × remote access × codes", () => {
  it(`covers ${cases.length} cases (40 or more)`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    it(c.name, () => checkCase(c));
  }
});

function checkCase(c: AdviceCase): void {
  const { steps } = buildChecklist(c.answers);
  const calls = steps.filter((s) => s.action === "call_bank");
  const texts = shown(c.answers, steps);

  // The first step: an attacker inside the phone is cut off (and its ID kept) before the banks are called.
  if (c.remote) {
    expect(steps.slice(0, 3).map((s) => s.action)).toEqual([
      "remote_access_disconnect",
      "remote_access_record_id",
      "call_bank",
    ]);
  } else {
    expect(steps[0]?.action).toBe("call_bank");
  }

  // The banks: the one the money left from (or the lender), most at stake first, each its own step.
  expect(calls.map((s) => (s.institution?.kind === "bank" ? s.institution.bank : s.institution?.kind))).toEqual(
    expectedCalls(c),
  );
  for (const [k, call] of calls.entries()) {
    const bank = call.institution?.kind === "bank" ? call.institution.bank : undefined;
    const text = texts[steps.indexOf(call)]!;
    for (const lang of LANG_PAIR) {
      if (bank) expect(text.text[lang]).toContain(i18n.plain(lang, `common:banks.${bank}`));
      if (bank === "halyk") expect(text.text[lang]).toContain("7111");
      else if (c.remote) expect(text.text[lang]).toContain(catalog.bankContactFallbackRemote[lang]);
      else if (!call.says?.every((s) => s === "lender_say_loan")) {
        expect(text.text[lang]).toContain(catalog.bankContactFallback[lang]);
      }
    }
    if (k === 0 && c.loan) expect(bank).toBe("kaspi");
  }

  // Two kinds of loss: money taken without the person is disputed, and the card reissued, as steps of their own.
  const taken = c.loss !== "sent";
  expect(steps.some((s) => s.key === "dispute_unauthorised_operation:halyk")).toBe(taken);
  expect(steps.some((s) => s.key === "reissue_card:halyk")).toBe(taken);
  const halyk = calls.find((s) => s.institution?.kind === "bank" && s.institution.bank === "halyk");
  if (taken) expect(halyk?.says).toContain("bank_say_unauthorised");
  const kaspi = calls.find((s) => s.institution?.kind === "bank" && s.institution.bank === "kaspi");
  if (c.loss !== "taken") expect(kaspi?.says).toContain("bank_say_hold_transfer");
  if (c.loan) {
    expect(kaspi?.says).toContain("lender_say_loan");
    expect(steps.map((s) => s.key)).toEqual(
      expect.arrayContaining(["loan_notify_lender_in_writing:kaspi", "loan_police_decision", "loan_biometrics_tell"]),
    );
  }
  if (c.codes) expect(steps.map((s) => s.action)).toContain("egov_change_password");

  // No two steps contradict each other, in either language.
  expect(findConflicts(texts, { remoteAccess: c.remote })).toEqual([]);

  // No unconfirmed fact: only checked facts, no unchecked number, no claim without a source.
  for (const s of steps) {
    for (const id of [s.action, ...(s.says ?? [])]) {
      const action = catalog.action(id);
      expect(action, id).toBeDefined();
      for (const f of action!.facts) expect(catalog.fact(f)?.checkedOn, `${id} cites ${f}`).not.toBeNull();
    }
  }
  for (const t of texts) {
    for (const lang of LANG_PAIR) {
      for (const contact of UNCHECKED) {
        if (contact.phone) expect(t.text[lang]).not.toMatch(new RegExp(`\\b${contact.phone}\\b`));
        if (contact.url) expect(t.text[lang]).not.toContain(contact.url);
      }
      for (const claim of UNCONFIRMED_CLAIMS) expect(t.text[lang]).not.toMatch(claim);
    }
  }
  expect(steps.slice(-2).map((s) => s.key)).toEqual(ALWAYS_END);
  expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
}

describe("buildChecklist: where the money went decides the bank to call", () => {
  it("Halyk card, a Kaspi loan and both transfers from Kaspi: Kaspi first, Halyk only for its card", () => {
    const a = answers({
      cardData: ["number", "cvv"],
      ownBank: "halyk",
      loanStatus: "without_me",
      loans: [{ lender: "Kaspi Bank", amount: { amountMinor: 150_000_000, currency: "KZT" } }],
      transfersMade: true,
      transfers: [
        { amount: { amountMinor: 100_000_000, currency: "KZT" }, method: "phone_number", ownBank: "kaspi" },
        { amount: { amountMinor: 50_000_000, currency: "KZT" }, method: "phone_number", ownBank: "kaspi" },
      ],
    });
    const calls = buildChecklist(a).steps.filter((s) => s.action === "call_bank");
    expect(calls.map((s) => s.key)).toEqual(["call_bank:kaspi", "call_bank:halyk"]);
    expect(calls[0]?.says).toEqual(["bank_say_hold_transfer", "lender_say_loan"]);
    expect(calls[1]?.says).toEqual(["bank_say_block_card"]);
  });

  it("orders banks by the amount at stake, whatever the order of the transfers", () => {
    const t = (bank: "forte" | "jusan" | "bcc", tenge: number) => ({
      amount: { amountMinor: tenge * 100, currency: "KZT" as const },
      ownBank: bank,
    });
    const list = keys({
      transfersMade: true,
      transfers: [t("forte", 10_000), t("jusan", 90_000), t("bcc", 50_000), t("forte", 5_000)],
    });
    expect(list.filter((k) => k.startsWith("call_bank"))).toEqual([
      "call_bank:jusan",
      "call_bank:bcc",
      "call_bank:forte",
    ]);
  });

  it("names a lender that is not a bank by what the person wrote, and calls it too", () => {
    const c = buildChecklist(
      answers({ loanStatus: "on_instructions", loans: [{ lender: "МФО «Быстрые деньги»" }], transfersMade: false }),
    );
    expect(c.steps[0]).toMatchObject({
      key: "call_bank:loan1",
      institution: { kind: "lender", name: "МФО «Быстрые деньги»", loan: 0 },
      says: ["lender_say_loan"],
    });
    const text = stepText(catalog, (k, o) => i18n.t("ru", k, o), "ru", answers({}), c.steps[0]!);
    expect(text).toContain(catalog.lenderContactFallback.ru);
  });

  it("sends a transfer with no bank named to the person's bank, or to «your bank»", () => {
    expect(keys({ ownBank: "forte", transfersMade: true, transfers: [{ method: "card_to_card" }] })[0]).toBe(
      "call_bank:forte",
    );
    expect(keys({ transfersMade: true, transfers: [{ method: "card_to_card" }] })[0]).toBe("call_bank:own");
  });

  it("leaves cash handed to a courier out of the bank calls and puts the courier step first", () => {
    expect(keys({ transfersMade: true, transfers: [{ method: "cash_courier" }] })[0]).toBe(
      "courier_call_102_with_description",
    );
  });

  it("has no bank call when no money moved and no card, code or phone was exposed", () => {
    expect(keys({ transfersMade: false })).toEqual([
      "call_102",
      "get_erdr_number",
      "keep_evidence",
      "beware_recovery_scam",
    ]);
  });

  it("lists steps in the one order, once each", () => {
    const c = adviceCase("bank_security", "both", true, true, true);
    const steps = buildChecklist(c.answers).steps;
    const order = steps.map((s) => STEP_ORDER.indexOf(s.action));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it("marks as done what the person already did: the call only when there is one bank to call", () => {
    const one = buildChecklist(
      answers({
        ownBank: "kaspi",
        transfersMade: true,
        transfers: [{ ownBank: "kaspi" }],
        alreadyDone: ["called_bank", "called_102"],
      }),
    );
    expect(one.alreadyDone).toEqual(["call_bank:kaspi", "call_102"]);
    const two = buildChecklist(adviceCase("bank_security", "both", false, false, false).answers);
    expect(
      buildChecklist({
        ...adviceCase("bank_security", "both", false, false, false).answers,
        alreadyDone: ["called_bank"],
      }).alreadyDone,
    ).toEqual([]);
    expect(two.steps.filter((s) => s.action === "call_bank")).toHaveLength(2);
  });
});

describe("remote access done right", () => {
  const c = adviceCase("bank_security", "sent", false, true, false);
  const steps = buildChecklist(c.answers).steps;
  const at = (action: string) => steps.findIndex((s) => s.action === action);

  it("disconnects, keeps the ID and sessions for the police, then calls from another phone, removes the app last", () => {
    expect(at("remote_access_disconnect")).toBe(0);
    expect(at("remote_access_record_id")).toBeLessThan(at("remote_access_remove_app"));
    expect(at("remote_access_record_id")).toBeLessThan(at("remote_access_reset_phone"));
    for (const call of steps.filter((s) => s.action === "call_bank"))
      expect(call.says?.[0]).toBe("bank_say_remote_access");
    expect(catalog.action("bank_say_remote_access")?.text.ru).toMatch(/с другого телефона/);
    expect(catalog.action("remote_access_reset_phone")?.text.ru).toMatch(/Не открывайте банковские приложения/);
  });

  it("finds the known contradictions when they are there", () => {
    const bad: ShownStep[] = [
      { action: "keep_evidence", text: { ru: "Ничего не удаляйте.", kk: "Ештеңені өшірмеңіз." } },
      { action: "remote_access_remove_app", text: { ru: "Удалите приложение.", kk: "Қосымшаны жойыңыз." } },
      { action: "call_bank", text: { ru: "Номер — в приложении банка.", kk: "Нөмір — банк қосымшасында." } },
    ];
    expect(findConflicts(bad, { remoteAccess: true })).toEqual([
      "delete_app_vs_delete_nothing (kk): keep_evidence, remote_access_remove_app",
      "delete_app_vs_delete_nothing (ru): keep_evidence, remote_access_remove_app",
      "bank_app_on_controlled_phone (kk): call_bank",
      "bank_app_on_controlled_phone (ru): call_bank",
    ]);
    expect(findConflicts([bad[2]!], { remoteAccess: false })).toEqual([]);
    expect(
      findConflicts(
        [
          { action: "remote_access_remove_app", text: { ru: "", kk: "" } },
          { action: "remote_access_record_id", text: { ru: "", kk: "" } },
        ],
        { remoteAccess: true },
      ),
    ).toEqual(["order: remote_access_record_id before remote_access_remove_app"]);
  });
});

describe("the golden hour: time since the last transfer", () => {
  it("reads a transfer's time as Kazakhstan time, midday when the time is missing", () => {
    expect(transferInstant({ date: "2026-11-25", time: "16:00" })?.toISOString()).toBe("2026-11-25T11:00:00.000Z");
    expect(transferInstant({ date: "2026-11-25" })?.toISOString()).toBe("2026-11-25T07:00:00.000Z");
    expect(transferInstant({})).toBeUndefined();
  });

  it("counts from the latest transfer and never below zero", () => {
    const a = answers({
      transfers: [
        { date: "2026-11-24", time: "10:00" },
        { date: "2026-11-25", time: "15:30" },
      ],
    });
    expect(hoursSinceLastTransfer(a, NOW)).toBeCloseTo(1.5);
    expect(hoursSinceLastTransfer(answers({ transfers: [{ date: "2026-11-26", time: "09:00" }] }), NOW)).toBe(0);
    expect(hoursSinceLastTransfer(answers({ transfers: [{ method: "card_to_card" }] }), NOW)).toBeUndefined();
    expect(buildChecklist(a).lastTransferAt?.toISOString()).toBe("2026-11-25T10:30:00.000Z");
  });
});

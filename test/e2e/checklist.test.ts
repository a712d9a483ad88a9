import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import type { Lang } from "../../src/core/model.js";
import { type Answers, emptyAnswers } from "../../src/core/report/answers.js";
import { createDraft, saveDraft } from "../../src/db/drafts.js";
import { buttonTexts, Harness } from "../support/harness.js";
import { sqlOf } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const NOW = new Date("2026-11-25T12:00:00Z"); // 17:00 in Kazakhstan
const catalog = loadDefaultCatalog();
const plain = (lang: Lang, key: string) => label(lang, key).replace(/<[^>]+>/g, "");

interface Case {
  name: string;
  answers: Partial<Answers>;
  /** The checklist, most urgent first. */
  expected: string[];
  /** The golden-hour headline at the top, if any. */
  triage: "critical" | undefined;
}

const base = (narrative: string): Partial<Answers> => ({
  filedFor: "self",
  narrative,
  incidentDate: "2026-11-25",
  channels: ["phone_call"],
  region: "almaty",
  contactConsent: false,
});

const cases: Case[] = [
  {
    name: "card number and CVV given, money transferred from Halyk an hour ago",
    answers: {
      ...base("Позвонили из банка, я назвал номер карты и CVV, потом перевёл деньги на другую карту."),
      cardData: ["number", "cvv"],
      ownBank: "halyk",
      transfersMade: true,
      transfers: [{ date: "2026-11-25", time: "16:00", method: "card_to_card", ownBank: "halyk", lossKind: "sent" }],
    },
    expected: [
      "call_bank:halyk",
      "call_102",
      "get_erdr_number",
      "reissue_card:halyk",
      "sue_dropper",
      "keep_evidence",
      "beware_recovery_scam",
    ],
    triage: "critical",
  },
  {
    name: "eGov 1414 code given and a loan taken at a microfinance organisation",
    answers: {
      ...base("Позвонили якобы из ЦОНа, я продиктовал код 1414, потом на меня оформили кредит в МФО."),
      codesReceived: ["egov_1414"],
      codesShared: ["egov_1414"],
      loanStatus: "without_me",
      loans: [{ lender: "МФО", date: "2026-11-25" }],
      transfersMade: false,
    },
    expected: [
      "call_bank:loan1",
      "egov_change_password",
      "call_102",
      "get_erdr_number",
      "egov_check_signature_and_loans",
      "egov_stop_credit",
      "loan_notify_lender_in_writing:loan1",
      "loan_police_decision",
      "loan_complain_regulator",
      "keep_evidence",
      "beware_recovery_scam",
    ],
    triage: undefined,
  },
  {
    name: "remote-access app installed and a messenger code given",
    answers: {
      ...base("Попросили установить AnyDesk, потом прислали код WhatsApp и я его назвал."),
      apps: ["anydesk"],
      codesReceived: ["messenger"],
      codesShared: ["messenger"],
      transfersMade: false,
    },
    expected: [
      "remote_access_disconnect",
      "remote_access_record_id",
      "call_bank:own",
      "messenger_recover_account",
      "call_102",
      "get_erdr_number",
      "change_bank_passwords_other_device",
      "remote_access_remove_app",
      "remote_access_reset_phone",
      "messenger_enable_2fa",
      "messenger_warn_contacts",
      "keep_evidence",
      "beware_recovery_scam",
    ],
    triage: undefined,
  },
];

const actionText = (key: string, lang: Lang) => catalog.action(key.split(":")[0]!)!.text[lang];

describe("the urgent checklist after the questionnaire", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
  });
  afterAll(async () => h.close());

  let nextId = 7000;
  for (const c of cases) {
    for (const lang of ["kk", "ru"] as const) {
      it(`${c.name}: the steps in order, each ticked off and recorded (${lang})`, async () => {
        const id = nextId++;
        const u = await consentedUser(h, id, lang);
        // The answers as the questionnaire would have saved them, stopped at the review.
        const db = h.app!.deps.db;
        const draft = await createDraft(db, id, lang, c.answers);
        await saveDraft(db, draft.id, { ...emptyAnswers(), ...c.answers }, { step: "review" });
        u.command("report");
        await u.waitFor((m) => buttonTexts(m).includes(label(lang, "questionnaire:draft.continue")));
        u.press(label(lang, "questionnaire:draft.continue"));
        await u.waitFor((m) => buttonTexts(m).includes(label(lang, "questionnaire:review.submit")));
        u.press(label(lang, "questionnaire:review.submit"));

        let step = await u.waitFor((m) => buttonTexts(m).includes(label(lang, "guidance:checklist.done")), {
          timeoutMs: 60_000,
        });
        const critical = catalog.triage({ hours: 1, businessDays: 0 }).headline[lang];
        expect(step.text.includes(critical)).toBe(c.triage === "critical");
        const seen: string[] = [];
        for (const [k, expected] of c.expected.entries()) {
          expect(step.text).toContain(actionText(expected, lang));
          expect(step.text).toContain(
            plain(lang, "guidance:checklist.step")
              .replace("{{n}}", String(k + 1))
              .replace("{{total}}", String(c.expected.length)),
          );
          if (expected === "call_bank:halyk") expect(step.text).toContain("7111");
          if (expected === "call_bank:loan1") expect(step.text).toContain(catalog.lenderContactFallback[lang]);
          if (expected === "call_bank:own") expect(step.text).toContain(catalog.bankContactFallbackRemote[lang]);
          expect(step.text).not.toContain("egov.kz"); // not checked yet: never shown as fact
          seen.push(expected);
          u.press(label(lang, "guidance:checklist.done"), step);
          const next = c.expected[k + 1];
          step = await u.waitFor(
            (m) =>
              next
                ? m.text.includes(actionText(next, lang))
                : m.text.includes(plain(lang, "guidance:checklist.all_done")),
            { kinds: ["edit"] },
          );
        }
        expect(seen).toEqual(c.expected);

        const rows = await sqlOf(h)<{ step: string; done_at: string }>(
          "SELECT step, done_at FROM report_steps_done WHERE report_id = ? ORDER BY step",
          draft.id,
        );
        expect(rows.map((r) => r.step)).toEqual([...c.expected].sort());
        for (const r of rows) expect(r.done_at).toBe(NOW.toISOString());
      });
    }
  }
});

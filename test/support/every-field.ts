/**
 * Walks the questionnaire through every free-text field (contacts, card, loans,
 * transfers, city, request numbers, the applicant) and the evidence step, reading
 * where the person is from the draft. Each text field first gets `extra` added to
 * a valid answer; if the bot asks again, the plain valid answer follows.
 */
import type { Lang } from "../../src/core/model.js";
import type { BotMessage, UserHandle } from "../emulator/index.js";
import { rows } from "./db-reader.js";
import { buttonTexts, type Harness } from "./harness.js";
import { label } from "./scenarios.js";

/** `text` is typed with the extra; `plain` (default: `text`) is what follows if the bot asks again. */
type StepPlan = { text: string; plain?: string } | { press: string } | { toggle: string[] } | { files: true };

/** Yesterday in Kazakhstan (UTC+5) as dd.mm.yyyy: answers that do not depend on the hour the test runs. */
export function yesterdayKz(): string {
  const d = new Date(Date.now() + 5 * 3600_000 - 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

export function everyFieldPlan(lang: Lang): Record<string, StepPlan> {
  const L = (key: string) => label(lang, key);
  const day = yesterdayKz();
  return {
    urgent: { press: L("questionnaire:steps.urgent.continue") },
    filed_for: { press: L("common:filed_for.self") },
    narrative: {
      text:
        lang === "kk"
          ? "Банктің қауіпсіздік қызметінен хабарласты, менің картам 4400 4302 9988 7767 бұғатталады деді."
          : "Позвонили из службы безопасности банка, сказали что моя карта 4400 4302 9988 7767 заблокирована.",
    },
    // The story check: decline what was read, so that every question is asked and typed into.
    story_check: { press: L("questionnaire:facts.none") },
    incident_date: { text: day },
    incident_time: { text: "10:15" },
    channels: { toggle: [L("common:channels.phone_call")] },
    contact_identity: { press: L("common:identities.bank") },
    contact_name: { text: lang === "kk" ? "Ерлан, қауіпсіздік қызметі" : "Ерлан, служба безопасности" },
    contact_phones: { text: "+7 701 234 56 78" },
    contact_time: { text: "10:20" },
    contact_handles: { text: "@fake_bank_kz" },
    contact_documents: { press: L("common:yes_no_unsure.no") },
    contact_more: { press: L("common:contact_more.done") },
    card_data: { toggle: [L("common:card_data.number")] },
    // The whole own card number, though only the last four digits are asked for.
    own_card_last4: { text: "4400 4302 9988 7767", plain: "7767" },
    own_bank: { press: L("common:banks.kaspi") },
    codes_received: { toggle: [L("common:code_sources.bank")] },
    codes_shared: { toggle: [L("common:code_sources.bank")] },
    disclosure_way: { toggle: [L("common:disclosure_ways.told_caller")] },
    apps: { press: L("common:buttons.none") },
    personal_data: { toggle: [L("common:personal_data.egov_password")] },
    loan_status: { press: L("common:loan_statuses.without_me") },
    loan_lender: { text: "МФО «Быстрые деньги»" },
    loan_amount: { text: "1,2 млн" },
    loan_date: { text: day },
    loan_biometrics: { press: L("common:biometrics.no") },
    loan_more: { press: L("common:more.done") },
    transfers_made: { press: L("common:yes_no.yes") },
    transfer_amount: { text: "450 000" },
    transfer_when: { text: `${day} 10:40` },
    transfer_method: { press: L("common:methods.card_to_card") },
    transfer_loss_kind: { press: L("common:loss_kinds.sent") },
    transfer_recipient: { text: "4400 4301 2345 6789 Айгүл Б." },
    transfer_recipient_bank: { press: L("common:banks.halyk") },
    transfer_own_bank: { press: L("common:banks.kaspi") },
    transfer_receipt: { text: "123456789" },
    transfer_more: { press: L("common:more.done") },
    region: { press: L("common:regions.karaganda") },
    city: { text: lang === "kk" ? "Теміртау" : "Темиртау" },
    victim_identity: { text: "Асель Нурланова, ИИН 850312300002, г. Темиртау, ул. Абая 10" },
    victim_device: { text: "+7 705 000 11 22, Samsung A52" },
    already_done: { toggle: [L("common:already_done.called_bank"), L("common:already_done.statement_filed")] },
    bank_request_no: { text: "KB-2026-1187" },
    statement_no: { text: "КУИ №2026-00123" },
    leak_sources: { toggle: [L("common:leak_sources.egov")] },
    evidence: { files: true },
    contact_consent: { press: L("common:yes_no.yes") },
    applicant_name: { text: "Асель Нурланова" },
    applicant_phone: { text: "+7 705 000 11 22" },
  };
}

const cursorStep = async (h: Harness, userId: number): Promise<string> => {
  const [row] = await rows<{ cursor: string }>(
    h,
    "SELECT cursor FROM reports WHERE user_id = ? AND status = 'draft' ORDER BY id DESC LIMIT 1",
    userId,
  );
  return row ? (JSON.parse(row.cursor) as { step: string }).step : "none";
};

const newQuestion = (u: UserHandle): Promise<BotMessage> =>
  u.waitFor((m) => m.buttons.length > 0, { kinds: ["new"], timeoutMs: 60_000 });

export interface FieldVisit {
  step: string;
  /** The bot took the text with `extra` in it (false: it asked again and got the plain answer). */
  tookExtra?: boolean;
}

/**
 * From the first question to the review. `extra` goes into every text field, file
 * caption and file name. Returns the steps visited.
 */
export async function fillEveryField(
  h: Harness,
  u: UserHandle,
  lang: Lang,
  extra: string,
  fileName: string,
): Promise<FieldVisit[]> {
  const plan = everyFieldPlan(lang);
  const visits: FieldVisit[] = [];
  for (let guard = 0; guard < 80; guard++) {
    const step = await cursorStep(h, u.user.id);
    if (step === "review") return visits;
    const p = plan[step];
    if (!p) throw new Error(`no plan for step ${step}`);
    if ("press" in p) {
      u.press(p.press);
      await newQuestion(u);
      visits.push({ step });
    } else if ("toggle" in p) {
      for (const option of p.toggle) {
        u.press(option);
        await u.waitFor((m) => buttonTexts(m).includes(`✅ ${option}`), { kinds: ["edit"], timeoutMs: 60_000 });
      }
      u.press(label(lang, "common:buttons.done"));
      await newQuestion(u);
      visits.push({ step });
    } else if ("text" in p) {
      u.send(`${p.text} ${extra}`);
      const reply = await newQuestion(u);
      const tookExtra = !reply.text.startsWith("⚠️");
      if (!tookExtra) {
        const plain = p.plain ?? p.text;
        u.send(plain);
        const again = await newQuestion(u);
        if (again.text.startsWith("⚠️")) throw new Error(`${step}: "${plain}" refused: ${again.text.slice(0, 160)}`);
      }
      visits.push({ step, tookExtra });
    } else {
      u.sendPhoto({ caption: `Скриншот: ${extra}` });
      await newQuestion(u);
      u.sendDocument({ name: fileName, mime: "application/pdf", bytes: Buffer.from("%PDF-1.4 receipt") });
      await newQuestion(u);
      u.press(label(lang, "common:buttons.done"));
      await newQuestion(u);
      visits.push({ step });
    }
  }
  throw new Error("the questionnaire did not reach the review");
}

/**
 * The walks issue 14 was found on, through the emulator in both languages: a Halyk card,
 * a Kaspi loan and both transfers from Kaspi (Kaspi is called first, each bank's letter
 * holds only its own facts); card data typed on a fake OLX page (a debit made without
 * the person: dispute and reissue, not "transfers made under deception"); then the ЕРДР
 * number and the complaint to the prosecutor; and a live call typed as a story.
 * The KNB call with «nothing of this» is walked in check.test.ts.
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import type { Lang } from "../../src/core/model.js";
import type { BotMessage, UserHandle } from "../emulator/index.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { type Move, play } from "../support/questionnaire-driver.js";
import { sqlOf } from "../support/reports-db.js";
import { done, label, none, P, skip, T, W } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const catalog = loadDefaultCatalog();
const NOW = new Date("2026-11-25T12:00:00Z");
const plain = (lang: Lang, key: string, options?: Record<string, unknown>) =>
  label(lang, key)
    .replace(/<[^>]+>/g, "")
    .replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(options?.[k] ?? ""));
const pdfText = (m: BotMessage) =>
  execFileSync("pdftotext", ["-raw", "-", "-"], { input: m.file!.bytes })
    .toString("utf8")
    .replace(/[\s\u00a0]+/g, " ");

const stories = {
  kaspi: {
    ru: "Позвонили из «службы безопасности банка», сказали, что на меня оформляют кредит. Я продиктовала данные карты Halyk, потом по их указанию перевела деньги из Kaspi двумя переводами, а ещё на меня оформили кредит в Kaspi.",
    kk: "«Банктің қауіпсіздік қызметінен» хабарласып, атыма несие рәсімделіп жатыр деді. Halyk картасының деректерін айттым, сосын олардың айтуымен Kaspi-ден екі рет ақша аудардым, оның үстіне атыма Kaspi-ден несие рәсімделді.",
  },
  olx: {
    ru: "Продавала диван на OLX. Покупатель написал в WhatsApp и прислал ссылку «для получения оплаты», я ввела на странице номер карты, срок и CVV, и с карты списали 85 000 тенге.",
    kk: "OLX-те диван сатып жатқанмын. Сатып алушы WhatsApp-қа жазып, «төлемді алу үшін» сілтеме жіберді, бетке карта нөмірін, мерзімін және CVV-ді енгіздім, картадан 85 000 теңге шешіліп кетті.",
  },
};

const opening = (lang: Lang, story: string): Move[] => [
  P(lang, "questionnaire:steps.urgent.continue"),
  P(lang, "common:filed_for.self"),
  W(story),
  // These walks answer every question themselves: what the story told is declined.
  { pressIf: label(lang, "questionnaire:facts.none") },
  P(lang, "common:day.today"),
  W("16:20"),
];
const closing = (lang: Lang): Move[] => [
  P(lang, "common:regions.almaty"),
  skip(lang),
  skip(lang),
  T(lang, "common:already_done.nothing"),
  done(lang),
  skip(lang),
  done(lang),
  P(lang, "common:yes_no.no"),
];

/** One caller; then the card data told (ending with its last 4 digits and Halyk), no codes, apps or personal data. */
const callerAndHalykCard = (lang: Lang, identity: string, handle: Move, cardData: string[]): Move[] => [
  P(lang, `common:identities.${identity}`),
  skip(lang),
  W(identity === "bank" ? "+7 701 234 56 78" : "+7 705 111 22 33"),
  skip(lang),
  handle,
  P(lang, "common:yes_no_unsure.no"),
  P(lang, "common:contact_more.done"),
  ...cardData.map((d) => T(lang, `common:card_data.${d}`)),
  done(lang),
  W("4821"),
  P(lang, "common:banks.halyk"),
  none(lang),
  skip(lang),
  none(lang),
  none(lang),
];

/** Halyk card data told, a Kaspi loan, two transfers sent from Kaspi. */
const kaspiWalk = (lang: Lang): Move[] => [
  ...opening(lang, stories.kaspi[lang]),
  T(lang, "common:channels.phone_call"),
  done(lang),
  ...callerAndHalykCard(lang, "bank", skip(lang), ["number", "cvv"]),
  P(lang, "common:loan_statuses.without_me"),
  W("Kaspi Bank"),
  W("1 500 000"),
  P(lang, "common:day.today"),
  P(lang, "common:biometrics.no"),
  P(lang, "common:more.done"),
  P(lang, "common:yes_no.yes"),
  W("1 000 000"),
  P(lang, "common:transfer_when.within_hour"),
  P(lang, "common:methods.phone_number"),
  P(lang, "common:loss_kinds.sent"),
  W("+7 777 123 45 67 Марат К."),
  P(lang, "common:banks.kaspi"),
  P(lang, "common:banks.kaspi"),
  skip(lang),
  P(lang, "common:more.another"),
  W("500 000"),
  P(lang, "common:transfer_when.within_hour"),
  P(lang, "common:methods.phone_number"),
  P(lang, "common:loss_kinds.sent"),
  W("+7 707 555 11 22"),
  P(lang, "common:banks.halyk"),
  P(lang, "common:banks.kaspi"),
  skip(lang),
  P(lang, "common:more.done"),
  ...closing(lang),
];

/** A "buyer" on OLX, card data typed on the page he sent, the money debited from the Halyk card. */
const olxWalk = (lang: Lang): Move[] => [
  ...opening(lang, stories.olx[lang]),
  T(lang, "common:channels.marketplace"),
  T(lang, "common:channels.messenger_message"),
  done(lang),
  ...callerAndHalykCard(lang, "buyer", W("olx-kz-safe-deal.com/pay"), ["number", "expiry", "cvv"]),
  P(lang, "common:loan_statuses.no"),
  P(lang, "common:yes_no.yes"),
  W("85 000"),
  P(lang, "common:transfer_when.within_hour"),
  P(lang, "common:methods.card_to_card"),
  P(lang, "common:loss_kinds.taken"),
  W("4400 4301 2345 6789"),
  P(lang, "common:banks.halyk"),
  P(lang, "common:banks.halyk"),
  skip(lang),
  P(lang, "common:more.done"),
  ...closing(lang),
];

interface Filed {
  files: Map<string, BotMessage>;
  checklist: BotMessage;
  reportId: number;
}

/** Plays the questionnaire, submits, and collects the files and the first checklist step. */
async function file(h: Harness, u: UserHandle, id: number, lang: Lang, script: Move[]): Promise<Filed> {
  u.press(label(lang, "menu:items.report"));
  await nextQuestion(u);
  const review = await play(u, script);
  expect(buttonTexts(review)).toContain(label(lang, "questionnaire:review.submit"));
  u.press(label(lang, "questionnaire:review.submit"));
  const checklist = await u.waitFor((m) => buttonTexts(m).includes(label(lang, "guidance:checklist.done")), {
    timeoutMs: 60_000,
  });
  const files = new Map(
    u
      .messages()
      .filter((m) => m.file?.file_name)
      .map((m) => [m.file!.file_name!, m]),
  );
  const [row] = await sqlOf(h)<{ id: number }>("SELECT id FROM reports WHERE user_id = ? AND status = 'submitted'", id);
  return { files, checklist, reportId: row!.id };
}

const fileLike = (f: Filed, part: string) => [...f.files.entries()].find(([name]) => name.includes(part))?.[1];

describe("advice a victim can trust, walked through the bot", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
  });
  afterAll(async () => h.close());

  for (const lang of ["kk", "ru"] as const) {
    it(`Halyk card, a Kaspi loan and transfers from Kaspi: Kaspi is called first; each letter holds its bank's facts (${lang})`, async () => {
      const id = lang === "kk" ? 14_001 : 14_002;
      const u = await consentedUser(h, id, lang);
      const filed = await file(h, u, id, lang, kaspiWalk(lang));

      const first = filed.checklist.text;
      expect(first).toContain(`🏦 ${label(lang, "common:banks.kaspi")}`);
      expect(first).toContain(catalog.action("bank_say_hold_transfer")!.text[lang]);
      expect(first).toContain(catalog.action("lender_say_loan")!.text[lang]);
      expect(first).toContain(catalog.bankContactFallback[lang]);
      expect(first).not.toContain("7111");

      const kaspi = pdfText(fileLike(filed, "_bank_kaspi_")!);
      const halyk = pdfText(fileLike(filed, "_bank_halyk_")!);
      expect(kaspi).toContain("+77771234567");
      expect(kaspi).toContain("+77075551122");
      expect(kaspi).toContain(label(lang, "documents:letters.bank.transfers"));
      expect(kaspi).not.toContain("CVV");
      expect(kaspi).not.toContain("4821");
      expect(halyk).toContain("CVV");
      expect(halyk).toContain("4821");
      expect(halyk).not.toContain("+77771234567");
      const lender = pdfText(fileLike(filed, "_lender_1_")!);
      expect(lender).toContain("Kaspi Bank");
      expect(lender).toContain(label(lang, "documents:letters.lender.no_biometrics"));
      expect(lender).toContain(catalog.fact("cpc_71")!.cite![lang]);
    });

    it(`card data typed on a fake OLX page: an unauthorised debit to dispute, then the ЕРДР number and the complaint (${lang})`, async () => {
      const id = lang === "kk" ? 14_011 : 14_012;
      const u = await consentedUser(h, id, lang);
      const filed = await file(h, u, id, lang, olxWalk(lang));

      const halyk = pdfText(fileLike(filed, "_bank_halyk_")!);
      expect(halyk).toContain(label(lang, "documents:letters.bank.title_unauthorised"));
      expect(halyk).toContain(label(lang, "documents:letters.bank.taken").slice(0, 40));
      expect(halyk).toContain(label(lang, "documents:letters.bank.dispute").slice(0, 40));
      expect(halyk).not.toContain(label(lang, "documents:letters.bank.transfers"));

      // First step: call Halyk (its number is checked) and say the money was taken without you.
      let step = filed.checklist;
      expect(step.text).toContain("7111");
      expect(step.text).toContain(catalog.action("bank_say_unauthorised")!.text[lang]);
      expect(step.text).not.toContain(catalog.action("bank_say_hold_transfer")!.text[lang]);
      const next = label(lang, "guidance:checklist.next");
      const advance = async (): Promise<BotMessage> => {
        const before = step.text;
        u.press(next, step);
        return u.waitFor((m) => m.message_id === step.message_id && m.text !== before, { kinds: ["edit"] });
      };
      // Step 3: the registration in ЕРДР, with its two buttons.
      step = await advance();
      step = await advance();
      expect(step.text).toContain(catalog.action("get_erdr_number")!.text[lang]);
      u.press(label(lang, "guidance:erdr.buttons.enter"), step);
      await u.waitFor((m) => m.text === plain(lang, "guidance:erdr.prompt"));
      u.send("КУИ № 2026-00123");
      await u.waitFor((m) => m.text.startsWith(plain(lang, "guidance:erdr.invalid").slice(0, 20)));
      u.press(label(lang, "guidance:erdr.buttons.enter"), step);
      await u.waitFor((m) => m.text === plain(lang, "guidance:erdr.prompt"));
      u.send("№ 2475 0003 1000 123");
      await u.waitFor((m) => m.text.includes("247500031000123"));
      const q = sqlOf(h);
      expect(await q<{ erdr_number: string }>("SELECT erdr_number FROM reports WHERE id = ?", filed.reportId)).toEqual([
        { erdr_number: "247500031000123" },
      ]);
      expect(
        await q<{ step: string }>(
          "SELECT step FROM report_steps_done WHERE report_id = ? AND step = 'get_erdr_number'",
          filed.reportId,
        ),
      ).toHaveLength(1);

      // Registration refused: the complaint to the prosecutor, in this language and the other.
      u.press(label(lang, "guidance:erdr.buttons.refused"), step);
      const complaint = await u.waitFor((m) => m.file?.file_name?.includes("_prosecutor_") === true);
      expect(complaint.text).toBe(label(lang, "report:files.letter_prosecutor"));
      const body = pdfText(complaint);
      expect(body).toContain(catalog.fact("cpc_105")!.cite![lang]);
      expect(body).toContain(label(lang, "documents:letters.prosecutor.title"));
      const other = lang === "kk" ? "ru" : "kk";
      u.press(label(lang, `guidance:erdr.in.${other}`), complaint);
      const translated = await u.waitFor((m) => m.file?.file_name?.endsWith(`_prosecutor_${other}.pdf`) === true);
      expect(pdfText(translated)).toContain(catalog.fact("cpc_105")!.cite![other]);

      // Steps 4 and 5: the written dispute of the unauthorised debit and the card reissue, each its own step.
      step = await advance();
      expect(step.text).toContain(catalog.action("dispute_unauthorised_operation")!.text[lang]);
      expect(step.text).toContain(`🏦 ${label(lang, "common:banks.halyk")}`);
      step = await advance();
      expect(step.text).toContain(catalog.action("reissue_card")!.text[lang]);
    });

    it(`puts «hang up» first when a story tells of a call going on now, with 102 and the bank by the card's number (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 14_021 : 14_022, lang);
      u.send(
        lang === "kk"
          ? "Маған қазір ҰҚК-дан қоңырау шалып тұр, қылмыстық іс ашылды, ақшаны арнайы шотқа аудар дейді"
          : "Мне сейчас звонят из КНБ и говорят, что на меня заведено уголовное дело, требуют перевести деньги",
      );
      const first = await u.nextReply();
      expect(first.text).toContain(catalog.callCheck.verdict.danger.headline[lang]);
      expect(first.text).toContain(catalog.callCheck.liveCall[lang]);
      expect(first.text).toContain("102");
      expect(buttonTexts(first)).toContain(label(lang, "menu:items.check"));
      const second = await u.nextReply();
      expect(second.text).toContain(catalog.scheme("law_enforcement")!.title[lang]);
    });

    it(`puts «hang up» before the next question when the questionnaire's story is a call going on now (${lang})`, async () => {
      const u = await consentedUser(h, lang === "kk" ? 14_031 : 14_032, lang);
      u.press(label(lang, "menu:items.report"));
      await nextQuestion(u);
      await play(u, [P(lang, "questionnaire:steps.urgent.continue"), P(lang, "common:filed_for.self")]);
      u.send(
        lang === "kk"
          ? "Қазір банктен хабарласып жатыр, кодты айт дейді"
          : "Мне сейчас звонят из банка и просят код из SMS",
      );
      const warning = await u.waitFor((m) => m.text.includes(catalog.callCheck.liveCall[lang]));
      expect(warning.text).toContain(catalog.callCheck.verdict.danger.headline[lang]);
      // The next question: the check of what the story told (a call, a code), or the date.
      const question = await u.waitFor(
        (m) =>
          m.text.includes(plain(lang, "questionnaire:steps.story_check.q").slice(0, 25)) ||
          m.text.includes(plain(lang, "questionnaire:steps.incident_date.q").slice(0, 25)),
      );
      expect(question.message_id).toBeGreaterThan(warning.message_id);
    });
  }
});

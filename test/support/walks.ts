/**
 * The two walks of issue 15, as a person types and taps them: a Russian-speaking
 * victim of the bank-security → "police" → loan → "safe account" chain, and a
 * Kazakh-speaking daughter reporting for her mother (an OLX "buyer" link, card data
 * typed on the page). Both tell the story first; the questionnaire asks only what
 * the story left out.
 *
 * Walked through the questionnaire as it was before (every question asked, «полтретьего»
 * and «Шымкент» refused, "20 000 и 15 000" read as one sum), the same facts took 60
 * inputs in Russian and 56 in Kazakh to reach the review (63 and 58 with issue 14's
 * "sent or taken" and biometrics questions; the issue counted 64, and 41 taps + 19
 * messages, on its own walks). Now: 25 and 27.
 */
import { createHash } from "node:crypto";
import type { Lang } from "../../src/core/model.js";
import type { Move } from "./questionnaire-driver.js";
import { label } from "./scenarios.js";

export interface Walk {
  lang: Lang;
  moves: Move[];
  /** The most inputs the issue allows to reach the review. */
  limit: number;
  file: { name: string; mime: string; bytes: Buffer };
}

const P = (lang: Lang, key: string): Move => ({ press: label(lang, key) });

const W = (text: string): Move => ({ type: text });

export const RU_STORY =
  "Вчера в полтретьего дня мне на номер +7 705 111 22 33 позвонили с +7 701 234 56 78, представились службой безопасности Kaspi Bank и сказали, что на меня оформляют кредит. Потом звонок перевели на следователя полиции: в 14:50 майор Ахметов звонил с +7 702 555 11 22 и прислал фото удостоверения в WhatsApp. Он велел установить AnyDesk, и я продиктовала код из SMS. На меня оформили кредит в Kaspi на 500 000 тенге. Потом сказали перевести деньги на безопасный счёт: в 15:10 с моей карты Kaspi я перевела 300 000 тенге на карту 4400 4301 2345 6789, получатель Айгуль Б., и в 15:25 — 200 000 тенге на счёт KZ73601A012345678901. Живу в Алматы, телефон Samsung A52.";

export const KK_STORY =
  "Анам OLX-ке диван сатуға хабарландыру берген еді. Кеше кешкі жетіде WhatsApp-қа +7 747 123 45 67 нөмірінен «сатып алушы» Айдос деген жазып, ақшаны алу үшін сілтеме жіберді: olx-kz.delivery-pay.site/order/5521. Анам сол сайтқа каспидегі картасының нөмірін, мерзімін және CVV кодын жазды, SMS-пен келген кодты да енгізді. Сосын сағат 19:40-та картасынан 20 000 және 15 000 теңге шешіліп кетті. Анам Шымкентте тұрады.";

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

export const walks: Record<Lang, Walk> = {
  ru: {
    lang: "ru",
    limit: 32,
    file: { name: "chek-kaspi.pdf", mime: "application/pdf", bytes: pdf("Kaspi receipt 300000 KZT") },
    moves: [
      P("ru", "questionnaire:steps.urgent.continue"),
      P("ru", "common:filed_for.self"),
      W(RU_STORY),
      P("ru", "questionnaire:facts.confirm"),
      // Caller 1 (the "bank"): name and links not in the story, documents not mentioned.
      P("ru", "common:buttons.skip"),
      P("ru", "common:buttons.skip"),
      P("ru", "common:yes_no_unsure.no"),
      // Caller 2 (the "police"): name, number, time and ID were in the story.
      P("ru", "common:buttons.skip"),
      P("ru", "common:contact_more.done"),
      P("ru", "common:buttons.none"),
      P("ru", "common:buttons.none"),
      W("вчера"),
      P("ru", "common:biometrics.no"),
      P("ru", "common:more.done"),
      P("ru", "common:banks.halyk"),
      P("ru", "common:buttons.skip"),
      W("квитанция № 123456789"),
      P("ru", "common:more.done"),
      W("Сапарова Гульнара Ахметовна, ИИН 850312300002, 12.03.1985, г. Алматы, ул. Абая 10, кв. 5, +7 705 111 22 33"),
      W("позвонила в банк, карту заблокировали"),
      W("KB-2026-1187"),
      P("ru", "common:buttons.skip"),
      { file: { name: "chek-kaspi.pdf", mime: "application/pdf", bytes: pdf("Kaspi receipt 300000 KZT") } },
      P("ru", "common:buttons.done"),
      P("ru", "common:yes_no.yes"),
    ],
  },
  kk: {
    lang: "kk",
    limit: 30,
    file: { name: "kaspi-skrin.pdf", mime: "application/pdf", bytes: pdf("Kaspi 20000 15000") },
    moves: [
      P("kk", "questionnaire:steps.urgent.continue"),
      P("kk", "common:filed_for.parent"),
      W(KK_STORY),
      P("kk", "questionnaire:facts.confirm"),
      P("kk", "common:yes_no_unsure.no"),
      P("kk", "common:contact_more.done"),
      W("4821"),
      P("kk", "common:buttons.none"),
      P("kk", "common:buttons.none"),
      P("kk", "common:loan_statuses.no"),
      // Transfer 1: the app only said "a transfer"; «каспиде» is the mother's own app.
      P("kk", "common:methods.card_to_card"),
      W("білмеймін, каспиде тек «аударым» деп тұр"),
      P("kk", "common:buttons.skip"),
      W("жоқ"),
      // Transfer 2.
      P("kk", "common:methods.card_to_card"),
      P("kk", "common:buttons.skip"),
      P("kk", "common:buttons.skip"),
      P("kk", "common:more.done"),
      W("Сапарова Гүлнар Ахметқызы, ЖСН 610312400000, Шымкент қ., Тауке хан даңғылы 12, 5-пәтер"),
      W("+7 701 765 43 21, Samsung A12"),
      W("банкке хабарластық, картаны бұғаттадық"),
      P("kk", "common:buttons.skip"),
      P("kk", "common:buttons.skip"),
      { file: { name: "kaspi-skrin.pdf", mime: "application/pdf", bytes: pdf("Kaspi 20000 15000") } },
      P("kk", "common:buttons.done"),
      P("kk", "common:yes_no.yes"),
      W("Дана Сапарова, +7 777 765 43 21"),
    ],
  },
};

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Toggles are inputs too: every move is one tap or one message. */
export const inputCount = (walk: Walk) => walk.moves.length;

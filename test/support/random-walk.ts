/**
 * A person answering the questionnaire at random, as people do: buttons, typed
 * answers (several sums or phones at once, «нет», spoken times, towns by name, a
 * story full of facts), skips, going back, files, suggestions taken or not, edits
 * from the review. Seeded: the same seed walks the same way. Every transition is
 * recorded for the property tests to judge.
 */
import { optionsFor } from "../../src/core/questionnaire/answer.js";
import { advance, type Outcome, type QState } from "../../src/core/questionnaire/engine.js";
import { firstCursor } from "../../src/core/questionnaire/flow.js";
import type { Input } from "../../src/core/questionnaire/inputs.js";
import { SECTIONS, type StepId, stepDef } from "../../src/core/questionnaire/steps.js";
import { suggestionFor } from "../../src/core/questionnaire/suggestions.js";
import { emptyAnswers } from "../../src/core/report/answers.js";
import { mulberry32 } from "../emulator/faults.js";
import { KK_STORY, RU_STORY } from "./walks.js";

const STORIES = [
  RU_STORY,
  KK_STORY,
  "Позвонили из службы безопасности банка, сказали что на меня оформляют кредит, попросили продиктовать код из смс и перевести деньги на безопасный счёт.",
  "Нашла на OLX iPhone за полцены, продавец попросил предоплату на карту 5169 4931 2345 6781, я перевела 180 000 тенге.",
  "Маме написали в WhatsApp от имени брата, она перевела 250000 и 50 000 по номеру +7 776 555 12 12.",
  "Кеше түнде +7 708 555 44 33 нөмірінен ХҚКО-дан деп хабарласып, 1414 кодын сұрады, атыма МҚҰ-дан 1,2 млн несие рәсімделді. Астанада тұрамын.",
  "Мне позвонили",
];

/** Typed answers per question: valid, several values at once, «нет», and some that are refused. */
const TYPED: Partial<Record<StepId, string[]>> = {
  narrative: STORIES,
  incident_date: [
    "вчера",
    "сегодня",
    "вчера в 14:30",
    "вчера вечером",
    "24.11.2026",
    "кеше кешке",
    "не помню",
    "вчера в полтретьего",
  ],
  incident_time: ["14:30", "полтретьего", "днём", "кешкі жетіде", "вечером", "25:00", "без четверти пять"],
  contact_name: ["Ерлан", "майор Ахметов", "нет", "-", "служба безопасности Kaspi"],
  contact_phones: [
    "+7 701 234 56 78",
    "+7 701 234 56 78, 8 (700) 555-44-33",
    "87471234567 и 87021234567",
    "1414",
    "нет",
    "не помню",
    "+7 702 555 11 22 в 14:50",
  ],
  contact_time: ["вчера в 14:30", "14:50", "кешкі жетіде", "нет", "завтра"],
  contact_handles: ["@fake_bank_kz", "olx-kz.delivery-pay.site/order/5521", "t.me/kaspi_help и @bank_support", "нет"],
  own_card_last4: ["4821", "4400 4302 9988 7767", "-", "48"],
  loan_lender: ["каспи", "МФО «Быстрые деньги»", "Kaspi Bank", "нет"],
  loan_amount: ["500 000", "1,2 млн", "500 000 и 300 000", "20 000 және 15 000 теңге", "-", "не помню"],
  loan_date: ["вчера", "24.11.2026", "01.01.2020", "нет", "сегодня"],
  transfer_amount: [
    "300 000",
    "20 000 и 15 000 тенге",
    "50к + 30к",
    "20 000 тағы 15 000",
    "3 раза по 50 000",
    "100 USDT",
    "нет",
  ],
  transfer_when: ["вчера 15:10", "15:25", "сегодня в 16:00", "кеше 19:40-та", "нет", "сегодня в 23:00"],
  transfer_recipient: [
    "4400 4301 2345 6789 Айгуль Б.",
    "+7 777 123 45 67 Марат К.",
    "KZ73601A012345678901",
    "KZ667220000123456789 ТОО Ромашка",
    "білмеймін, каспиде тек «аударым» деп тұр",
    "Kaspi Gold 4400 4301 2345 6789, Ерлан",
    "нет",
    "4400 4301 2345 6789 и +7 777 123 45 67",
  ],
  transfer_receipt: ["квитанция № 123456789", "нет", "A-1187"],
  transfer_crypto: ["TRC20, Binance", "нет", "сеть трон, обменник в телеграме"],
  city: ["Темиртау", "нет", "Сатпаев"],
  victim_identity: [
    "Сапарова Гульнара Ахметовна, ИИН 850312300002, г. Алматы, ул. Абая 10, кв. 5, +7 705 111 22 33",
    "Сапарова Гүлнар Ахметқызы, ЖСН 610312400000, Шымкент қ., Тауке хан даңғылы 12, 5-пәтер",
    "Петров Иван, счёт KZ73601A012345678901",
    "ИИН 850312300001",
    "нет",
  ],
  victim_device: ["+7 705 111 22 33, Samsung A52", "Redmi Note 10", "нет", "+7 701 765 43 21"],
  bank_request_no: ["KB-2026-1187", "-"],
  statement_no: ["КУИ №2026-00123", "нет"],
  applicant_name: ["Асель Нурланова", "Дана Сапарова, +7 777 765 43 21", "-"],
  applicant_phone: ["+7 705 000 11 22", "+7 705 000 11 22 или +7 777 111 22 33", "нет"],
  region: ["шымкентте", "в Темиртау", "Алматы облысы", "не скажу"],
  transfer_own_bank: ["каспи", "KZ667220000123456789", "с халыка"],
  transfer_recipient_bank: ["каспи", "не знаю"],
  contact_documents: ["да", "жоқ", "не помню"],
  codes_shared: ["айтпады, сайтқа жазды", "нет"],
  card_data: ["номер и срок", "ничего"],
  already_done: ["позвонила в банк, карту заблокировали", "ештеңе"],
};

export interface Transition {
  before: QState;
  input: Input;
  outcome: Outcome;
}

export interface Walked {
  transitions: Transition[];
  final: QState;
}

const NOW = new Date("2026-11-25T12:00:00Z");
export const WALK_NOW = NOW;

let fileCounter = 0;

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/** One input a person might give at this question. */
function inputFor(rnd: () => number, state: QState): Input {
  const { cursor, answers } = state;
  const def = stepDef(cursor.step);
  const r = rnd();
  if (def.kind !== "review" && def.kind !== "menu") {
    if (r < 0.04 && cursor.step !== "urgent") return { type: "back" };
    if (r < 0.06) {
      fileCounter++;
      return {
        type: "file",
        file: {
          fileId: `f${fileCounter}`,
          fileUniqueId: `u${fileCounter % 7}`,
          kind: "photo",
          receivedAt: NOW.toISOString(),
        },
      };
    }
    if (r < 0.16 && def.skippable) return { type: "skip" };
    if (suggestionFor(answers, cursor) && rnd() < 0.6) return { type: "accept" };
  }
  const options = optionsFor(cursor.step, answers, cursor);
  const typed = TYPED[cursor.step];
  switch (def.kind) {
    case "info":
      return { type: "continue" };
    case "single":
      if (typed && rnd() < 0.3) return { type: "text", text: pick(rnd, typed) };
      return { type: "choose", option: pick(rnd, options) };
    case "multi": {
      if (typed && rnd() < 0.2) return { type: "text", text: pick(rnd, typed) };
      if (def.none && rnd() < 0.3) return { type: "none" };
      if (options.length && rnd() < 0.6) return { type: "toggle", option: pick(rnd, options) };
      return { type: "done" };
    }
    case "text":
      if (def.quick && rnd() < 0.3) return { type: "choose", option: pick(rnd, options) };
      return { type: "text", text: pick(rnd, typed ?? ["нет"]) };
    case "files":
      return { type: "done" };
    case "facts":
      if (options.length && rnd() < 0.4) return { type: "toggle", option: pick(rnd, options) };
      return rnd() < 0.85 ? { type: "done" } : { type: "none" };
    case "menu":
      if (rnd() < 0.15) return { type: "back" };
      return { type: "choose", option: pick(rnd, options) };
    case "review":
      return { type: "edit", section: pick(rnd, SECTIONS) };
  }
}

/** Walks from the first question; at the review, goes on editing a few times, then stops. */
export function walk(seed: number, maxInputs = 160): Walked {
  const rnd = mulberry32(seed);
  let state: QState = { answers: emptyAnswers(), cursor: firstCursor() };
  const transitions: Transition[] = [];
  let reviews = 0;
  for (let n = 0; n < maxInputs; n++) {
    if (state.cursor.step === "review") {
      reviews++;
      if (reviews > 3 || rnd() < 0.4) break;
    }
    const input = inputFor(rnd, state);
    const outcome = advance(state, input, { now: NOW, lang: rnd() < 0.5 ? "ru" : "kk" });
    transitions.push({ before: state, input, outcome });
    state = outcome.state;
  }
  return { transitions, final: state };
}

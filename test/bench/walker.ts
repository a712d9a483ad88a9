/**
 * A simulated person walking the questionnaire: reads the buttons on screen now
 * (they carry the step and the draft's revision), decides from a persona what to
 * answer at that step, and presses the right button or types. Ends at the review.
 */
import type { InlineKeyboardButton } from "grammy/types";
import { type QuestionAction, questionData } from "../../src/bot/callback-data/questionnaire.js";
import type { Lang } from "../../src/core/model.js";
import { OPTIONS, type StepId, stepDef } from "../../src/core/questionnaire/steps.js";
import type { Screen } from "./fake-api.js";

export type Move = { kind: "text"; text: string } | { kind: "press"; messageId: number; data: string };

type Answer = { choose: string } | { toggle: string[] } | { text: string } | "skip" | "none" | "done" | "continue";

/** What a persona answers at each step; an array answers a repeated step item by item. */
export type Persona = Partial<Record<StepId, Answer | Answer[]>>;

const common: Persona = {
  urgent: "continue",
  filed_for: { choose: "self" },
  contact_handles: "skip",
  contact_documents: { choose: "no" },
  contact_more: { choose: "done" },
  loan_status: { choose: "no" },
  leak_sources: "skip",
  evidence: "done",
  contact_consent: { choose: "no" },
};

/** Three walks with different branches: a bank-security call, a marketplace seller, a relative in trouble. */
export const PERSONAS: Record<Lang, Persona[]> = {
  ru: [
    {
      ...common,
      narrative: {
        text: "Позвонили из службы безопасности банка, сказали что на меня оформляют кредит, попросили продиктовать код из смс и перевести деньги на безопасный счёт.",
      },
      incident_date: { choose: "yesterday" },
      incident_time: { text: "10:15" },
      channels: { toggle: ["phone_call"] },
      contact_identity: { choose: "bank" },
      contact_name: { text: "Ерлан, служба безопасности" },
      contact_phones: { text: "+7 701 234 56 78" },
      card_data: { toggle: ["number"] },
      own_card_last4: { text: "4821" },
      own_bank: { choose: "kaspi" },
      codes_received: { toggle: ["bank"] },
      codes_shared: { toggle: ["bank"] },
      apps: "none",
      personal_data: "none",
      transfers_made: { choose: "yes" },
      transfer_amount: { text: "450 000" },
      transfer_when: { choose: "within_hour" },
      transfer_method: { choose: "card_to_card" },
      transfer_loss_kind: { choose: "sent" },
      transfer_recipient: { text: "4400 4301 2345 6789 Айгуль Б." },
      transfer_recipient_bank: { choose: "halyk" },
      transfer_own_bank: { choose: "kaspi" },
      transfer_more: { choose: "done" },
      region: { choose: "almaty" },
      already_done: { toggle: ["called_bank"] },
      bank_request_no: { text: "KB-2026-1187" },
    },
    {
      ...common,
      narrative: {
        text: "Нашла на OLX iPhone за полцены, продавец попросил предоплату на карту, после перевода заблокировал меня.",
      },
      incident_date: { choose: "yesterday" },
      incident_time: "skip",
      channels: { toggle: ["marketplace", "messenger_message"] },
      contact_identity: { choose: "seller" },
      contact_name: { text: "Марат" },
      contact_phones: { text: "87771234567" },
      contact_handles: { text: "olx.kz/d/obyavlenie/iphone-15-ID12345.html" },
      card_data: "none",
      codes_received: "none",
      apps: "none",
      personal_data: "none",
      transfers_made: { choose: "yes" },
      transfer_amount: { text: "180 000 тг" },
      transfer_when: { choose: "yesterday" },
      transfer_method: { choose: "phone_number" },
      transfer_loss_kind: { choose: "sent" },
      transfer_recipient: { text: "+7 777 123 45 67 Марат К." },
      transfer_recipient_bank: { choose: "kaspi" },
      transfer_own_bank: { choose: "kaspi" },
      transfer_more: { choose: "done" },
      region: { choose: "karaganda" },
      city: { text: "Темиртау" },
      already_done: { toggle: ["nothing"] },
      contact_consent: { choose: "yes" },
      applicant_name: { text: "Асель Нурланова" },
      applicant_phone: { text: "+7 705 000 11 22" },
    },
  ],
  kk: [
    {
      ...common,
      filed_for: { choose: "parent" },
      narrative: {
        text: "Анама WhatsApp-та інімнің атынан жазып, жол апатына түстім, тез ақша керек деді, ол телефон нөмірі арқылы аударды.",
      },
      incident_date: { choose: "yesterday" },
      incident_time: { text: "09:40" },
      channels: { toggle: ["messenger_message"] },
      contact_identity: { choose: "relative_or_friend" },
      contact_name: { text: "інім Дәурен" },
      contact_phones: { text: "+7 702 987 65 43" },
      card_data: "none",
      codes_received: "none",
      apps: "none",
      personal_data: "none",
      transfers_made: { choose: "yes" },
      transfer_amount: [{ text: "250000" }, { text: "50 000" }],
      transfer_when: [{ choose: "within_hour" }, { choose: "today" }],
      transfer_method: { choose: "phone_number" },
      transfer_loss_kind: { choose: "sent" },
      transfer_recipient: { text: "+7 776 555 12 12" },
      transfer_recipient_bank: { choose: "halyk" },
      transfer_own_bank: { choose: "halyk" },
      transfer_more: [{ choose: "another" }, { choose: "done" }],
      region: { choose: "shymkent" },
      already_done: { toggle: ["nothing"] },
    },
  ],
};

interface Shown {
  step: StepId;
  item: number;
  buttons: Map<string, string>;
}

/**
 * Callback data read before: the same buttons come back for every simulated person, and
 * checking each with zod again was over 1 % of the CPU the bench counts as the bot's.
 */
const unpacked = new Map<string, ReturnType<typeof questionData.unpack>>();
const unpack = (data: string) => {
  if (!unpacked.has(data)) {
    if (unpacked.size > 50_000) unpacked.clear();
    unpacked.set(data, questionData.unpack(data));
  }
  return unpacked.get(data);
};

/** Questionnaire buttons on screen, by "action" or "action:option" → callback data. */
function read(screen: Screen | undefined): Shown | undefined {
  if (!screen) return undefined;
  const buttons = new Map<string, string>();
  let step: StepId | undefined;
  let item = 0;
  for (const b of screen.buttons.flat() as InlineKeyboardButton.CallbackButton[]) {
    const q = unpack(b.callback_data);
    if (!q) continue;
    step = q.s;
    item = q.i ?? 0;
    buttons.set(q.o === undefined ? q.a : `${q.a}:${q.o}`, b.callback_data);
  }
  return step ? { step, item, buttons } : undefined;
}

const optionIndex = (step: StepId, id: string): number => {
  const def = stepDef(step);
  const list =
    def.kind === "single" || def.kind === "multi" ? def.options : def.kind === "text" ? def.quick : undefined;
  return list ? OPTIONS[list].indexOf(id) : -1;
};

/** Gives up on a step shown this many times in a row without progress (an answer refused). */
const MAX_REPEATS = 6;

export class Walker {
  /** Reached the review. */
  finished = false;
  /** Could not go on (an answer refused again and again, or no buttons). */
  stuck = false;
  private started = false;
  private toggled = new Set<string>();
  private last = "";
  private repeats = 0;

  constructor(readonly persona: Persona) {}

  /** The next thing to do, given the screen after the bot handled the previous one. */
  next(screen: Screen | undefined): Move | undefined {
    if (!this.started) {
      this.started = true;
      return { kind: "text", text: "/report" };
    }
    const shown = read(screen);
    if (!shown || !screen) return this.giveUp();
    if (shown.step === "review") {
      this.finished = true;
      return undefined;
    }
    const where = `${shown.step}:${shown.item}`;
    this.repeats = where === this.last ? this.repeats + 1 : 0;
    this.last = where;
    if (this.repeats > MAX_REPEATS) return this.giveUp();
    const move = this.answer(shown, where);
    return move ? this.asMove(screen, shown, move) : this.giveUp();
  }

  private giveUp(): undefined {
    this.stuck = true;
    return undefined;
  }

  private answer(shown: Shown, where: string): Answer | undefined {
    const planned = this.persona[shown.step];
    const answer = Array.isArray(planned) ? (planned[shown.item] ?? planned.at(-1)) : planned;
    if (answer && typeof answer === "object" && "toggle" in answer) {
      const next = answer.toggle.find((id) => !this.toggled.has(`${where}:${id}`));
      if (next === undefined) return "done";
      this.toggled.add(`${where}:${next}`);
      return { toggle: [next] };
    }
    if (answer) return answer;
    if (shown.buttons.has("s")) return "skip";
    if (shown.buttons.has("n")) return "none";
    if (shown.buttons.has("d")) return "done";
    return undefined;
  }

  private asMove(screen: Screen, shown: Shown, answer: Answer): Move | undefined {
    if (typeof answer === "object" && "text" in answer) return { kind: "text", text: answer.text };
    const key = (a: QuestionAction, option?: string) => {
      if (option === undefined) return a;
      // codes_shared offers only the codes received, in their order.
      const o = shown.step === "codes_shared" ? 0 : optionIndex(shown.step, option);
      return `${a}:${o}`;
    };
    const wanted =
      answer === "skip"
        ? key("s")
        : answer === "none"
          ? key("n")
          : answer === "done"
            ? key("d")
            : answer === "continue"
              ? key("k")
              : "choose" in answer
                ? key("c", answer.choose)
                : key("t", answer.toggle[0]);
    const data = shown.buttons.get(wanted);
    return data === undefined ? undefined : { kind: "press", messageId: screen.messageId, data };
  }
}

/** Personas in turn: two Russian walks, one Kazakh. */
export function personaFor(index: number): { lang: Lang; walker: Walker } {
  const all = [...PERSONAS.ru.map((p) => ["ru", p] as const), ...PERSONAS.kk.map((p) => ["kk", p] as const)];
  const [lang, persona] = all[index % all.length]!;
  return { lang, walker: new Walker(persona) };
}

/**
 * One questionnaire step as a Telegram message: the question in the person's
 * language (worded for themselves or for someone else), the saved answer if
 * any, and its buttons.
 */
import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { optionsFor } from "../../core/questionnaire/answer.js";
import { hasAnswer } from "../../core/questionnaire/clear.js";
import type { QState } from "../../core/questionnaire/engine.js";
import { passed, selfWithContact } from "../../core/questionnaire/flow.js";
import { SECTIONS, type Section, type StepDef, stepDef } from "../../core/questionnaire/steps.js";
import { suggestionFor } from "../../core/questionnaire/suggestions.js";
import { type QuestionAction, questionData } from "../callback-data/questionnaire.js";
import { menuOptionLabel, menuText } from "./edit-menu.js";
import { factsText } from "./story-facts.js";
import { contactLine, reviewSummary } from "./summary.js";
import { behalfT, currentValue, escapeHtml, ident, label, lenderText, money, type T, transferLine } from "./values.js";

/** A question as shown: the state plus the draft's revision that its buttons carry. */
export type Shown = QState & { rev: number };

export interface RenderedQuestion {
  text: string;
  keyboard: InlineKeyboard;
}

/** The i18next context that switches wording to "on behalf of someone". */
export const behalf = (state: QState) =>
  state.answers.filedFor && state.answers.filedFor !== "self" ? { context: "behalf" } : {};

const pack = (state: Shown, a: QuestionAction, o?: number) =>
  questionData.pack({ a, s: state.cursor.step, i: state.cursor.item, o, r: state.rev });

function button(t: T, textKey: string, action: QuestionAction, state: Shown, o?: number): InlineKeyboardButton {
  return InlineKeyboard.text(t(textKey), pack(state, action, o));
}

const chunk = <X>(list: X[], size: number): X[][] => {
  const rows: X[][] = [];
  for (let i = 0; i < list.length; i += size) rows.push(list.slice(i, i + size));
  return rows;
};

function optionList(def: StepDef): string | undefined {
  if (def.kind === "single" || def.kind === "multi") return def.options;
  if (def.kind === "text") return def.quick;
  return undefined;
}

/** The options ticked so far at a multiple-choice step. */
export function selectedOf(state: QState): readonly string[] {
  const a = state.answers;
  const map: Partial<Record<string, readonly string[] | undefined>> = {
    channels: a.channels,
    card_data: a.cardData,
    codes_received: a.codesReceived,
    codes_shared: a.codesShared,
    apps: a.apps,
    personal_data: a.personalData,
    already_done: a.alreadyDone,
    leak_sources: a.leakSources,
    disclosure_way: a.disclosedVia,
  };
  return map[state.cursor.step] ?? [];
}

function navigation(t: T, state: Shown, def: StepDef): InlineKeyboardButton[][] {
  const { step, item, editing } = state.cursor;
  const row: InlineKeyboardButton[] = [];
  if (step !== "urgent") row.push(button(t, "common:buttons.back", "b", state));
  if (def.skippable) {
    const keep = editing || hasAnswer(state.answers, state.cursor);
    row.push(button(t, keep ? "common:buttons.keep" : "common:buttons.skip", "s", state));
  }
  const rows = row.length > 0 ? [row] : [];
  const group = def.repeated;
  if (editing && group && item !== undefined && item < state.answers[group].length) {
    rows.push([button(t, `questionnaire:remove.${group}`, "r", state)]);
  }
  return rows;
}

const FACTS_PER_ROW = 5;

function keyboardFor(t: T, state: Shown): InlineKeyboard {
  const def = stepDef(state.cursor.step);
  const options = optionsFor(state.cursor.step, state.answers, state.cursor);
  const optionT = behalfT(t, state.answers);
  const rows: InlineKeyboardButton[][] = [];
  const list = optionList(def);
  if (def.kind === "facts") {
    const off = state.answers.pending?.unticked ?? [];
    const toggles = options.map((_fact, o) =>
      InlineKeyboard.text(`${off.includes(o) ? "▫️" : "✅"} ${o + 1}`, pack(state, "t", o)),
    );
    rows.push(...chunk(toggles, FACTS_PER_ROW));
    rows.push([button(t, "questionnaire:facts.confirm", "d", state)]);
    rows.push([button(t, "questionnaire:facts.none", "n", state)]);
    rows.push([button(t, "common:buttons.back", "b", state)]);
    return InlineKeyboard.from(rows);
  }
  if (def.kind === "menu") {
    rows.push(...options.map((id, o) => [InlineKeyboard.text(menuOptionLabel(t, state, id), pack(state, "c", o))]));
    rows.push([button(t, "common:buttons.back", "b", state)]);
    return InlineKeyboard.from(rows);
  }
  const suggestion = suggestionFor(state.answers, state.cursor);
  if (suggestion && list) {
    rows.push([
      InlineKeyboard.text(
        t("questionnaire:suggest.yes", { value: label(optionT, list, suggestion.option) }),
        pack(state, "a"),
      ),
    ]);
  }
  if (def.kind === "info") rows.push([button(t, "questionnaire:steps.urgent.continue", "k", state)]);
  if (def.kind === "files") rows.push([button(t, "common:buttons.done", "d", state)]);
  if (list && (def.kind === "single" || def.kind === "text")) {
    const columns = def.kind === "single" ? (def.columns ?? 1) : 3;
    rows.push(
      ...chunk(
        options.map((id, o) => InlineKeyboard.text(label(optionT, list, id), pack(state, "c", o))),
        columns,
      ),
    );
  }
  if (list && def.kind === "multi") {
    const selected = selectedOf(state);
    const toggles = options.map((id, o) =>
      InlineKeyboard.text(`${selected.includes(id) ? "✅ " : ""}${label(optionT, list, id)}`, pack(state, "t", o)),
    );
    rows.push(...chunk(toggles, def.columns ?? 1));
    const end: InlineKeyboardButton[] = [];
    if (def.none) end.push(button(t, "common:buttons.none", "n", state));
    end.push(button(t, "common:buttons.done", "d", state));
    rows.push(end);
  }
  if (def.kind === "review") {
    const sections = SECTIONS.map((s, o) => button(t, `questionnaire:sections.${s}`, "e", state, o));
    rows.push(...chunk(sections, 3));
    rows.push([button(t, "questionnaire:review.submit", "x", state)]);
    rows.push([button(t, "common:buttons.back", "b", state)]);
    return InlineKeyboard.from(rows);
  }
  rows.push(...navigation(t, state, def));
  return InlineKeyboard.from(rows);
}

function progress(t: T, section: Section | null): string {
  if (!section) return "";
  const n = SECTIONS.indexOf(section) + 1;
  return `${t("questionnaire:progress", { n, total: SECTIONS.length, section: t(`questionnaire:sections.${section}`) })}\n\n`;
}

export function renderQuestion(t: T, state: Shown): RenderedQuestion {
  return { text: questionScreenText(t, state), keyboard: keyboardFor(t, state) };
}

/** The question's text alone: a question just answered keeps it, and its buttons are not built. */
export function questionScreenText(t: T, state: Shown): string {
  const { step, item = 0 } = state.cursor;
  const def = stepDef(step);
  if (def.kind === "review") return reviewSummary(t, state.answers);
  if (def.kind === "menu") return menuText(t, state);
  const ctx = { n: item + 1, ...behalf(state) };
  const header = itemHeader(t, state);
  const parts = [progress(t, def.section) + (header ? `${header}\n` : "") + questionText(t, state, ctx)];
  if (def.kind === "facts") {
    const a = state.answers;
    parts.push(factsText(t, a.pending?.facts ?? [], a.pending?.unticked ?? []));
    parts.push(t("questionnaire:facts.hint"));
  }
  const suggestion = suggestionFor(state.answers, state.cursor);
  const list = optionList(def);
  if (suggestion && list) {
    parts.push(
      t(`questionnaire:suggest.${suggestion.from}`, {
        value: escapeHtml(label(behalfT(t, state.answers), list, suggestion.option)),
        interpolation: { escapeValue: false },
      }),
    );
  }
  const now = currentValue(t, step, state.answers, item);
  if (now) parts.push(t("questionnaire:current", { value: now, interpolation: { escapeValue: false } }));
  if (step === "transfer_more" || step === "loan_more" || step === "contact_more") {
    const summary = itemSummary(t, state);
    if (summary) parts.push(summary);
  }
  return parts.join("\n\n");
}

const FIRST_OF = { contacts: "contact_identity", loans: "loan_lender", transfers: "transfer_amount" } as const;

/**
 * Which caller, loan or transfer a question is about, when that is not obvious: there
 * are several, or its first question was answered by the story and not shown.
 */
function itemHeader(t: T, state: Shown): string | undefined {
  const { step, item = 0 } = state.cursor;
  const group = stepDef(step).repeated;
  if (!group || step === FIRST_OF[group]) return undefined;
  const a = state.answers;
  const firstPassed = passed(a, { step: FIRST_OF[group], item });
  if (a[group].length < 2 && !firstPassed) return undefined;
  const summary =
    group === "contacts"
      ? contactLine(t, a.contacts[item] ?? { phones: [], handles: [] }, item + 1).replace(/^\d+\. /, "")
      : group === "transfers"
        ? transferLine(t, a.transfers[item] ?? {})
        : [lenderText(t, a.loans[item]), money(a.loans[item]?.amount)].filter(Boolean).join(" · ");
  return t(`questionnaire:item.${group}`, { n: item + 1, summary, interpolation: { escapeValue: false } });
}

/** The question; filing for oneself with a name and phone given, consent shows exactly those. */
function questionText(t: T, state: Shown, ctx: Record<string, unknown>): string {
  const a = state.answers;
  if (state.cursor.step === "contact_consent" && selfWithContact(a)) {
    return t("questionnaire:steps.contact_consent.q_known", {
      name: escapeHtml(a.victim!.name!),
      phone: ident(a.victim!.phone!),
      interpolation: { escapeValue: false },
    });
  }
  return t(`questionnaire:steps.${state.cursor.step}.q`, ctx);
}

function itemSummary(t: T, state: Shown): string | undefined {
  const { step } = state.cursor;
  if (step === "transfer_more") return reviewSummary(t, state.answers, ["transfers"]);
  if (step === "loan_more") return reviewSummary(t, state.answers, ["loans"]);
  return reviewSummary(t, state.answers, ["contacts"]);
}

/**
 * The review's menu as buttons: the items of a section (caller 1, caller 2, + a new
 * one), then the fields of one item or section, each opening exactly that question.
 */
import type { QState } from "../../core/questionnaire/engine.js";
import { contactLine } from "./summary.js";
import { escapeHtml, lenderText, money, type T, transferLine } from "./values.js";

const MAX_LABEL = 60;
const cut = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);
/** Button texts are plain: no HTML. */
const plain = (s: string) =>
  s
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function itemLabel(t: T, state: QState, n: number): string {
  const a = state.answers;
  switch (state.cursor.editing) {
    case "contacts":
      return contactLine(t, a.contacts[n]!, n + 1);
    case "loans": {
      const l = a.loans[n]!;
      return `${n + 1}. ${[lenderText(t, l), money(l.amount)].filter(Boolean).join(" · ") || t("questionnaire:summary.empty_item")}`;
    }
    default:
      return `${n + 1}. ${transferLine(t, a.transfers[n]!)}`;
  }
}

/** The text of a menu option's button. */
export function menuOptionLabel(t: T, state: QState, option: string): string {
  const item = /^item:(\d+)$/.exec(option);
  if (item) return cut(plain(itemLabel(t, state, Number(item[1]))));
  if (option === "add") return t(`questionnaire:menu.add.${state.cursor.editing}`);
  if (option === "remove") return t(`questionnaire:remove.${state.cursor.editing}`);
  const step = option.replace(/^step:/, "");
  return t(`questionnaire:fields.${step}`);
}

/** The menu's question: which item, or which field (of item N). */
export function menuText(t: T, state: QState): string {
  const { editing, item } = state.cursor;
  const section = t(`questionnaire:sections.${editing}`);
  if (item !== undefined) return t("questionnaire:menu.which_field_of", { section, n: item + 1 });
  if (editing === "contacts" || editing === "loans" || editing === "transfers") {
    return t("questionnaire:menu.which_item", { section });
  }
  return t("questionnaire:menu.which_field", { section: escapeHtml(section) });
}

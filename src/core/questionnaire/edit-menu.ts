/**
 * The review's way into one answer: a section with several items asks which one
 * (caller 2, transfer 1, or a new one), then which field; a section with several
 * questions asks which field. Changing caller 2 never walks through caller 1.
 */
import type { Answers } from "../report/answers.js";
import { sectionPositions } from "./flow.js";
import { type Cursor, type Section, stepDef } from "./steps.js";

export type ItemGroup = "contacts" | "loans" | "transfers";
const GROUPS: Partial<Record<Section, ItemGroup>> = { contacts: "contacts", loans: "loans", transfers: "transfers" };
/** The question of a group's section that is not about one item. */
const GROUP_QUESTION: Partial<Record<ItemGroup, string>> = { loans: "loan_status", transfers: "transfers_made" };
const FIRST_STEP = { contacts: "contact_identity", loans: "loan_lender", transfers: "transfer_amount" } as const;

export const groupOf = (section: Section): ItemGroup | undefined => GROUPS[section];

/**
 * The options of the menu at `at` ({step: "edit_menu", editing: section, item?}):
 * "item:N" (choose an item), "add", "step:<id>" (change that question), "remove".
 */
export function editMenuOptions(a: Answers, at: Cursor): string[] {
  const section = at.editing;
  if (!section) return [];
  const group = groupOf(section);
  if (group && at.item === undefined) {
    const items = a[group].map((_, i) => `item:${i}`);
    const question = GROUP_QUESTION[group];
    const open =
      group === "contacts" ||
      (group === "loans" ? a.loanStatus !== undefined && a.loanStatus !== "no" : a.transfersMade === true);
    return [...(question ? [`step:${question}`] : []), ...items, ...(open ? ["add"] : [])];
  }
  const steps = sectionPositions(a, section)
    .filter((p) => (group ? p.item === at.item && stepDef(p.step).repeated : true))
    .filter((p) => p.step !== "contact_more" && p.step !== "loan_more" && p.step !== "transfer_more")
    .map((p) => `step:${p.step}`);
  return group ? [...new Set(steps), "remove"] : [...new Set(steps)];
}

/** Where pressing a section at the review leads: its only question, or its menu. */
export function openSection(a: Answers, section: Section): Cursor {
  const group = groupOf(section);
  if (group) return { step: "edit_menu", editing: section };
  const positions = sectionPositions(a, section);
  if (positions.length === 1) return { step: positions[0]!.step, editing: section, field: true };
  if (positions.length === 0) return { step: "review" };
  return { step: "edit_menu", editing: section };
}

/** Where an option of the menu leads. */
export function chooseInMenu(a: Answers, at: Cursor, option: string): Cursor | "remove" | undefined {
  const section = at.editing;
  if (!section) return undefined;
  const group = groupOf(section);
  if (option === "remove") return "remove";
  if (option === "add" && group) {
    return { step: FIRST_STEP[group], item: a[group].length, editing: section };
  }
  const item = /^item:(\d+)$/.exec(option);
  if (item) return { step: "edit_menu", item: Number(item[1]), editing: section };
  const step = /^step:([a-z_]+)$/.exec(option)?.[1];
  if (!step) return undefined;
  const repeated = stepDef(step as Cursor["step"]).repeated;
  return {
    step: step as Cursor["step"],
    ...(repeated && at.item !== undefined ? { item: at.item } : {}),
    editing: section,
    field: true,
  };
}

/**
 * One urgent step as the person reads it: for a bank or lender, its name and how to reach
 * it (a checked number, or where to find the real one — never a number the caller gave),
 * then what to do or say. Texts come from the catalogue; numbers only when someone checked
 * them. Pure, so tests can read every checklist the bot can show.
 */
import type { Catalog } from "../../catalog/types.js";
import type { Step } from "../../core/advice/checklist.js";
import type { Institution } from "../../core/advice/institutions.js";
import type { Lang } from "../../core/model.js";
import type { Answers } from "../../core/report/answers.js";
import type { Translate } from "../../i18n.js";
import { escapeHtml } from "./values.js";

/** The bank or lender's name: the bank's label, the lender as the person wrote it, or "your bank". */
export function institutionName(t: Translate, i: Institution): string {
  switch (i.kind) {
    case "bank":
      return escapeHtml(t(`common:banks.${i.bank}`));
    case "lender":
      return i.name ? escapeHtml(i.name) : t("guidance:checklist.lender_unnamed");
    case "own":
      return t("guidance:checklist.own_bank");
  }
}

/** How to reach it: the checked number, else where the real one is. */
function institutionContact(catalog: Catalog, step: Step, lang: Lang, remote: boolean): string {
  const i = step.institution!;
  const loanOnly = (step.says ?? []).every((s) => s === "lender_say_loan") && step.action === "call_bank";
  const contact = i.kind === "bank" ? catalog.bankContact(i.bank) : undefined;
  if (contact?.checked && contact.phone)
    return `☎️ ${escapeHtml(contact.name[lang])}: <b>${escapeHtml(contact.phone)}</b>`;
  // A loan taken in the person's name may be at a bank whose card they never had.
  if (i.kind === "lender" || loanOnly) return `☎️ ${escapeHtml(catalog.lenderContactFallback[lang])}`;
  const fallback = remote ? catalog.bankContactFallbackRemote : catalog.bankContactFallback;
  return `☎️ ${escapeHtml(fallback[lang])}`;
}

/** A step's contact that is not a bank: shown only when someone checked it. */
function fixedContact(catalog: Catalog, contactId: string | undefined, lang: Lang): string | undefined {
  if (!contactId || contactId === "own_bank") return undefined;
  const c = catalog.contact(contactId);
  if (!c?.checked) return undefined;
  const how = [c.phone && `<b>${escapeHtml(c.phone)}</b>`, c.url && escapeHtml(c.url)].filter(Boolean).join(", ");
  return how ? `☎️ ${escapeHtml(c.name[lang])}: ${how}` : undefined;
}

/** The step's text (HTML), without the progress line and buttons. */
export function stepText(catalog: Catalog, t: Translate, lang: Lang, answers: Answers, step: Step): string {
  const action = catalog.action(step.action);
  const text = action ? escapeHtml(action.text[lang]) : step.action;
  if (!step.institution) return [text, fixedContact(catalog, action?.contact, lang)].filter(Boolean).join("\n\n");
  const remote = (answers.apps ?? []).length > 0;
  const head = `🏦 <b>${institutionName(t, step.institution)}</b>`;
  if (step.action !== "call_bank") return `${head}\n\n${text}`;
  const says = (step.says ?? []).map((s) => `• ${escapeHtml(catalog.action(s)?.text[lang] ?? s)}`);
  return [head, institutionContact(catalog, step, lang, remote), [text, ...says].join("\n")].join("\n\n");
}

/**
 * Answers as short, escaped text in the person's language: used for "your answer
 * now" under a question and for the review summary.
 */
import type { StepId } from "../../core/questionnaire/steps.js";
import type {
  Answers,
  Contact,
  CryptoDetails,
  Identifier,
  Loan,
  Money,
  Transfer,
  Victim,
} from "../../core/report/answers.js";
import { formatDate as dateText, formatMoney, maskedCard } from "../../documents/format.js";

export type T = (key: string, options?: Record<string, unknown>) => string;

export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * `t` for a report filed for someone else: texts with a "_behalf" form use it
 * («Оларға өзі жазды» instead of «Өзім оларға жаздым»), the rest are the same.
 */
export const behalfT = (t: T, answers: Pick<Answers, "filedFor">): T =>
  answers.filedFor && answers.filedFor !== "self" ? (key, options) => t(key, { context: "behalf", ...options }) : t;

/** A label for an option id from locales/common.json, e.g. label(t, "banks", "kaspi"). */
export const label = (t: T, list: string, id: string) => t(`common:${list}.${id}`);
export const labels = (t: T, list: string, ids: readonly string[] | undefined) =>
  ids && ids.length > 0 ? ids.map((id) => label(t, list, id)).join(", ") : undefined;

export const ident = (i: Identifier) => escapeHtml(i.value) + (i.foreign ? " 🌐" : "");
/** Money and dates are written the same in both languages (documents/format.ts). */
export const money = (m: Money | undefined) => (m ? formatMoney(m) : undefined);
export const formatDate = (date: string | undefined) => (date ? dateText(date) : undefined);

const short = (s: string | undefined, max = 300) =>
  s === undefined ? undefined : escapeHtml(s.length > max ? `${s.slice(0, max)}…` : s);

/** "TRC20 · Binance · TXID 9f2c…": what is known of a crypto transfer. */
export function cryptoText(t: T, c: CryptoDetails | undefined): string | undefined {
  if (!c) return undefined;
  const parts = [
    c.network && escapeHtml(c.network),
    c.exchange && escapeHtml(c.exchange),
    c.txid && `${t("questionnaire:summary.txid")} ${escapeHtml(c.txid)}`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : undefined;
}

export function transferLine(t: T, tr: Transfer): string {
  const parts = [
    [formatDate(tr.date), tr.time].filter(Boolean).join(" "),
    money(tr.amount),
    tr.method ? label(t, "methods", tr.method) : undefined,
    tr.lossKind === "taken" ? label(t, "loss_kinds", "taken") : undefined,
    tr.recipient ? ident(tr.recipient) : undefined,
    tr.recipientName ? escapeHtml(tr.recipientName) : undefined,
    tr.recipientBank ? label(t, "banks", tr.recipientBank) : undefined,
    tr.ownBank ? t("questionnaire:summary.from_bank", { bank: label(t, "banks", tr.ownBank) }) : undefined,
    tr.receiptId ? `${t("questionnaire:summary.receipt")} ${escapeHtml(tr.receiptId)}` : undefined,
    cryptoText(t, tr.crypto),
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(" · ") : t("questionnaire:summary.empty_item");
}

/** The lender as named: a bank from the buttons, or what the person wrote. */
export const lenderText = (t: T, l: Loan | undefined): string | undefined =>
  l?.lenderBank ? label(t, "banks", l.lenderBank) : l?.lender ? escapeHtml(l.lender) : undefined;

/** When a caller called: "24.11.2026 14:30", or the time alone. */
export const callText = (c: Contact | undefined): string | undefined =>
  [formatDate(c?.callDate), c?.callTime].filter(Boolean).join(" ") || undefined;

/** The victim's identity in one line: name, IIN, date of birth, address, phone. */
export function victimText(t: T, v: Victim | undefined): string | undefined {
  if (!v) return undefined;
  const parts = [
    v.name && escapeHtml(v.name),
    v.iin && `${t("questionnaire:summary.iin")} ${v.iin}`,
    v.birthDate && `${t("questionnaire:summary.born")} ${formatDate(v.birthDate)}`,
    v.address && escapeHtml(v.address),
    v.phone && ident(v.phone),
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : undefined;
}

/** The phone that received the calls, and the device. */
export const deviceText = (a: Answers): string | undefined =>
  [a.receivingPhone && ident(a.receivingPhone), a.device && escapeHtml(a.device)].filter(Boolean).join(", ") ||
  undefined;

/** The current answer of one step, or undefined when nothing is saved for it. */
export function currentValue(t: T, step: StepId, a: Answers, item: number): string | undefined {
  const c = a.contacts[item];
  const l = a.loans[item];
  const tr = a.transfers[item];
  switch (step) {
    case "filed_for":
      return a.filedFor && label(t, "filed_for", a.filedFor);
    case "narrative":
      return short(a.narrative, 200);
    case "incident_date":
      return formatDate(a.incidentDate);
    case "incident_time":
      return a.incidentTime && (/^\d/.test(a.incidentTime) ? a.incidentTime : label(t, "part_of_day", a.incidentTime));
    case "contact_identity":
      return c?.claimedIdentity && label(t, "identities", c.claimedIdentity);
    case "contact_name":
      return short(c?.claimedName);
    case "contact_phones":
      return c && c.phones.length > 0 ? c.phones.map(ident).join(", ") : undefined;
    case "contact_time":
      return callText(c);
    case "contact_handles":
      return c && c.handles.length > 0 ? c.handles.map(ident).join(", ") : undefined;
    case "contact_documents":
      return c?.showedDocuments && label(t, "yes_no_unsure", c.showedDocuments);
    case "own_card_last4":
      return a.ownCardLast4 && maskedCard(a.ownCardLast4);
    case "own_bank":
      return a.ownBank && label(t, "banks", a.ownBank);
    case "loan_status":
      return a.loanStatus && label(t, "loan_statuses", a.loanStatus);
    case "loan_lender":
      return lenderText(t, l);
    case "loan_amount":
      return money(l?.amount);
    case "loan_date":
      return formatDate(l?.date);
    case "loan_biometrics":
      return l?.biometrics && label(t, "biometrics", l.biometrics);
    case "transfers_made":
      return a.transfersMade === undefined ? undefined : label(t, "yes_no", a.transfersMade ? "yes" : "no");
    case "transfer_amount":
      return money(tr?.amount);
    case "transfer_when":
      return tr?.date && [formatDate(tr.date), tr.time].filter(Boolean).join(" ");
    case "transfer_method":
      return tr?.method && label(t, "methods", tr.method);
    case "transfer_loss_kind":
      return tr?.lossKind && label(t, "loss_kinds", tr.lossKind);
    case "transfer_recipient":
      return (
        [tr?.recipient ? ident(tr.recipient) : undefined, short(tr?.recipientName)].filter(Boolean).join(" ") ||
        undefined
      );
    case "transfer_recipient_bank":
      return tr?.recipientBank && label(t, "banks", tr.recipientBank);
    case "transfer_own_bank":
      return tr?.ownBank && label(t, "banks", tr.ownBank);
    case "transfer_receipt":
      return short(tr?.receiptId);
    case "transfer_crypto":
      return cryptoText(t, tr?.crypto);
    case "victim_identity":
      return [victimText(t, a.victim), a.ownIban && ident(a.ownIban)].filter(Boolean).join(", ") || undefined;
    case "victim_device":
      return deviceText(a);
    case "region":
      return a.region && label(t, "regions", a.region);
    case "city":
      return short(a.city);
    case "bank_request_no":
      return short(a.bankRequestNo);
    case "statement_no":
      return short(a.statementNo);
    case "contact_consent":
      return a.contactConsent === undefined ? undefined : label(t, "yes_no", a.contactConsent ? "yes" : "no");
    case "applicant_name":
      return short(a.applicantName);
    case "applicant_phone":
      return a.applicantPhone && ident(a.applicantPhone);
    default:
      return undefined;
  }
}

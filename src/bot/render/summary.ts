/**
 * The review: everything the person told, section by section, in their language,
 * short enough for one Telegram message.
 */
import { sumByCurrency } from "../../core/identifiers/money.js";
import { SECTIONS, type Section } from "../../core/questionnaire/steps.js";
import type { Answers, Contact } from "../../core/report/answers.js";
import { maskedCard } from "../../documents/format.js";
import {
  behalfT,
  callText,
  deviceText,
  escapeHtml,
  formatDate,
  ident,
  label,
  labels,
  lenderText,
  money,
  type T,
  transferLine,
  victimText,
} from "./values.js";

const MAX = 3900;

const yesNo = (t: T, v: boolean | undefined) => (v === undefined ? undefined : label(t, "yes_no", v ? "yes" : "no"));

export function contactLine(t: T, c: Contact, n: number): string {
  const who = c.claimedIdentity ? label(t, "identities", c.claimedIdentity) : t("questionnaire:summary.unknown");
  const bits = [
    c.claimedName ? `«${escapeHtml(c.claimedName)}»` : undefined,
    ...c.phones.map(ident),
    ...c.handles.map(ident),
    callText(c),
    c.showedDocuments === "yes" ? t("questionnaire:summary.showed_documents") : undefined,
  ].filter(Boolean);
  return `${n}. <b>${who}</b>${bits.length ? ` — ${bits.join(", ")}` : ""}${c.handedOver ? " →" : ""}`;
}

function sectionLines(personT: T, a: Answers, section: Section): string[] {
  const t = behalfT(personT, a);
  const line = (key: string, value: string | undefined) =>
    value ? [`${t(`questionnaire:summary.${key}`)}: ${value}`] : [];
  switch (section) {
    case "applicant":
      return line("filed_for", a.filedFor && label(t, "filed_for", a.filedFor));
    case "narrative":
      return a.narrative
        ? [`<i>${escapeHtml(a.narrative.length > 600 ? `${a.narrative.slice(0, 600)}…` : a.narrative)}</i>`]
        : [];
    case "when": {
      const time =
        a.incidentTime && (/^\d/.test(a.incidentTime) ? a.incidentTime : label(t, "part_of_day", a.incidentTime));
      return line("when", [formatDate(a.incidentDate), time].filter(Boolean).join(", ") || undefined);
    }
    case "channels":
      return line("channels", labels(t, "channels", a.channels));
    case "contacts":
      return a.contacts.map((c, i) => contactLine(t, c, i + 1));
    case "card":
      return [
        ...line("card_data", a.cardData && (labels(t, "card_data", a.cardData) ?? t("common:buttons.none"))),
        ...line(
          "own_card",
          [a.ownCardLast4 && maskedCard(a.ownCardLast4), a.ownBank && label(t, "banks", a.ownBank)]
            .filter(Boolean)
            .join(", ") || undefined,
        ),
      ];
    case "codes":
      return [
        ...line(
          "codes_received",
          a.codesReceived && (labels(t, "code_sources", a.codesReceived) ?? t("common:buttons.none")),
        ),
        ...line(
          "codes_shared",
          a.codesShared && (labels(t, "code_sources", a.codesShared) ?? t("common:buttons.none")),
        ),
        ...line("disclosed_via", labels(t, "disclosure_ways", a.disclosedVia)),
      ];
    case "access":
      return [
        ...line("apps", a.apps && (labels(t, "apps", a.apps) ?? t("common:buttons.none"))),
        ...line(
          "personal_data",
          a.personalData && (labels(t, "personal_data", a.personalData) ?? t("common:buttons.none")),
        ),
      ];
    case "loans":
      return [
        ...line("loan_status", a.loanStatus && label(t, "loan_statuses", a.loanStatus)),
        ...a.loans.map(
          (l, i) =>
            `${i + 1}. ${[lenderText(t, l), money(l.amount), formatDate(l.date), l.biometrics === "no" ? t("questionnaire:summary.no_biometrics") : undefined].filter(Boolean).join(" · ") || t("questionnaire:summary.empty_item")}`,
        ),
      ];
    case "transfers": {
      if (a.transfersMade === false) return line("transfers_made", yesNo(t, false));
      const rows = a.transfers.map((tr, i) => `${i + 1}. ${transferLine(t, tr)}`);
      const totals = sumByCurrency(a.transfers.flatMap((tr) => (tr.amount ? [tr.amount] : [])));
      const total = totals.map((m) => money(m)).join(" + ");
      return [...rows, ...(total ? [`<b>${t("questionnaire:summary.total")}: ${total}</b>`] : [])];
    }
    case "region":
      return line(
        "region",
        [a.region && label(t, "regions", a.region), a.city && escapeHtml(a.city)].filter(Boolean).join(", ") ||
          undefined,
      );
    case "victim":
      return [
        ...line("victim", victimText(t, a.victim)),
        ...line("own_iban", a.ownIban && ident(a.ownIban)),
        ...line("device", deviceText(a)),
      ];
    case "done":
      return [
        ...line("already_done", labels(t, "already_done", a.alreadyDone)),
        ...line("bank_request_no", a.bankRequestNo && escapeHtml(a.bankRequestNo)),
        ...line("statement_no", a.statementNo && escapeHtml(a.statementNo)),
      ];
    case "leaks":
      return line("leak_sources", labels(t, "leak_sources", a.leakSources));
    case "evidence":
      return a.evidence.length > 0 ? line("evidence", String(a.evidence.length)) : [];
    case "contact":
      return a.contactConsent
        ? line(
            "contact",
            [a.applicantName && escapeHtml(a.applicantName), a.applicantPhone && ident(a.applicantPhone)]
              .filter(Boolean)
              .join(", ") || undefined,
          )
        : line("contact", yesNo(t, a.contactConsent));
  }
}

/** The summary of some sections (all by default), with section headings. */
export function reviewSummary(t: T, a: Answers, only: readonly Section[] = SECTIONS): string {
  const blocks: string[] = [];
  for (const section of only) {
    const lines = sectionLines(t, a, section);
    if (lines.length === 0) continue;
    blocks.push(`<b>${t(`questionnaire:sections.${section}`)}</b>\n${lines.join("\n")}`);
  }
  const full = only === SECTIONS;
  const head = full ? `${t("questionnaire:review.title")}\n\n` : "";
  const tail = full ? `\n\n${t("questionnaire:review.hint")}` : "";
  // Cut at a block boundary, never inside an HTML tag.
  let body = "";
  for (const block of blocks) {
    const next = body ? `${body}\n\n${block}` : block;
    if (head.length + next.length + tail.length > MAX) {
      body += "\n…";
      break;
    }
    body = next;
  }
  return head + body + tail;
}

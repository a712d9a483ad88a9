/**
 * The columns police exports hold, shared by CSV and XLSX so both always agree: one row
 * per report (every field of the report, then its case file), and sheets with one row
 * per transfer, per contact and per loan, each with its report's number.
 *
 * The report's fields come from `ANSWER_COLUMNS`, typed over every key of `Answers`:
 * a field added to the report later does not compile until it is given its columns
 * (or an empty list, with the reason, when another sheet holds it).
 */
import type { Currency } from "../../core/model.js";
import type { Answers, Contact, Loan, Transfer } from "../../core/report/answers.js";
import { transferTotals } from "../../core/report/json.js";
import type { SubmittedReport } from "../../core/report/report.js";
import type { CaseEvent, CaseFile } from "../../db/case-file.js";
import { almatyDateTime, almatyWallClock, wallClockDate } from "../format.js";
import type { LabelGroup, Wording } from "../wording.js";

export type CellValue = string | number | Date | undefined;

export interface Column<R> {
  header: string;
  /** text; integer; amount (major units); datetime and date are wall-clock times in Kazakhstan */
  type: "text" | "integer" | "amount" | "datetime" | "date";
  width: number;
  value: (row: R) => CellValue;
}

/** A report with its case file as police keep it (not part of the signed report). */
export interface ExportRow {
  report: SubmittedReport;
  file?: CaseFile | undefined;
  /** The case notes, newest first. */
  notes?: readonly CaseEvent[] | undefined;
}

export interface ItemRow<T> {
  report: SubmittedReport;
  item: T;
  position: number;
}
export type TransferRow = ItemRow<Transfer>;

const unique = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => !!v))].join(", ");

/** Currencies that occur in the reports' transfers, KZT always first: one total column each. */
export function exportCurrencies(reports: readonly SubmittedReport[]): Currency[] {
  const seen = new Set<Currency>(["KZT"]);
  for (const r of reports) for (const t of r.answers.transfers) if (t.amount) seen.add(t.amount.currency);
  return [...seen];
}

interface FieldColumn<V> {
  key: string;
  type?: Column<unknown>["type"];
  width: number;
  value: (value: V, w: Wording) => CellValue;
}

const names = (w: Wording, group: LabelGroup, ids: readonly string[] | undefined) =>
  ids === undefined ? undefined : ids.length ? ids.map((id) => w.label(group, id)).join(", ") : w.t("none");
const yesNo = (w: Wording, value: boolean | undefined) =>
  value === undefined ? undefined : w.t(value ? "answer.yes" : "answer.no");
const text = (key: string, width = 18): FieldColumn<string | undefined> => ({ key, width, value: (v) => v });
const label = <V extends string>(key: string, group: LabelGroup, width = 18): FieldColumn<V | undefined> => ({
  key,
  width,
  value: (v, w) => v && w.label(group, v),
});
const list = <V extends string>(key: string, group: LabelGroup, width = 26): FieldColumn<V[] | undefined> => ({
  key,
  width,
  value: (v, w) => names(w, group, v),
});

/** A lender chosen from the bank buttons by the bank's name, any other as the person wrote it. */
const lenderName = (w: Wording, l: Loan) => (l.lenderBank ? w.label("banks", l.lenderBank) : l.lender);

const contactName = (w: Wording, c: Contact) =>
  [c.claimedIdentity && w.label("identities", c.claimedIdentity), c.claimedName].filter(Boolean).join(": ");

/** Every field of the report, in the order an investigator reads it. */
const ANSWER_COLUMNS: { [K in keyof Answers]-?: FieldColumn<Answers[K]>[] } = {
  filedFor: [label("filed_for", "filed_for", 14)],
  applicantName: [text("applicant_name", 22)],
  applicantPhone: [{ key: "applicant_phone", width: 16, value: (v) => v?.value }],
  contactConsent: [{ key: "contact_consent", width: 10, value: (v, w) => yesNo(w, v) }],
  victim: [
    { key: "victim_name", width: 26, value: (v) => v?.name },
    { key: "victim_iin", width: 14, value: (v) => v?.iin },
    { key: "victim_birth", type: "date", width: 12, value: (v) => wallClockDate(v?.birthDate) },
    { key: "victim_address", width: 30, value: (v) => v?.address },
    { key: "victim_phone", width: 16, value: (v) => v?.phone?.value },
  ],
  incidentDate: [{ key: "incident_date", type: "date", width: 12, value: (v) => wallClockDate(v) }],
  incidentTime: [{ key: "incident_time", width: 10, value: (v, w) => v && w.when(undefined, v) }],
  region: [label("region", "regions", 24)],
  city: [text("city", 16)],
  channels: [list("channels", "channels")],
  receivingPhone: [{ key: "receiving_phone", width: 16, value: (v) => v?.value }],
  device: [text("device", 20)],
  contacts: [
    { key: "contact_names", width: 30, value: (v, w) => unique(v.map((c) => contactName(w, c))) },
    { key: "caller_phones", width: 28, value: (v) => unique(v.flatMap((c) => c.phones.map((p) => p.value))) },
    { key: "contact_handles", width: 28, value: (v) => unique(v.flatMap((c) => c.handles.map((h) => h.value))) },
  ],
  cardData: [list("card_data", "card_data")],
  ownCardLast4: [text("own_card_last4", 10)],
  ownBank: [label("victim_bank", "banks")],
  ownIban: [{ key: "own_iban", width: 26, value: (v) => v?.value }],
  codesReceived: [list("codes_received", "code_sources")],
  codesShared: [list("codes_shared", "code_sources")],
  disclosedVia: [list("disclosed_via", "disclosure_ways")],
  apps: [list("apps", "apps")],
  personalData: [list("personal_data", "personal_data")],
  loanStatus: [label("loan_status", "loan_statuses", 22)],
  loans: [{ key: "lenders", width: 24, value: (v, w) => unique(v.map((l) => lenderName(w, l))) }],
  transfersMade: [{ key: "transfers_made", width: 10, value: (v, w) => yesNo(w, v) }],
  // each transfer is a row of the Transfers sheet; here, where the money went
  transfers: [{ key: "recipients", width: 36, value: (v) => unique(v.map((t) => t.recipient?.value)) }],
  alreadyDone: [list("already_done", "already_done")],
  bankRequestNo: [text("bank_request_no")],
  statementNo: [text("statement_no")],
  leakSources: [list("leak_sources", "leak_sources")],
  evidence: [{ key: "evidence_count", type: "integer", width: 10, value: (v) => v.length }],
  narrative: [text("narrative", 60)],
  // the questionnaire's working state: dropped at submission, never part of a report
  pending: [],
};

function answerColumns(w: Wording): Column<ExportRow>[] {
  const out: Column<ExportRow>[] = [];
  for (const [field, columns] of Object.entries(ANSWER_COLUMNS) as [keyof Answers, FieldColumn<unknown>[]][]) {
    for (const c of columns) {
      out.push({
        header: w.t(`export.columns.${c.key}`),
        type: c.type ?? "text",
        width: c.width,
        value: (r) => c.value(r.report.answers[field], w),
      });
    }
  }
  return out;
}

function caseColumns(w: Wording): Column<ExportRow>[] {
  const col = (key: string) => w.t(`export.columns.${key}`);
  return [
    { header: col("erdr_number"), type: "text", width: 20, value: (r) => r.file?.erdrNumber ?? undefined },
    {
      header: col("case_status"),
      type: "text",
      width: 20,
      value: (r) => r.file && w.t(`export.case_status.${r.file.status}`),
    },
    {
      header: col("assignee"),
      type: "text",
      width: 22,
      value: (r) => r.file?.assigneeName ?? r.file?.assigneeId?.toString(),
    },
    {
      header: col("case_updated_at"),
      type: "datetime",
      width: 17,
      value: (r) => (r.file?.updatedAt ? almatyWallClock(r.file.updatedAt) : undefined),
    },
    {
      header: col("case_notes"),
      type: "text",
      width: 50,
      value: (r) => r.notes?.map((n) => `[${almatyDateTime(n.at)}] ${n.value ?? ""}`).join("\n") || undefined,
    },
  ];
}

export function reportColumns(w: Wording, currencies: readonly Currency[]): Column<ExportRow>[] {
  const col = (key: string) => w.t(`export.columns.${key}`);
  return [
    { header: col("number"), type: "text", width: 16, value: (r) => r.report.number },
    { header: col("version"), type: "integer", width: 8, value: (r) => r.report.version },
    {
      header: col("submitted_at"),
      type: "datetime",
      width: 17,
      value: (r) => almatyWallClock(r.report.submittedAt),
    },
    { header: col("version_at"), type: "datetime", width: 17, value: (r) => almatyWallClock(r.report.versionAt) },
    { header: col("status"), type: "text", width: 11, value: (r) => w.t(`export.status.${r.report.status}`) },
    { header: col("language"), type: "text", width: 8, value: (r) => r.report.lang },
    ...caseColumns(w),
    {
      header: col("scheme_ids"),
      type: "text",
      width: 24,
      value: (r) => r.report.recognition?.schemes.map((s) => s.id).join(", "),
    },
    {
      header: col("top_scheme"),
      type: "text",
      width: 32,
      value: (r) => {
        const top = r.report.recognition?.schemes[0];
        return top ? w.schemeTitle(top.id) : undefined;
      },
    },
    { header: col("techniques"), type: "text", width: 30, value: (r) => r.report.recognition?.techniques.join(", ") },
    ...currencies.map(
      (currency): Column<ExportRow> => ({
        header: w.t("export.columns.total", { currency }),
        type: "amount",
        width: 14,
        value: (r) => {
          const total = transferTotals(r.report.answers.transfers).find((m) => m.currency === currency);
          return total && total.amountMinor / 100;
        },
      }),
    ),
    { header: col("transfer_count"), type: "integer", width: 10, value: (r) => r.report.answers.transfers.length },
    ...answerColumns(w),
  ];
}

export function transferColumns(w: Wording): Column<TransferRow>[] {
  const col = (key: string) => w.t(`export.columns.${key}`);
  const bank = (id: Transfer["ownBank"]) => id && w.label("banks", id);
  return [
    { header: col("number"), type: "text", width: 16, value: (r) => r.report.number },
    { header: col("position"), type: "integer", width: 8, value: (r) => r.position },
    { header: col("transfer_date"), type: "date", width: 12, value: (r) => wallClockDate(r.item.date) },
    { header: col("transfer_time"), type: "text", width: 8, value: (r) => r.item.time },
    {
      header: col("amount"),
      type: "amount",
      width: 14,
      value: (r) => r.item.amount && r.item.amount.amountMinor / 100,
    },
    { header: col("currency"), type: "text", width: 8, value: (r) => r.item.amount?.currency },
    {
      header: col("method"),
      type: "text",
      width: 20,
      value: (r) => r.item.method && w.label("methods", r.item.method),
    },
    {
      header: col("recipient_kind"),
      type: "text",
      width: 14,
      value: (r) => r.item.recipient && w.label("identifier_kinds", r.item.recipient.kind),
    },
    { header: col("recipient"), type: "text", width: 26, value: (r) => r.item.recipient?.value },
    { header: col("recipient_name"), type: "text", width: 22, value: (r) => r.item.recipientName },
    { header: col("recipient_bank"), type: "text", width: 18, value: (r) => bank(r.item.recipientBank) },
    { header: col("own_bank"), type: "text", width: 18, value: (r) => bank(r.item.ownBank) },
    { header: col("receipt_id"), type: "text", width: 18, value: (r) => r.item.receiptId },
    { header: col("crypto_network"), type: "text", width: 10, value: (r) => r.item.crypto?.network },
    { header: col("crypto_exchange"), type: "text", width: 12, value: (r) => r.item.crypto?.exchange },
    { header: col("crypto_txid"), type: "text", width: 30, value: (r) => r.item.crypto?.txid },
  ];
}

export function contactColumns(w: Wording): Column<ItemRow<Contact>>[] {
  const col = (key: string) => w.t(`export.columns.${key}`);
  return [
    { header: col("number"), type: "text", width: 16, value: (r) => r.report.number },
    { header: col("contact_position"), type: "integer", width: 8, value: (r) => r.position },
    {
      header: col("claimed_identity"),
      type: "text",
      width: 24,
      value: (r) => r.item.claimedIdentity && w.label("identities", r.item.claimedIdentity),
    },
    { header: col("claimed_name"), type: "text", width: 28, value: (r) => r.item.claimedName },
    { header: col("phones"), type: "text", width: 26, value: (r) => unique(r.item.phones.map((p) => p.value)) },
    { header: col("handles"), type: "text", width: 26, value: (r) => unique(r.item.handles.map((h) => h.value)) },
    {
      header: col("showed_documents"),
      type: "text",
      width: 12,
      value: (r) => r.item.showedDocuments && w.t(`answer.${r.item.showedDocuments}`),
    },
    { header: col("handed_over"), type: "text", width: 12, value: (r) => yesNo(w, r.item.handedOver) },
    { header: col("call_date"), type: "date", width: 12, value: (r) => wallClockDate(r.item.callDate) },
    { header: col("call_time"), type: "text", width: 8, value: (r) => r.item.callTime },
  ];
}

export function loanColumns(w: Wording): Column<ItemRow<Loan>>[] {
  const col = (key: string) => w.t(`export.columns.${key}`);
  return [
    { header: col("number"), type: "text", width: 16, value: (r) => r.report.number },
    { header: col("loan_position"), type: "integer", width: 8, value: (r) => r.position },
    { header: col("lender"), type: "text", width: 26, value: (r) => lenderName(w, r.item) },
    {
      header: col("amount"),
      type: "amount",
      width: 14,
      value: (r) => r.item.amount && r.item.amount.amountMinor / 100,
    },
    { header: col("currency"), type: "text", width: 8, value: (r) => r.item.amount?.currency },
    { header: col("loan_date"), type: "date", width: 12, value: (r) => wallClockDate(r.item.date) },
  ];
}

/** One row per item of a report's list (transfers, contacts, loans), numbered from 1. */
export function* itemRows<T>(
  reports: readonly SubmittedReport[],
  items: (r: SubmittedReport) => readonly T[],
): Generator<ItemRow<T>> {
  for (const report of reports) {
    for (const [i, item] of items(report).entries()) yield { report, item, position: i + 1 };
  }
}

export const transferRows = (reports: readonly SubmittedReport[]) => itemRows(reports, (r) => r.answers.transfers);

/**
 * The columns police exports hold, shared by CSV and XLSX so both always agree: one row
 * per report, and one row per transfer with its report's number.
 */
import type { Currency } from "../../core/model.js";
import type { Transfer } from "../../core/report/answers.js";
import { transferTotals } from "../../core/report/json.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { almatyWallClock, wallClockDate } from "../format.js";
import type { Wording } from "../wording.js";

export type CellValue = string | number | Date | undefined;

export interface Column<R> {
  header: string;
  /** text; integer; amount (major units); datetime and date are wall-clock times in Kazakhstan */
  type: "text" | "integer" | "amount" | "datetime" | "date";
  width: number;
  value: (row: R) => CellValue;
}

export interface TransferRow {
  report: SubmittedReport;
  transfer: Transfer;
  position: number;
}

const unique = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => !!v))].join(", ");

/** Currencies that occur in the reports' transfers, KZT always first: one total column each. */
export function exportCurrencies(reports: readonly SubmittedReport[]): Currency[] {
  const seen = new Set<Currency>(["KZT"]);
  for (const r of reports) for (const t of r.answers.transfers) if (t.amount) seen.add(t.amount.currency);
  return [...seen];
}

export function reportColumns(w: Wording, currencies: readonly Currency[]): Column<SubmittedReport>[] {
  const col = (key: string) => w.t(`export.columns.${key}`);
  return [
    { header: col("number"), type: "text", width: 16, value: (r) => r.number },
    { header: col("version"), type: "integer", width: 8, value: (r) => r.version },
    { header: col("submitted_at"), type: "datetime", width: 17, value: (r) => almatyWallClock(r.submittedAt) },
    { header: col("status"), type: "text", width: 11, value: (r) => w.t(`export.status.${r.status}`) },
    {
      header: col("region"),
      type: "text",
      width: 24,
      value: (r) => r.answers.region && w.label("regions", r.answers.region),
    },
    { header: col("city"), type: "text", width: 16, value: (r) => r.answers.city },
    {
      header: col("scheme_ids"),
      type: "text",
      width: 24,
      value: (r) => r.recognition?.schemes.map((s) => s.id).join(", "),
    },
    {
      header: col("top_scheme"),
      type: "text",
      width: 32,
      value: (r) => (r.recognition?.schemes[0] ? w.schemeTitle(r.recognition.schemes[0].id) : undefined),
    },
    { header: col("techniques"), type: "text", width: 30, value: (r) => r.recognition?.techniques.join(", ") },
    ...currencies.map(
      (currency): Column<SubmittedReport> => ({
        header: w.t("export.columns.total", { currency }),
        type: "amount",
        width: 14,
        value: (r) => {
          const total = transferTotals(r.answers.transfers).find((m) => m.currency === currency);
          return total && total.amountMinor / 100;
        },
      }),
    ),
    { header: col("transfer_count"), type: "integer", width: 10, value: (r) => r.answers.transfers.length },
    {
      header: col("caller_phones"),
      type: "text",
      width: 28,
      value: (r) => unique(r.answers.contacts.flatMap((c) => c.phones.map((p) => p.value))),
    },
    {
      header: col("recipients"),
      type: "text",
      width: 36,
      value: (r) => unique(r.answers.transfers.map((t) => t.recipient?.value)),
    },
  ];
}

export function transferColumns(w: Wording): Column<TransferRow>[] {
  const col = (key: string) => w.t(`export.columns.${key}`);
  const bank = (id: Transfer["ownBank"]) => id && w.label("banks", id);
  return [
    { header: col("number"), type: "text", width: 16, value: (r) => r.report.number },
    { header: col("position"), type: "integer", width: 8, value: (r) => r.position },
    { header: col("transfer_date"), type: "date", width: 12, value: (r) => wallClockDate(r.transfer.date) },
    { header: col("transfer_time"), type: "text", width: 8, value: (r) => r.transfer.time },
    {
      header: col("amount"),
      type: "amount",
      width: 14,
      value: (r) => r.transfer.amount && r.transfer.amount.amountMinor / 100,
    },
    { header: col("currency"), type: "text", width: 8, value: (r) => r.transfer.amount?.currency },
    {
      header: col("method"),
      type: "text",
      width: 20,
      value: (r) => r.transfer.method && w.label("methods", r.transfer.method),
    },
    {
      header: col("recipient_kind"),
      type: "text",
      width: 14,
      value: (r) => r.transfer.recipient && w.label("identifier_kinds", r.transfer.recipient.kind),
    },
    { header: col("recipient"), type: "text", width: 26, value: (r) => r.transfer.recipient?.value },
    { header: col("recipient_name"), type: "text", width: 22, value: (r) => r.transfer.recipientName },
    { header: col("recipient_bank"), type: "text", width: 18, value: (r) => bank(r.transfer.recipientBank) },
    { header: col("own_bank"), type: "text", width: 18, value: (r) => bank(r.transfer.ownBank) },
  ];
}

export function* transferRows(reports: readonly SubmittedReport[]): Generator<TransferRow> {
  for (const report of reports) {
    for (const [i, transfer] of report.answers.transfers.entries()) yield { report, transfer, position: i + 1 };
  }
}

/** A text cell starting with = + - @ (or a tab/CR) would run as a formula in a spreadsheet: quote it. */
export const neutraliseFormula = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

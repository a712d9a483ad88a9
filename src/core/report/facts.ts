/**
 * The facts a bank clerk or an officer compares between a printed report and the
 * QR check: the money (per currency), how many transfers, the incident date, and
 * a short digest of where the money went. The PDF prints them next to the QR code,
 * and the check shows them from the signed version, so a changed amount on paper
 * does not pass with a genuine QR.
 */
import { createHash } from "node:crypto";
import type { Money, Transfer } from "./answers.js";
import { transferTotals } from "./json.js";
import type { SubmittedReport } from "./report.js";

export interface CheckFacts {
  totals: Money[];
  transfers: number;
  incidentDate?: string | undefined;
  /** "7F3A-91C2": SHA-256 of the recipients (normalised, sorted, each once), 4 bytes; undefined when none. */
  recipientsDigest?: string | undefined;
}

export function recipientsDigest(transfers: readonly Transfer[]): string | undefined {
  const values = [
    ...new Set(transfers.flatMap((t) => (t.recipient ? [`${t.recipient.kind}:${t.recipient.value}`] : []))),
  ].sort();
  if (values.length === 0) return undefined;
  const hex = createHash("sha256").update(values.join("\n"), "utf8").digest("hex").slice(0, 8).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4)}`;
}

export function checkFacts(report: SubmittedReport): CheckFacts {
  const { transfers, incidentDate } = report.answers;
  return {
    totals: transferTotals(transfers),
    transfers: transfers.length,
    incidentDate,
    recipientsDigest: recipientsDigest(transfers),
  };
}

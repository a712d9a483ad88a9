/**
 * /export: the submitted reports of a date range (and region) as CSV and XLSX,
 * built from the frozen latest versions — the same facts the PDF and JSON hold.
 */
import type { Lang } from "../core/model.js";
import type { SubmittedReport } from "../core/report/report.js";
import type { Db } from "../db/client.js";
import { allReports, type ReportFilter } from "../db/police-queries.js";
import { type ExportDeps, exportCsv } from "../documents/export/csv.js";
import { exportXlsx } from "../documents/export/xlsx.js";
import { loadReport } from "./reports.js";

export interface ExportFiles {
  reports: number;
  numbers: string[];
  csv: Buffer;
  xlsx: Buffer;
}

/** At most this many reports in one export: a bigger range is split by the officer. */
export const EXPORT_LIMIT = 20_000;

export async function exportReports(db: Db, filter: ReportFilter, lang: Lang, deps: ExportDeps): Promise<ExportFiles> {
  const list: SubmittedReport[] = [];
  for (const row of await allReports(db, filter, EXPORT_LIMIT)) {
    const report = await loadReport(db, row.id);
    if (report) list.push(report);
  }
  return {
    reports: list.length,
    numbers: list.map((r) => r.number),
    csv: exportCsv(list, lang, deps),
    xlsx: await exportXlsx(list, lang, deps),
  };
}

/**
 * /export: the submitted reports a filter selects (within the officer's scope) as CSV
 * and XLSX, built from the frozen latest versions — the same facts the PDF and JSON
 * hold — with each report's case file.
 */
import type { Lang } from "../core/model.js";
import { caseFiles, notesOf } from "../db/case-file.js";
import type { Db } from "../db/client.js";
import { allReports, type ReportFilter } from "../db/police-queries.js";
import type { ExportRow } from "../documents/export/columns.js";
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
  const ids = allReports(db, filter, EXPORT_LIMIT).map((r) => r.id);
  const files = caseFiles(db, ids);
  const notes = notesOf(db, ids);
  const rows: ExportRow[] = [];
  for (const id of ids) {
    const report = loadReport(db, id);
    if (report) rows.push({ report, file: files.get(id), notes: notes.get(id) });
  }
  return {
    reports: rows.length,
    numbers: rows.map((r) => r.report.number),
    csv: exportCsv(rows, lang, deps),
    xlsx: await exportXlsx(rows, lang, deps),
  };
}

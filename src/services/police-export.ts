/**
 * /export: the submitted reports a filter selects (within the officer's scope) as CSV
 * and XLSX, built from the frozen latest versions — the same facts the PDF and JSON
 * hold — with each report's case file. Reading and writing 10,000 reports takes
 * seconds, so a document worker does both (document-jobs.ts), on its own read-only
 * connection: the bot goes on answering meanwhile.
 */
import type { Lang } from "../core/model.js";
import { caseFiles, notesOf } from "../db/case-file.js";
import type { DatabaseTarget, Db } from "../db/client.js";
import { allReports, type ReportFilter } from "../db/police-queries.js";
import type { ExportRow } from "../documents/export/columns.js";
import type { ExportFiles } from "./document-jobs.js";
import { catalogNames, type DocumentContext, renderDocument } from "./documents.js";
import { loadReport } from "./reports.js";

export type { ExportFiles } from "./document-jobs.js";

/** At most this many reports in one export: a bigger range is split by the officer. */
export const EXPORT_LIMIT = 20_000;

/** The rows of an export: each report with its case file and notes. */
export async function exportRows(db: Db, filter: ReportFilter): Promise<ExportRow[]> {
  const ids = (await allReports(db, filter, EXPORT_LIMIT)).map((r) => r.id);
  const files = await caseFiles(db, ids);
  const notes = await notesOf(db, ids);
  const rows: ExportRow[] = [];
  for (const id of ids) {
    const report = await loadReport(db, id);
    if (report) rows.push({ report, file: files.get(id), notes: notes.get(id) });
  }
  return rows;
}

export function exportReports(
  c: DocumentContext,
  database: DatabaseTarget,
  filter: ReportFilter,
  lang: Lang,
): Promise<ExportFiles> {
  return renderDocument(c.renderer, c.i18n, {
    kind: "export",
    database,
    filter,
    lang,
    names: catalogNames(c.catalog),
  });
}

/**
 * The heavy document work as jobs of plain data, so that it can run in a worker
 * thread (document-workers.ts) as well as here: the pre-report PDF, the letters,
 * and a police export (reading the reports and writing CSV and XLSX). A job
 * carries what it needs — the report, the catalogue's names, where the database is —
 * never a function or a connection.
 */
import type { Lang } from "../core/model.js";
import type { SubmittedReport } from "../core/report/report.js";
import { closeDatabase, type DatabaseTarget, openDatabaseReadOnly } from "../db/client.js";
import type { ReportFilter } from "../db/police-queries.js";
import type { ExportRow } from "../documents/export/columns.js";
import type { LetterSpec } from "../documents/letters/choose.js";
import type { I18n } from "../i18n.js";
import { type CatalogNames, citeWith, type NamedFile, namedDocumentDeps } from "./documents.js";
import { exportRows } from "./police-export.js";

export interface ExportFiles {
  reports: number;
  numbers: string[];
  csv: Buffer;
  xlsx: Buffer;
}

export type DocumentJob =
  | {
      kind: "pdf";
      report: SubmittedReport;
      lang: Lang;
      names: CatalogNames;
      verifyLink: string;
      keyFingerprint: string;
      fontPath?: string;
    }
  | {
      kind: "letters";
      report: SubmittedReport;
      lang: Lang;
      date: Date;
      names: CatalogNames;
      /** Only these letters; the ones that fit the case when absent. */
      specs?: LetterSpec[];
      fontPath?: string;
    }
  | { kind: "export"; database: DatabaseTarget; filter: ReportFilter; lang: Lang; names: CatalogNames };

export type JobResult<J extends DocumentJob> = J extends { kind: "pdf" }
  ? Buffer
  : J extends { kind: "letters" }
    ? NamedFile[]
    : ExportFiles;

const letterName = (report: SubmittedReport, spec: { kind: string; bank?: string; loan?: number }, lang: Lang) => {
  const detail = spec.kind === "bank" ? (spec.bank ?? "") : spec.kind === "lender" ? String((spec.loan ?? 0) + 1) : "";
  return `${report.number}_${spec.kind}${detail ? `_${detail}` : ""}_${lang}.pdf`;
};

/** Runs one job in this thread; `i18n` is the thread's own (loaded once). */
export async function runDocumentJob<J extends DocumentJob>(job: J, i18n: I18n): Promise<JobResult<J>> {
  return (await run(job, i18n)) as JobResult<J>;
}

async function run(job: DocumentJob, i18n: I18n): Promise<Buffer | NamedFile[] | ExportFiles> {
  switch (job.kind) {
    case "pdf": {
      // pdfkit and qrcode load on the first document: start-up stays quick.
      const { renderReportPdf } = await import("../documents/pdf/report-pdf.js");
      return renderReportPdf(job.report, {
        ...namedDocumentDeps(i18n, job.names),
        lang: job.lang,
        verifyLink: job.verifyLink,
        keyFingerprint: job.keyFingerprint,
        ...(job.fontPath ? { fontPath: job.fontPath } : {}),
      });
    }
    case "letters": {
      const [{ renderLetter }, { lettersFor }] = await Promise.all([
        import("../documents/letters/render.js"),
        import("../documents/letters/choose.js"),
      ]);
      const files: NamedFile[] = [];
      const cite = citeWith(job.names);
      for (const spec of job.specs ?? lettersFor(job.report)) {
        const bytes = await renderLetter(job.report, spec, {
          i18n,
          cite,
          lang: job.lang,
          date: job.date,
          ...(job.fontPath ? { fontPath: job.fontPath } : {}),
        });
        files.push({ name: letterName(job.report, spec, job.lang), bytes, kind: `letter_${spec.kind}` });
      }
      return files;
    }
    case "export":
      return exportFiles(job, i18n);
  }
}

/** Reads the reports on a read-only connection of its own and writes both files. */
async function exportFiles(job: Extract<DocumentJob, { kind: "export" }>, i18n: I18n): Promise<ExportFiles> {
  const db = await openDatabaseReadOnly(job.database);
  let rows: ExportRow[];
  try {
    rows = await exportRows(db, job.filter);
  } finally {
    await closeDatabase(db);
  }
  const [{ exportCsv }, { exportXlsx }] = await Promise.all([
    import("../documents/export/csv.js"),
    import("../documents/export/xlsx.js"),
  ]);
  const deps = namedDocumentDeps(i18n, job.names);
  return {
    reports: rows.length,
    numbers: rows.map((r) => r.report.number),
    csv: exportCsv(rows, job.lang, deps),
    xlsx: await exportXlsx(rows, job.lang, deps),
  };
}

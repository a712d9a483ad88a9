/**
 * Piece 4: the documents a report becomes, through the same services the bot
 * uses (real catalogue, signing key, fonts): the pre-report PDF and the signed
 * JSON for a typical and a large report, and the police exports of 10,000
 * reports (made from the fixtures, each with its own number and sums).
 */

import { loadDefaultCatalog } from "../../src/catalog/load.js";
import type { Lang } from "../../src/core/model.js";
import type { SubmittedReport } from "../../src/core/report/report.js";
import { exportCsv, exportXlsx } from "../../src/documents/index.js";
import { createI18n } from "../../src/i18n.js";
import { type DocumentContext, documentDeps, reportJsonFile, reportPdf } from "../../src/services/documents.js";
import { largeReport, typicalReports } from "../fixtures/reports/index.js";
import { keysFromSeed } from "../support/keys.js";
import { timeEach } from "./stats.js";

export interface DocumentFigures {
  /** ms per document, all typical reports in both languages. */
  pdfTypical: number[];
  pdfLarge: number[];
  jsonTypical: number[];
  jsonLarge: number[];
  /** seconds per export of `exportCount` reports. */
  xlsx: number[];
  csv: number[];
  exportCount: number;
  xlsxBytes: number;
  csvBytes: number;
}

const LANGS: Lang[] = ["ru", "kk"];

function context(): DocumentContext {
  return {
    i18n: createI18n(),
    catalog: loadDefaultCatalog(),
    keys: keysFromSeed("bench"),
    botUsername: "saqbol_bench_bot",
  };
}

/** 10,000 distinct reports: the typical ones and a large one in turn, renumbered, with shifted sums and dates. */
export function manyReports(count: number): SubmittedReport[] {
  const makers = [...Object.values(typicalReports), largeReport];
  const base = LANGS.flatMap((lang) => makers.map((make) => make(lang)));
  return Array.from({ length: count }, (_, i) => {
    const r = base[i % base.length]!;
    const day = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString();
    return {
      ...r,
      number: `SB-2026-${String(i + 1).padStart(6, "0")}`,
      submittedAt: day,
      versionAt: day,
      answers: {
        ...r.answers,
        transfers: r.answers.transfers.map((t) =>
          t.amount ? { ...t, amount: { ...t.amount, amountMinor: t.amount.amountMinor + i * 100 } } : t,
        ),
      },
    };
  });
}

export async function benchDocuments(options: { reps: number; exportCount: number; exportRuns: number }) {
  const c = context();
  const typical = LANGS.flatMap((lang) => Object.values(typicalReports).map((make) => make(lang)));
  const large = LANGS.map((lang) => largeReport(lang));
  const pdfOf = (list: SubmittedReport[]) => (i: number) =>
    reportPdf(c, list[i % list.length]!, list[i % list.length]!.lang);
  const jsonOf = (list: SubmittedReport[]) => (i: number) => reportJsonFile(c, list[i % list.length]!);

  const pdfTypical = await timeEach(typical.length * options.reps, pdfOf(typical), 2);
  const pdfLarge = await timeEach(large.length * options.reps, pdfOf(large), 1);
  const jsonTypical = await timeEach(typical.length * options.reps * 5, jsonOf(typical), 5);
  const jsonLarge = await timeEach(large.length * options.reps * 5, jsonOf(large), 2);

  const reports = manyReports(options.exportCount);
  const rows = reports.map((report) => ({ report }));
  const deps = { i18n: c.i18n, schemeTitle: documentDeps(c).schemeTitle };
  let xlsxBytes = 0;
  let csvBytes = 0;
  const xlsx = await timeEach(
    options.exportRuns,
    async () => {
      xlsxBytes = (await exportXlsx(rows, "ru", deps)).length;
    },
    0,
  );
  const csv = await timeEach(
    options.exportRuns,
    () => {
      csvBytes = exportCsv(rows, "ru", deps).length;
    },
    0,
  );
  const seconds = (ms: number[]) => ms.map((m) => m / 1000);
  return {
    pdfTypical,
    pdfLarge,
    jsonTypical,
    jsonLarge,
    xlsx: seconds(xlsx),
    csv: seconds(csv),
    exportCount: options.exportCount,
    xlsxBytes,
    csvBytes,
  } satisfies DocumentFigures;
}

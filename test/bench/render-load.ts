/**
 * Piece "render": other people's updates while documents are made. The real bot
 * in-process (as piece 1) answers paced people while 20 pre-report PDFs and one
 * police export of 10,000 reports (read from the database, CSV and XLSX) are made
 * through the services the handlers call. The figure is the latency of the
 * people's updates meanwhile: heavy work on the bot's thread would show there.
 */

import type { SubmittedReport } from "../../src/core/report/report.js";
import { type Db, inTransaction } from "../../src/db/client.js";
import { createDraft } from "../../src/db/drafts.js";
import { sqliteConnection } from "../../src/db/sqlite-engine.js";
import { recordConsent } from "../../src/db/users.js";
import { type DocumentContext, reportPdf } from "../../src/services/documents.js";
import { exportReports } from "../../src/services/police-export.js";
import { recognitionInput } from "../../src/services/recognition.js";
import { loadReport } from "../../src/services/reports.js";
import { submitDraft } from "../../src/services/submit.js";
import { largeReport, typicalReports } from "../fixtures/reports/index.js";
import { FullStackBench } from "./full-stack.js";
import type { LoadResult } from "./load.js";

export interface RenderFigures {
  /** The people's updates from the first document started to the last one made. */
  others: LoadResult;
  /** The same people at the same rate just before, with no document being made. */
  baseline: LoadResult;
  /** Updates a second the people offer: a quarter of what the bot handles saturated, at most 200. */
  rate: number;
  pdfs: number;
  exported: number;
  /** Seconds until the last PDF, and until the export, was made. */
  pdfSeconds: number;
  exportSeconds: number;
}

const FIRST_USER = 700_000_000;
const PEOPLE = 100;
/** The people offer this share of the saturated throughput (at most MAX_RATE a second), so
 * that what is measured is the documents' effect, not a bot already running at its limit. */
const SHARE = 0.25;
const MAX_RATE = 200;

/** Copies the rows of `table` that match `where` `times` − 1 more times; `shift` gives each copy's column. */
function copyRows(db: Db, table: string, where: string, times: number, shift: (column: string, k: number) => string) {
  const sqlite = sqliteConnection(db)!;
  const columns = (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  for (let k = 1; k < times; k++) {
    const select = columns.map((c) => shift(c, k)).join(", ");
    sqlite.exec(`INSERT INTO ${table} (${columns.join(", ")}) SELECT ${select} FROM ${table} WHERE ${where}`);
  }
}

/**
 * `count` submitted reports: `seed` written through the services (draft, submit), the rest
 * copies of their rows (submitting 10,000 one by one takes minutes). SQLite only.
 */
export async function seedReports(bench: FullStackBench, count: number, seed = 100): Promise<number[]> {
  const { db, botDeps: deps } = bench;
  const catalog = deps.catalogs.current();
  const makers = [...Object.values(typicalReports), largeReport];
  const ids: number[] = [];
  await inTransaction(db, async (db) => {
    for (let i = 0; i < seed; i++) {
      const lang = i % 2 ? "kk" : "ru";
      await recordConsent(db, FIRST_USER + i, lang);
      const draft = await createDraft(db, FIRST_USER + i, lang, makers[i % makers.length]!(lang).answers);
      await submitDraft(db, draft.id, (a) => catalog.recognize(recognitionInput(a)), deps.keys, new Date());
      ids.push(draft.id);
    }
    const range = `BETWEEN ${ids[0]} AND ${ids.at(-1)}`;
    const times = Math.ceil(count / seed);
    const shifted = (k: number) => 1_000_000 * k;
    copyRows(db, "reports", `id ${range}`, times, (c, k) =>
      c === "id" ? `id + ${shifted(k)}` : c === "number" ? `number || '-${k}'` : c,
    );
    copyRows(db, "report_versions", `report_id ${range}`, times, (c, k) =>
      c === "report_id" ? `report_id + ${shifted(k)}` : c,
    );
  });
  return ids;
}

export async function benchRender(options: { pdfs: number; exportCount: number }): Promise<RenderFigures> {
  const bench = new FullStackBench({ durable: false });
  await bench.start();
  try {
    const seeded = await seedReports(bench, options.exportCount);
    const deps = bench.botDeps;
    const reports: SubmittedReport[] = [];
    for (const id of seeded.slice(0, options.pdfs)) reports.push((await loadReport(bench.db, id))!);
    const docs: DocumentContext = {
      i18n: deps.i18n,
      catalog: deps.catalogs.current(),
      keys: deps.keys,
      botUsername: "saqbol_bench_bot",
      renderer: deps.documents,
    };
    // Warm: the people are mid-walk and the document workers are up before the clock starts.
    const saturated = await bench.runFull({ concurrency: 25, durationMs: 3000 });
    const rate = Math.min(MAX_RATE, SHARE * saturated.result.updatesPerSecond);
    const thinkMs = (PEOPLE / rate) * 1000;
    await Promise.all(reports.slice(0, 2).map((r) => reportPdf(docs, r, r.lang)));
    const baseline = (await bench.runFull({ concurrency: PEOPLE, durationMs: 10_000, thinkMs })).result;
    const started = performance.now();
    const people = bench.runFull({ concurrency: PEOPLE, durationMs: 600_000, thinkMs });
    let pdfSeconds = 0;
    let exportSeconds = 0;
    const pdfs = reports.map((r) =>
      reportPdf(docs, r, r.lang).then(() => {
        pdfSeconds = (performance.now() - started) / 1000;
      }),
    );
    const exported = exportReports(docs, { path: deps.config.databasePath }, { scope: { all: true } }, "ru").then(
      (files) => {
        exportSeconds = (performance.now() - started) / 1000;
        return files.reports;
      },
    );
    const [count] = await Promise.all([exported, ...pdfs]);
    bench.stopRun();
    const others = (await people).result;
    return { others, baseline, rate, pdfs: reports.length, exported: count, pdfSeconds, exportSeconds };
  } finally {
    await bench.close();
  }
}

/**
 * Part of pieces 4 and 5: what a submitted report costs in the database (bytes
 * per report: rows, children, the frozen signed version) and how long reading
 * reports back for an export takes. Reports are written through the services
 * the bot uses (draft, then submit), from the fixtures in turn.
 */
import { statSync } from "node:fs";
import { prepareDeps } from "../../src/app.js";
import { closeDatabase, inTransaction } from "../../src/db/client.js";
import { createDraft } from "../../src/db/drafts.js";
import { sqliteConnection } from "../../src/db/sqlite-engine.js";
import { recordConsent } from "../../src/db/users.js";
import { recognitionInput } from "../../src/services/recognition.js";
import { loadReport } from "../../src/services/reports.js";
import { submitDraft } from "../../src/services/submit.js";
import { largeReport, typicalReports } from "../fixtures/reports/index.js";
import { benchEnv } from "./env.js";

export interface StorageFigures {
  reports: number;
  bytesPerReport: number;
  /** ms to write one report (draft + submit), and to read one back as an export does. */
  submitMs: number;
  loadMs: number;
}

export async function benchStorage(count: number): Promise<StorageFigures> {
  const env = benchEnv();
  const deps = await prepareDeps(env.config, env.logger);
  const { db } = deps;
  const catalog = deps.catalogs.current();
  const makers = [...Object.values(typicalReports), largeReport];
  const size = () => {
    sqliteConnection(db)!.pragma("wal_checkpoint(TRUNCATE)");
    return statSync(env.dbPath).size;
  };
  try {
    await inTransaction(db, async (db) => {
      for (let i = 0; i < count; i++) await recordConsent(db, 1 + i, i % 2 ? "kk" : "ru");
    });
    const before = size();
    const ids: number[] = [];
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      // One large report in five, as in the export: a police export is not only short stories.
      const fixture = makers[i % makers.length]!(i % 2 ? "kk" : "ru");
      const draft = await createDraft(db, 1 + i, fixture.lang, fixture.answers);
      await submitDraft(db, draft.id, (a) => catalog.recognize(recognitionInput(a)), deps.keys, new Date());
      ids.push(draft.id);
    }
    const submitMs = (performance.now() - started) / count;
    const bytesPerReport = (size() - before) / count;
    const loadStart = performance.now();
    for (const id of ids) await loadReport(db, id);
    const loadMs = (performance.now() - loadStart) / count;
    return { reports: count, bytesPerReport, submitMs, loadMs };
  } finally {
    await closeDatabase(db);
    env.close();
  }
}

/**
 * The document workers: the same PDF and letters as made in the bot's thread, a
 * failing worker gives an error that names its cause (and the pool goes on with a
 * new worker), and a closed pool refuses new work.
 */
import { execFileSync } from "node:child_process";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { createI18n } from "../../src/i18n.js";
import { createLogger } from "../../src/logger.js";
import { type DocumentJob, runDocumentJob } from "../../src/services/document-jobs.js";
import { DocumentError, DocumentWorkers } from "../../src/services/document-workers.js";
import { catalogNames } from "../../src/services/documents.js";
import { bankSecurityReport, egovLoanReport } from "../fixtures/reports/index.js";

const logged: string[] = [];
const logger = createLogger(
  "warn",
  new Writable({
    write(chunk, _enc, done) {
      logged.push(String(chunk));
      done();
    },
  }),
);
const i18n = createI18n();
const names = catalogNames(loadDefaultCatalog());
const text = (pdf: Buffer) => execFileSync("pdftotext", ["-raw", "-", "-"], { input: pdf }).toString("utf8");
const pdfJob = (lang: "kk" | "ru"): Extract<DocumentJob, { kind: "pdf" }> => ({
  kind: "pdf",
  report: bankSecurityReport(lang),
  lang,
  names,
  verifyLink: "https://t.me/saqbol_bot?start=v_SB-2026-000042_1_AAAAAAAAAAAAAA",
  keyFingerprint: "AB12 CD34",
});

// Hang guards only: on a loaded machine a worker that compiles its TypeScript at start takes long.
const pools: DocumentWorkers[] = [];
const pool = (options: Partial<ConstructorParameters<typeof DocumentWorkers>[0]> = {}) => {
  const p = new DocumentWorkers({ logger, size: 2, ...options });
  pools.push(p);
  return p;
};
afterAll(async () => Promise.all(pools.map((p) => p.close())));

describe("document workers", () => {
  it("make the same PDF in both languages as the bot's own thread, as a Buffer", async () => {
    const workers = pool();
    for (const lang of ["kk", "ru"] as const) {
      const job = pdfJob(lang);
      const [there, here] = await Promise.all([workers.run(job), await runDocumentJob(job, i18n)]);
      expect(Buffer.isBuffer(there)).toBe(true);
      expect(text(there as Buffer)).toBe(text(here as Buffer));
    }
  }, 240_000);

  it("make the letters with their names and kinds", async () => {
    const job: Extract<DocumentJob, { kind: "letters" }> = {
      kind: "letters",
      report: egovLoanReport("ru"),
      lang: "ru",
      date: new Date("2026-11-20"),
      names,
    };
    const [there, here] = await Promise.all([pool().run(job), await runDocumentJob(job, i18n)]);
    expect(there.map((f) => [f.name, f.kind])).toEqual(here.map((f) => [f.name, f.kind]));
    expect(there.length).toBeGreaterThan(0);
    for (const [i, file] of there.entries()) expect(text(file.bytes)).toBe(text(here[i]!.bytes));
  }, 240_000);

  it("run many jobs at once, more than there are workers, and finish every one", async () => {
    const workers = pool({ size: 2 });
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => workers.run(pdfJob(i % 2 ? "kk" : "ru"))));
    expect(results.every((pdf) => pdf.subarray(0, 5).toString() === "%PDF-")).toBe(true);
    expect(workers.queued).toBe(0);
  }, 240_000);

  it("name the cause when a worker cannot work (a font it cannot read), and keep the pool usable", async () => {
    const broken = pool({ fontPath: "/nonexistent/saqbol-font.ttf", size: 1 });
    const failure = await broken.run(pdfJob("ru")).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DocumentError);
    expect((failure as Error).message).toMatch(/pdf could not be made: .*font file \/nonexistent\/saqbol-font\.ttf/);
    expect(logged.join("")).toContain("document worker lost");
    // A new worker is started for the next job (and fails the same way, with the same clear cause).
    await expect(broken.run(pdfJob("kk"))).rejects.toThrow(/font file/);
  }, 240_000);

  it("fail a job that throws inside the worker with its message, and go on with the next", async () => {
    const workers = pool({ size: 1 });
    const bad = {
      ...pdfJob("ru"),
      report: { ...bankSecurityReport("ru"), answers: undefined },
    } as unknown as ReturnType<typeof pdfJob>;
    await expect(workers.run(bad)).rejects.toThrow(DocumentError);
    expect((await workers.run(pdfJob("ru"))).subarray(0, 5).toString()).toBe("%PDF-");
  }, 240_000);

  it("refuse work once closed", async () => {
    const workers = pool();
    await workers.close();
    await expect(workers.run(pdfJob("ru"))).rejects.toThrow(/stopping/);
  });
});

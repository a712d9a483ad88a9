/**
 * Documents are made by worker threads. When a document cannot be made, the
 * person is told so in their language (their answers and report are safe), the
 * cause is logged, and once the workers are well again the same press gives the
 * PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfData } from "../../src/bot/callback-data/documents.js";
import { DocumentWorkers } from "../../src/services/document-workers.js";
import { rows } from "../support/db-reader.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const plain = (html: string) => html.replace(/<\/?[bi]>/g, "");

describe("documents made off the bot's thread", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(async () => h.close());

  it("tells the person in their language when a PDF cannot be made, and gives it once the workers are well", async () => {
    const u = await consentedUser(h, 19_400_001, "kk");
    u.press(label("kk", "menu:items.report"));
    await nextQuestion(u);
    await play(u, scenarios[0]!.script("kk"));
    u.press(label("kk", "questionnaire:review.submit"));
    const filed = await u.waitFor((m) => m.file?.file_name?.endsWith(".pdf") === true, { timeoutMs: 120_000 });
    await u.waitFor((m) => buttonTexts(m).includes(label("kk", "guidance:checklist.done")), { timeoutMs: 120_000 });
    const [row] = await rows<{ id: number; version: number }>(
      h,
      "SELECT id, version FROM reports WHERE user_id = ?",
      19_400_001,
    );
    if (!row) throw new Error("no report");
    const press = pdfData.pack({ r: row.id, v: row.version, l: "ru" });

    const app = h.app!;
    const healthy = app.deps.documents;
    app.deps.documents = new DocumentWorkers({ logger: app.deps.logger, fontPath: "/nonexistent/font.ttf", size: 1 });
    u.pressData(filed.message_id, press);
    const apologyText = plain(label("kk", "common:errors.document"));
    const apology = await u.waitFor((m) => m.text === apologyText, { kinds: ["new"], timeoutMs: 120_000 });
    expect(apology.file).toBeUndefined();
    expect(h.logs.join("")).toMatch(/pdf could not be made: .*font file/);

    await app.deps.documents.close();
    app.deps.documents = healthy;
    u.pressData(filed.message_id, press);
    const pdf = await u.waitFor((m) => m.file !== undefined, { kinds: ["new"], timeoutMs: 120_000 });
    expect(pdf.file?.file_name).toMatch(/_ru\.pdf$/);
  }, 400_000);
});

/**
 * Re-sending a report's PDF in the other language, or all its files when some
 * could not be sent, to the person who filed it, and to nobody else (checked on
 * every press): police have their own buttons, which check their regions and
 * write the audit log.
 */
import { Composer, InputFile } from "grammy";
import { reportPdf } from "../../services/documents.js";
import { loadReport, reportOwner } from "../../services/reports.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { filesAgainData, pdfData } from "../callback-data/documents.js";
import type { AppContext } from "../context.js";
import { documentContext, showUploading } from "../render/documents.js";
import { sendReportFiles } from "../render/report-files.js";

export function reportFilesFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  composer.chatType("private").callbackQuery(pdfData.filter, async (ctx) => {
    const data = pdfData.unpack(ctx.callbackQuery.data);
    const owner = data ? await reportOwner(ctx.deps.db, data.r) : undefined;
    const allowed = owner?.status === "submitted" && owner.userId === ctx.from.id;
    const report = allowed && data ? await loadReport(ctx.deps.db, data.r, data.v) : undefined;
    if (!data || !report) return ctx.answerCallbackQuery({ text: ctx.t("report:not_yours") });
    await ctx.answerCallbackQuery();
    await showUploading(ctx);
    const pdf = await reportPdf(documentContext(ctx), report, data.l);
    await ctx.replyWithDocument(new InputFile(pdf.bytes, pdf.name));
  });
  composer.chatType("private").callbackQuery(filesAgainData.filter, async (ctx) => {
    const data = filesAgainData.unpack(ctx.callbackQuery.data);
    const owner = data ? await reportOwner(ctx.deps.db, data.r) : undefined;
    if (!data || owner?.status !== "submitted" || owner.userId !== ctx.from.id) {
      return ctx.answerCallbackQuery({ text: ctx.t("report:not_yours") });
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
    await showUploading(ctx);
    await sendReportFiles(ctx, data.r, { letters: data.w === 1, version: data.v });
  });
  return composer;
}

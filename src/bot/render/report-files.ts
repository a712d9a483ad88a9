/**
 * Sending a report's files (the PDF in the person's language, the signed JSON,
 * and the letters that fit) after Submit, from «My reports» and after an
 * addition. Each file is sent on its own: one Telegram refuses (a 400, a 413)
 * does not stop the others, and what could not be sent is offered again with a
 * button, so the person is never left with nothing to press.
 */
import { GrammyError, HttpError, InlineKeyboard, InputFile } from "grammy";
import { describeError } from "../../errors.js";
import { type NamedFile, reportJsonFile, reportLetters, reportPdf } from "../../services/documents.js";
import { loadReport } from "../../services/reports.js";
import { filesAgainData } from "../callback-data/documents.js";
import type { BaseContext } from "../context.js";
import { otherLanguageKeyboard } from "../keyboards/documents.js";
import { documentContext } from "./documents.js";

export interface FilesOptions {
  letters: boolean;
  version?: number;
}

/** Sends the files; returns the kinds that could not be sent (after their retries), having offered them again. */
export async function sendReportFiles(ctx: BaseContext, reportId: number, options: FilesOptions): Promise<string[]> {
  const report = await loadReport(ctx.deps.db, reportId, options.version);
  if (!report) return [];
  const docs = documentContext(ctx);
  const failed: string[] = [];
  const send = async (file: NamedFile, extra: Record<string, unknown>) => {
    try {
      await ctx.replyWithDocument(new InputFile(file.bytes, file.name), extra);
    } catch (error) {
      // Refused by Telegram or lost on the way after every retry: said below, the rest still goes.
      if (!(error instanceof GrammyError || error instanceof HttpError)) throw error;
      ctx.log.error({ reportId, file: file.kind, err: describeError(error) }, "report file not sent");
      failed.push(file.kind);
    }
  };
  const pdf = await reportPdf(docs, report, ctx.lang);
  await send(pdf, {
    caption: ctx.t("report:files.pdf"),
    reply_markup: otherLanguageKeyboard(ctx, reportId, report.version),
  });
  await send(reportJsonFile(docs, report), { caption: ctx.t("report:files.json") });
  if (options.letters) {
    for (const letter of await reportLetters(docs, report, ctx.lang, ctx.deps.now())) {
      await send(letter, { caption: ctx.t(`report:files.${letter.kind}`) });
    }
  }
  if (failed.length > 0) {
    const again = filesAgainData.pack({ r: reportId, v: report.version, w: options.letters ? 1 : 0 });
    await ctx.reply(ctx.t("report:files.failed"), {
      reply_markup: new InlineKeyboard().text(ctx.t("report:files.again"), again),
    });
  }
  return failed;
}

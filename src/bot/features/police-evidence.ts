/**
 * The evidence of a report (screenshots, documents, voice messages) re-sent to a
 * police officer by Telegram file id, each with the report number and when the
 * person sent it. The caller checks the role and records the audit entry.
 */
import type { Evidence } from "../../core/report/answers.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { almatyDateTime } from "../../documents/format.js";
import type { BaseContext } from "../context.js";

async function sendOne(ctx: BaseContext, e: Evidence, caption: string): Promise<void> {
  const options = { caption };
  switch (e.kind) {
    case "photo":
      await ctx.replyWithPhoto(e.fileId, options);
      return;
    case "voice":
      await ctx.replyWithVoice(e.fileId, options);
      return;
    case "audio":
      await ctx.replyWithAudio(e.fileId, options);
      return;
    case "video":
      await ctx.replyWithVideo(e.fileId, options);
      return;
    case "video_note":
      await ctx.replyWithVideoNote(e.fileId);
      return;
    default:
      await ctx.replyWithDocument(e.fileId, options);
  }
}

/** Sends every file; one that Telegram no longer has is named in a line instead of failing the rest. */
export async function sendEvidence(ctx: BaseContext, report: SubmittedReport): Promise<number> {
  const files = report.answers.evidence;
  let sent = 0;
  for (const [i, e] of files.entries()) {
    const caption = ctx.t("police:evidence.caption", {
      number: report.number,
      n: i + 1,
      total: files.length,
      at: almatyDateTime(e.receivedAt),
    });
    try {
      await sendOne(ctx, e, caption);
      sent++;
    } catch {
      await ctx.reply(ctx.t("police:evidence.unavailable", { n: i + 1 }));
    }
  }
  return sent;
}

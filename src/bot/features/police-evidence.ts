/**
 * The evidence of a report (screenshots, documents, voice messages) re-sent to a
 * police officer by Telegram file id, each with the report number and when the
 * person sent it. The caller checks the role and records the audit entry.
 */
import { InputFile } from "grammy";
import type { Evidence } from "../../core/report/answers.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { almatyDateTime } from "../../documents/format.js";
import { readEvidence } from "../../services/evidence-store.js";
import type { BaseContext } from "../context.js";

/** The stored copy's file name: the original name, or the kind and number with an extension from the type. */
function storedName(e: Evidence, i: number): string {
  if (e.name) return e.name;
  const ext = e.mime?.split("/")[1]?.replace("jpeg", "jpg") ?? "bin";
  return `${e.kind}-${i + 1}.${ext}`;
}

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

/**
 * Sends every file; one that Telegram no longer has goes from the bot's stored copy,
 * and only a file with neither is named in a line instead of failing the rest.
 */
export async function sendEvidence(ctx: BaseContext, report: SubmittedReport, reportId: number): Promise<number> {
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
      const copy = await readEvidence(ctx.deps.config.evidence, reportId, e);
      if (copy) {
        await ctx.replyWithDocument(new InputFile(copy, storedName(e, i)), { caption });
        sent++;
      } else {
        await ctx.reply(ctx.t("police:evidence.unavailable", { n: i + 1 }));
      }
    }
  }
  return sent;
}

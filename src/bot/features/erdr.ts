/**
 * After the report, the registration: the person gives the ЕРДР number the police
 * registered the report under (a КУИ talon alone is not registration), or — when the
 * police refuse to register it — gets a ready complaint to the prosecutor, in either
 * language. The number is kept on the report (reports.erdr_number).
 */
import { Composer, InputFile } from "grammy";
import { parseErdrNumber } from "../../core/report/erdr.js";
import { setErdrNumber } from "../../db/erdr.js";
import { ERDR_INPUT, pendingInput, setPendingInput, takePendingInput } from "../../db/pending-inputs.js";
import { letterFile } from "../../services/documents.js";
import { loadReport, markStepDone, reportOwner } from "../../services/reports.js";
import { erdrData } from "../callback-data/erdr.js";
import type { AppContext } from "../context.js";
import { complaintInOtherLanguage } from "../keyboards/erdr.js";
import { documentContext, showUploading } from "../render/documents.js";

const REGISTRATION_STEP = "get_erdr_number";

export function erdrFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");

  pm.callbackQuery(erdrData.filter, async (ctx) => {
    const data = erdrData.unpack(ctx.callbackQuery.data);
    const owner = data ? await reportOwner(ctx.deps.db, data.r) : undefined;
    if (!data || owner?.userId !== ctx.from.id || owner.status !== "submitted") {
      return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    }
    await ctx.answerCallbackQuery();
    if (data.a === "n") {
      await setPendingInput(ctx.deps.db, ctx.from.id, `${ERDR_INPUT}${data.r}`, ctx.deps.now());
      return void (await ctx.reply(ctx.t("guidance:erdr.prompt")));
    }
    const report = await loadReport(ctx.deps.db, data.r);
    if (!report) return;
    const lang = data.l ?? ctx.lang;
    await showUploading(ctx);
    const file = await letterFile(documentContext(ctx), report, { kind: "prosecutor" }, lang, ctx.deps.now());
    await ctx.replyWithDocument(new InputFile(file.bytes, file.name), {
      caption: ctx.t("report:files.letter_prosecutor"),
      reply_markup: complaintInOtherLanguage(ctx.t, data.r, lang),
    });
  });

  // The number, right after «Enter the ЕРДР number».
  pm.on("message:text", async (ctx, next) => {
    const kind = await pendingInput(ctx.deps.db, ctx.from.id, ctx.deps.now());
    if (!kind?.startsWith(ERDR_INPUT) || ctx.message.text.startsWith("/")) return next();
    // Taken once: a second process handling a duplicate finds it gone.
    if (!(await takePendingInput(ctx.deps.db, ctx.from.id, kind, ctx.deps.now()))) return next();
    const reportId = Number(kind.slice(ERDR_INPUT.length));
    const number = parseErdrNumber(ctx.message.text);
    // Not a number (a talon's short one, or a story): said once, never a trap for what they type next.
    if (!number) return void (await ctx.reply(ctx.t("guidance:erdr.invalid")));
    if (!(await setErdrNumber(ctx.deps.db, reportId, ctx.from.id, number, ctx.deps.now()))) {
      return void (await ctx.reply(ctx.t("common:stale")));
    }
    await markStepDone(ctx.deps.db, reportId, REGISTRATION_STEP, ctx.deps.now());
    await ctx.reply(ctx.t("guidance:erdr.saved", { number }));
  });
  return composer;
}

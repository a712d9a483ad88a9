/**
 * What happens when the person presses Submit: the draft becomes a numbered,
 * signed report; the person gets the PDF, the JSON and the letters that fit,
 * with a word on what to do with each, then their urgent checklist.
 */
import { describeReason } from "../../core/recognition/describe.js";
import { recogniseReport } from "../../services/recognition.js";
import { loadReport } from "../../services/reports.js";
import { submitDraft } from "../../services/submit.js";
import type { BaseContext } from "../context.js";
import type { Submission } from "../questionnaire/handle.js";
import { sendReportFiles } from "../render/report-files.js";
import { escapeHtml } from "../render/values.js";
import { showChecklist } from "./checklist.js";

export const submission: Submission = {
  async submit(ctx, draftId) {
    const { db, catalogs, keys } = ctx.deps;
    const catalog = catalogs.current();
    const result = await submitDraft(db, draftId, (answers) => recogniseReport(catalog, answers), keys, ctx.deps.now());
    return result ? { ok: true, reportId: result.reportId, number: result.number } : { ok: false, error: "generic" };
  },

  async announce(ctx, result) {
    await ctx.reply(ctx.t("report:submitted", { number: result.number }));
    const recognised = await recognisedSummary(ctx, result.reportId);
    if (recognised) await ctx.reply(recognised);
    await sendReportFiles(ctx, result.reportId, { letters: true });
    await showChecklist(ctx, result.reportId);
    // The next call may be a "lawyer" offering to get the money back: say it now.
    await ctx.reply(`⚠️ ${escapeHtml(ctx.deps.catalogs.current().awareness.afterReport[ctx.lang])}`);
  },
};

/**
 * "This looks like <scheme>: <why>", from the recognition fixed in the report; when no scheme
 * was named, that is said plainly (the documents say "scheme not determined").
 */
async function recognisedSummary(ctx: BaseContext, reportId: number): Promise<string | undefined> {
  const recognition = (await loadReport(ctx.deps.db, reportId))?.recognition;
  if (!recognition) return undefined;
  if (recognition.schemes.length === 0) return `🔎 ${ctx.t("report:no_scheme")}`;
  const top = recognition.schemes[0];
  const catalog = ctx.deps.catalogs.current();
  const scheme = top ? catalog.scheme(top.id) : undefined;
  if (!top || !scheme) return undefined;
  const why = top.reasons
    .slice(0, 3)
    .map((r) => `• ${escapeHtml(describeReason(r, ctx.lang, catalog))}`)
    .join("\n");
  return (
    ctx.t("report:recognised", { title: scheme.title[ctx.lang], summary: scheme.summary[ctx.lang] }) +
    (why ? `\n${why}` : "")
  );
}

/**
 * The report a staff member's button or command points at, if they may see it
 * (services/staff-access.ts), and the one answer when they may not: the report is
 * gone, or it belongs to a region they do not work in (recorded on the route).
 */
import { type Opened, openForStaff } from "../../services/staff-access.js";
import type { BaseContext } from "../context.js";
import { actorOf, scopeOf } from "../filters/roles.js";
import type { Recorder } from "../middlewares/audited.js";
import { label } from "./values.js";

export const openReport = (ctx: BaseContext, reportId: number, byQr = false): Promise<Opened> =>
  openForStaff(ctx.deps.db, scopeOf(ctx), actorOf(ctx).id, reportId, byQr);

/** Why a report cannot be shown: gone, or in a region the officer does not work in (recorded). */
export async function refusal(
  ctx: BaseContext,
  record: Recorder,
  opened: Exclude<Opened, { ok: true }>,
): Promise<string> {
  if (opened.reason === "not_found") return ctx.t("police:open.not_found");
  await record({ reportNumber: opened.number, details: { outcome: "out_of_scope", region: opened.region ?? null } });
  const region = opened.region ? label(ctx.t, "regions", opened.region) : ctx.t("police:unknown");
  return ctx.t("police:open.out_of_scope", { number: opened.number, region });
}

/** The submitted report a police button points at, if the officer may see it; the press is answered either way. */
export async function pressedReport(ctx: BaseContext, record: Recorder, reportId: number) {
  const opened = await openReport(ctx, reportId);
  if (!opened.ok) {
    await ctx.answerCallbackQuery({ text: (await refusal(ctx, record, opened)).replace(/<[^>]+>/g, "") });
    return undefined;
  }
  await ctx.answerCallbackQuery();
  return opened.report;
}

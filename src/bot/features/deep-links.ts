/**
 * `/start` payloads, tried in order; the first handler that returns true took the
 * update. v_…: the QR on a report (police see the report, anyone else only
 * whether it is genuine); inv_…: a one-time invite for police or admins.
 */
import { checkVerifyToken, parseVerifyPayload } from "../../core/report/signature.js";
import { inviteToken } from "../../db/invites.js";
import { numberState } from "../../db/police-queries.js";
import { getUser } from "../../db/users.js";
import { almatyDateTime } from "../../documents/format.js";
import { loadReport } from "../../services/reports.js";
import { acceptInvite } from "../../services/staff.js";
import type { AppContext } from "../context.js";
import { isAdmin, isPolice } from "../filters/roles.js";
import { verifiedText } from "../render/verify.js";
import { askPoliceProfile, openByQr } from "./police.js";
import type { DeepLinkHandler } from "./start.js";

/**
 * Nothing about the person who checks is stored; they see the facts of the version on
 * the paper to compare. Police see the whole report (an audited staff route).
 */
const verify: DeepLinkHandler = async (ctx: AppContext, payload: string) => {
  if (!payload.startsWith("v_")) return false;
  const parsed = parseVerifyPayload(payload);
  const state =
    parsed && checkVerifyToken(parsed, ctx.deps.keys) ? await numberState(ctx.deps.db, parsed.number) : undefined;
  if (
    !parsed ||
    !state ||
    state.state === "unknown" ||
    (state.state === "submitted" && parsed.version > state.version)
  ) {
    await ctx.reply(ctx.t("verify:invalid"));
    return true;
  }
  if (state.state === "withdrawn") {
    await ctx.reply(ctx.t("verify:withdrawn", { number: parsed.number, at: almatyDateTime(state.submittedAt) }));
    return true;
  }
  if (isPolice(ctx)) {
    if (parsed.version < state.version) {
      await ctx.reply(ctx.t("verify:newer_version", { version: parsed.version, current: state.version }));
    }
    await openByQr(ctx, state.id);
    return true;
  }
  const printed = await loadReport(ctx.deps.db, state.id, parsed.version);
  await ctx.reply(printed ? verifiedText(ctx, printed, state.version) : ctx.t("verify:invalid"));
  return true;
};

const joinByInvite: DeepLinkHandler = async (ctx: AppContext, payload: string) => {
  const token = inviteToken(payload);
  if (token === undefined || !ctx.from) return false;
  // An admin keeps their role; the link stays unused for the person it was meant for.
  if (isAdmin(ctx)) {
    await ctx.reply(ctx.t("admin:invite.already_admin"));
    return true;
  }
  const result = await acceptInvite(ctx.deps.db, ctx.from.id, token, ctx.deps.now());
  if (!result.ok) {
    await ctx.reply(ctx.t(`admin:invite.${result.reason}`));
    return true;
  }
  ctx.user = await getUser(ctx.deps.db, ctx.from.id);
  await ctx.reply(ctx.t("admin:invite.welcome", { role: ctx.t(`admin:roles.${result.role}`) }));
  if (result.role === "police") await askPoliceProfile(ctx);
  return true;
};

export const deepLinkHandlers: DeepLinkHandler[] = [verify, joinByInvite];

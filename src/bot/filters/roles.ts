/**
 * Role checks for police and admin paths, evaluated on every update (the
 * person's row is read afresh for each one, ADMIN_IDS from the configuration).
 * Someone without the role gets one plain refusal that names nothing.
 */
import type { Role } from "../../core/model.js";
import type { Actor } from "../../db/audit.js";
import { effectiveRole } from "../../db/roles.js";
import type { Scope } from "../../db/scope.js";
import type { BaseContext } from "../context.js";

export function roleOf(ctx: BaseContext): Role {
  const id = ctx.from?.id;
  if (id === undefined) return "citizen";
  return effectiveRole(ctx.deps.config.adminIds, ctx.user?.role, id);
}

/** Police tools: police officers, and admins who oversee them. */
export const isPolice = (ctx: BaseContext): boolean => {
  const role = roleOf(ctx);
  return role === "police" || role === "admin";
};

export const isAdmin = (ctx: BaseContext): boolean => roleOf(ctx) === "admin";

/** The reports this staff member may see: admins and officers of all regions everything, others their regions and cases. */
export function scopeOf(ctx: BaseContext): Scope {
  if (roleOf(ctx) === "admin" || ctx.user?.policeAllRegions) return { all: true };
  return { all: false, regions: ctx.user?.policeRegions ?? [], officerId: ctx.from?.id ?? 0 };
}

/** Who acts, as the audit log records it. */
export function actorOf(ctx: BaseContext): Actor & { id: number } {
  return { id: ctx.from?.id ?? 0, role: roleOf(ctx) };
}

/** The one answer to a police or admin command or button from someone without the role. */
export async function refuse(ctx: BaseContext): Promise<void> {
  const text = ctx.t("police:denied");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
  else await ctx.reply(text);
}

import type { BaseContext } from "../context.js";
import { askConsent } from "../features/start.js";

/** Paths that store personal data ask for consent first; true when the person has agreed. */
export async function ensureConsent(ctx: BaseContext): Promise<boolean> {
  if (ctx.user?.consentAt) return true;
  await askConsent(ctx);
  return false;
}

import type { MiddlewareFn } from "grammy";
import type { Lang } from "../../core/model.js";
import { choosePreConsentLanguage, preConsentLanguage } from "../../db/pre-consent-languages.js";
import { getUser, setLanguage } from "../../db/users.js";
import type { Logger } from "../../logger.js";
import { applyChatMenu } from "../commands.js";
import type { BaseContext } from "../context.js";
import type { BotDeps } from "../deps.js";

const fromTelegram = (code: string | undefined): Lang | undefined => {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return base === "kk" || base === "ru" ? base : undefined;
};

/**
 * The person chose a language (a button, or yes to an offer): from now on the bot speaks
 * it, and their chat's «/» menu is in it. Stored on the person after consent; before it, as a
 * bare language code (db/pre-consent-languages.ts says why that is allowed).
 */
export async function chooseLanguage(ctx: BaseContext, lang: Lang): Promise<void> {
  const id = ctx.from?.id;
  if (id === undefined) return;
  ctx.lang = lang;
  ctx.langKnown = true;
  if (ctx.user?.consentAt) {
    await setLanguage(ctx.deps.db, id, lang);
    ctx.user = { ...ctx.user, language: lang, declinedLanguage: null };
  } else await choosePreConsentLanguage(ctx.deps.db, id, lang, ctx.deps.now());
  await applyChatMenu(ctx);
}

/** Puts deps, the update's logger, the person's row and language, and `t` on every context. */
export function contextMiddleware(deps: BotDeps): MiddlewareFn<BaseContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    let log: Logger | undefined;
    // Made when first used: most updates log nothing.
    Object.defineProperty(ctx, "log", { get: () => (log ??= deps.logger.child({ updateId: ctx.update.update_id })) });
    const id = ctx.from?.id;
    ctx.user = id === undefined ? undefined : await getUser(deps.db, id);
    // Before consent a language chosen is kept apart (db/pre-consent-languages.ts).
    const beforeConsent = id !== undefined && !ctx.user?.consentAt;
    const chosen =
      ctx.user?.language ??
      (beforeConsent ? (await preConsentLanguage(deps.db, id))?.language : undefined) ??
      undefined;
    const lang = chosen ?? fromTelegram(ctx.from?.language_code);
    ctx.langKnown = lang !== undefined;
    ctx.lang = lang ?? "ru";
    ctx.t = (key, options) => deps.i18n.t(ctx.lang, key, options);
    await next();
  };
}

import type { MiddlewareFn } from "grammy";
import type { Lang } from "../../core/model.js";
import { getUser, setLanguage } from "../../db/users.js";
import { applyChatMenu } from "../commands.js";
import type { BaseContext } from "../context.js";
import type { BotDeps } from "../deps.js";

const fromTelegram = (code: string | undefined): Lang | undefined => {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return base === "kk" || base === "ru" ? base : undefined;
};

/**
 * A language chosen (or an offered one declined) before consent is remembered in
 * memory only, so nothing about the person is written before they agree. Bounded,
 * oldest dropped first.
 */
export class PendingLanguages {
  private readonly map = new Map<number, { lang?: Lang; declined?: Lang }>();
  constructor(private readonly limit = 50_000) {}
  get(id: number) {
    return this.map.get(id)?.lang;
  }
  declined(id: number) {
    return this.map.get(id)?.declined;
  }
  /** A new choice; an earlier «no» to an offer no longer holds. */
  set(id: number, lang: Lang) {
    this.put(id, { lang });
  }
  decline(id: number, lang: Lang) {
    this.put(id, { ...this.map.get(id), declined: lang });
  }
  delete(id: number) {
    this.map.delete(id);
  }
  private put(id: number, entry: { lang?: Lang; declined?: Lang }) {
    this.map.delete(id);
    this.map.set(id, entry);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as number);
  }
}

/**
 * The person chose a language (a button, or yes to an offer): from now on the bot speaks
 * it, and their chat's «/» menu is in it. Stored after consent; before it, kept in memory.
 */
export async function chooseLanguage(ctx: BaseContext, pending: PendingLanguages, lang: Lang): Promise<void> {
  const id = ctx.from?.id;
  if (id === undefined) return;
  ctx.lang = lang;
  ctx.langKnown = true;
  if (ctx.user?.consentAt) {
    await setLanguage(ctx.deps.db, id, lang);
    ctx.user = { ...ctx.user, language: lang, declinedLanguage: null };
  } else pending.set(id, lang);
  await applyChatMenu(ctx);
}

/** Puts deps, the person's row and language, and `t` on every context. */
export function contextMiddleware(deps: BotDeps, pending: PendingLanguages): MiddlewareFn<BaseContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    const id = ctx.from?.id;
    ctx.user = id === undefined ? undefined : await getUser(deps.db, id);
    const chosen = ctx.user?.language ?? (id === undefined ? undefined : pending.get(id));
    const lang = chosen ?? fromTelegram(ctx.from?.language_code);
    ctx.langKnown = lang !== undefined;
    ctx.lang = lang ?? "ru";
    ctx.t = (key, options) => deps.i18n.t(ctx.lang, key, options);
    await next();
  };
}

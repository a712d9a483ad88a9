import type { MiddlewareFn } from "grammy";
import type { Lang } from "../../core/model.js";
import { getUser } from "../../db/users.js";
import type { BaseContext } from "../context.js";
import type { BotDeps } from "../deps.js";

const fromTelegram = (code: string | undefined): Lang | undefined => {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return base === "kk" || base === "ru" ? base : undefined;
};

/**
 * A language chosen before consent is remembered in memory only, so nothing
 * about the person is written before they agree. Bounded, oldest dropped first.
 */
export class PendingLanguages {
  private readonly map = new Map<number, Lang>();
  constructor(private readonly limit = 50_000) {}
  get(id: number) {
    return this.map.get(id);
  }
  set(id: number, lang: Lang) {
    this.map.delete(id);
    this.map.set(id, lang);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as number);
  }
  delete(id: number) {
    this.map.delete(id);
  }
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

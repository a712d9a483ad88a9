/**
 * Dropper self-check: someone offered money to pass transfers on, or to rent out
 * a card, SIM or account, answers a few yes/no questions and gets a clear answer:
 * it is a crime, refuse, and what to do if money already came in. Works before
 * consent; the answers travel in the buttons and are never stored.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { DropperCheck } from "../../catalog/types.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { hasBit } from "../callback-data/check.js";
import { dropperData } from "../callback-data/dropper.js";
import { menuData } from "../callback-data/menu.js";
import type { AppContext, BaseContext } from "../context.js";
import { libraryButton } from "../keyboards/schemes.js";
import { escapeHtml } from "../render/values.js";

/** The question whose "yes" means stolen money is already on the person's card. */
const MONEY_CAME = "money_came";
const DROPPER_SCHEME = "dropper_recruitment";
const MAX_QUESTIONS = 20;

function questionView(ctx: BaseContext, check: DropperCheck, q: number, m: number) {
  const question = check.questions[q]!;
  const text = [
    q === 0 ? ctx.t("dropper:intro") : undefined,
    `<i>${ctx.t("dropper:question", { n: q + 1, total: check.questions.length })}</i>`,
    `<b>${escapeHtml(question.text[ctx.lang])}</b>`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const keyboard = InlineKeyboard.from([
    [
      InlineKeyboard.text(ctx.t("dropper:yes"), dropperData.pack({ q, m, v: "y" })),
      InlineKeyboard.text(ctx.t("dropper:no"), dropperData.pack({ q, m, v: "n" })),
    ],
  ]);
  return { text, keyboard };
}

function verdictView(ctx: BaseContext, check: DropperCheck, yes: (id: string) => boolean) {
  const { lang } = ctx;
  const moneyCame = yes(MONEY_CAME);
  const offered = check.questions.some((q) => q.id !== MONEY_CAME && yes(q.id));
  const headline = offered
    ? `⛔ <b>${ctx.t("dropper:verdict.offer")}</b>`
    : moneyCame
      ? `⛔ <b>${ctx.t("dropper:verdict.money")}</b>`
      : `✅ ${ctx.t("dropper:verdict.none")}`;
  const steps = moneyCame
    ? `<b>${ctx.t("dropper:steps_title")}</b>\n${check.actions.map((a, k) => `${k + 1}. ${escapeHtml(a.text[lang])}`).join("\n")}`
    : undefined;
  const text = [
    headline,
    `⚖️ ${escapeHtml(check.crime[lang])}`,
    `🚫 ${escapeHtml(check.refuse[lang])}`,
    `💳 <b>${ctx.t("dropper:money_title")}</b>\n${escapeHtml(check.moneyCame[lang])}`,
    steps,
  ]
    .filter(Boolean)
    .join("\n\n");
  const more = libraryButton(ctx.t, ctx.deps.catalogs.current(), DROPPER_SCHEME);
  const keyboard = InlineKeyboard.from([
    ...(more ? [[more]] : []),
    [InlineKeyboard.text(ctx.t("dropper:again"), dropperData.pack({ q: 0, m: 0 }))],
    [InlineKeyboard.text(ctx.t("menu:items.home"), menuData.pack({ to: "home" }))],
  ]);
  return { text, keyboard };
}

export function dropperFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");

  pm.callbackQuery(menuData.filter, async (ctx, next) => {
    if (menuData.unpack(ctx.callbackQuery.data)?.to !== "dropper") return next();
    await ctx.answerCallbackQuery();
    const { text, keyboard } = questionView(ctx, ctx.deps.catalogs.current().dropperCheck, 0, 0);
    await ctx.reply(text, { reply_markup: keyboard });
  });

  pm.callbackQuery(dropperData.filter, async (ctx) => {
    const data = dropperData.unpack(ctx.callbackQuery.data);
    const check = ctx.deps.catalogs.current().dropperCheck;
    if (!data || data.q >= Math.min(check.questions.length, MAX_QUESTIONS)) {
      return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    }
    await ctx.answerCallbackQuery();
    const m = data.v === "y" ? data.m + 2 ** data.q : data.m;
    const next = data.v === undefined ? data.q : data.q + 1;
    const view =
      next < check.questions.length
        ? questionView(ctx, check, next, m)
        : verdictView(ctx, check, (id) => {
            const k = check.questions.findIndex((q) => q.id === id);
            return k !== -1 && hasBit(m, k);
          });
    const edited = await ctx.editMessageText(view.text, { reply_markup: view.keyboard }).catch(ignoreStaleEdit);
    if (!edited) await ctx.reply(view.text, { reply_markup: view.keyboard });
  });
  return composer;
}

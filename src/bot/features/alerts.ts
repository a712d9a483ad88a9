/**
 * Alerts about new or rising schemes. People subscribe or unsubscribe in one tap
 * (and every alert carries «Unsubscribe»). An admin writes an alert with /alert:
 * the Kazakh text, then the Russian one, a preview of both, «Send» or «Cancel».
 * Delivery runs in the background (jobs/alerts.ts).
 */
import { Composer, InlineKeyboard } from "grammy";
import {
  cancelAlert,
  createAlert,
  getAlert,
  isSubscribed,
  latestDraft,
  setAlertRu,
  startSending,
} from "../../db/alerts.js";
import { audit } from "../../db/audit.js";
import { clearPendingInput, pendingInput, setPendingInput } from "../../db/pending-inputs.js";
import { setAlerts } from "../../db/users.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { alertsData } from "../callback-data/alerts.js";
import { menuData } from "../callback-data/menu.js";
import type { AppContext, BaseContext } from "../context.js";
import { ensureConsent } from "../filters/consent.js";
import { actorOf, isAdmin, refuse } from "../filters/roles.js";
import { alertMessage, alertText, deliverAlerts } from "../jobs/alerts.js";
import { alertKeyboard, alertScheme } from "../keyboards/alerts.js";
import { escapeHtml } from "../render/values.js";

const ASK_KK = "alert_kk";
const ASK_RU = "alert_ru";
/** Short alerts are read; long ones are not. Telegram allows 4096 characters. */
const MAX_TEXT = 1000;

const toggleKeyboard = (ctx: BaseContext, subscribed: boolean) =>
  InlineKeyboard.from([
    [
      subscribed
        ? InlineKeyboard.text(ctx.t("alerts:buttons.unsubscribe"), alertsData.pack({ a: "uns" }))
        : InlineKeyboard.text(ctx.t("alerts:buttons.subscribe"), alertsData.pack({ a: "sub" })),
    ],
    [InlineKeyboard.text(ctx.t("menu:items.home"), menuData.pack({ to: "home" }))],
  ]);

/** While the admin is writing: «Cancel» forgets the text being waited for. */
const stopKeyboard = (ctx: BaseContext) =>
  InlineKeyboard.from([[InlineKeyboard.text(ctx.t("alerts:buttons.cancel"), alertsData.pack({ a: "cancel" }))]]);

async function showStatus(ctx: BaseContext): Promise<void> {
  if (!ctx.from || !(await ensureConsent(ctx))) return;
  const subscribed = await isSubscribed(ctx.deps.db, ctx.from.id);
  await ctx.reply(ctx.t(subscribed ? "alerts:status.on" : "alerts:status.off"), {
    reply_markup: toggleKeyboard(ctx, subscribed),
  });
}

function previewText(ctx: BaseContext, alert: { textKk: string; textRu: string }): string {
  const { i18n } = ctx.deps;
  const scheme = alertScheme(ctx.deps.catalogs.current(), alertText(ctx.lang, alert));
  return [
    ctx.t("alerts:admin.preview"),
    `<b>${ctx.t("alerts:admin.lang_kk")}</b>\n${alertMessage(i18n, "kk", alert)}`,
    `<b>${ctx.t("alerts:admin.lang_ru")}</b>\n${alertMessage(i18n, "ru", alert)}`,
    scheme
      ? ctx.t("alerts:admin.linked", { title: escapeHtml(scheme.title[ctx.lang]) })
      : ctx.t("alerts:admin.not_linked"),
  ].join("\n\n");
}

export function alertsFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");

  pm.command("alerts", (ctx) => showStatus(ctx));
  pm.callbackQuery(menuData.filter, async (ctx, next) => {
    if (menuData.unpack(ctx.callbackQuery.data)?.to !== "alerts") return next();
    await ctx.answerCallbackQuery();
    await showStatus(ctx);
  });

  pm.callbackQuery(alertsData.filter, async (ctx, next) => {
    const data = alertsData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    if (data.a !== "sub" && data.a !== "uns") return next();
    const subscribe = data.a === "sub";
    if (!ctx.user?.consentAt) {
      await ctx.answerCallbackQuery();
      if (subscribe) await ensureConsent(ctx);
      return;
    }
    await setAlerts(ctx.deps.db, ctx.from.id, subscribe);
    await ctx.answerCallbackQuery({ text: ctx.t(subscribe ? "alerts:subscribed" : "alerts:unsubscribed") });
    if (data.id !== undefined) {
      // Under an alert: the alert stays, only its button turns into the other one.
      const alert = await getAlert(ctx.deps.db, data.id);
      const text = alert ? alertText(ctx.lang, alert) : "";
      const keyboard = alertKeyboard(ctx.t, ctx.deps.catalogs.current(), { id: data.id, text }, subscribe);
      await ctx.editMessageReplyMarkup({ reply_markup: keyboard }).catch(ignoreStaleEdit);
      return;
    }
    await ctx
      .editMessageText(ctx.t(subscribe ? "alerts:status.on" : "alerts:status.off"), {
        reply_markup: toggleKeyboard(ctx, subscribe),
      })
      .catch(ignoreStaleEdit);
  });

  pm.command("alert", async (ctx) => {
    if (!isAdmin(ctx)) return refuse(ctx);
    await setPendingInput(ctx.deps.db, ctx.from.id, ASK_KK, ctx.deps.now());
    await ctx.reply(ctx.t("alerts:admin.ask_kk", { max: MAX_TEXT }), { reply_markup: stopKeyboard(ctx) });
  });

  pm.on("message:text", async (ctx, next) => {
    const { db } = ctx.deps;
    const text = ctx.message.text.trim();
    if (text.startsWith("/")) return next();
    const kind = await pendingInput(db, ctx.from.id, ctx.deps.now());
    if (kind !== ASK_KK && kind !== ASK_RU) return next();
    if (!isAdmin(ctx)) {
      await clearPendingInput(db, ctx.from.id);
      return refuse(ctx);
    }
    if (text.length > MAX_TEXT) {
      return void (await ctx.reply(ctx.t("alerts:admin.too_long", { max: MAX_TEXT, length: text.length })));
    }
    if (kind === ASK_KK) {
      await createAlert(db, ctx.from.id, text, ctx.deps.now());
      await setPendingInput(db, ctx.from.id, ASK_RU, ctx.deps.now());
      return void (await ctx.reply(ctx.t("alerts:admin.ask_ru", { max: MAX_TEXT }), {
        reply_markup: stopKeyboard(ctx),
      }));
    }
    await clearPendingInput(db, ctx.from.id);
    const draft = await latestDraft(db, ctx.from.id);
    if (!draft) return void (await ctx.reply(ctx.t("alerts:admin.lost")));
    await setAlertRu(db, draft.id, text);
    const keyboard = InlineKeyboard.from([
      [
        InlineKeyboard.text(ctx.t("alerts:buttons.send"), alertsData.pack({ a: "send", id: draft.id })),
        InlineKeyboard.text(ctx.t("alerts:buttons.cancel"), alertsData.pack({ a: "cancel", id: draft.id })),
      ],
    ]);
    await ctx.reply(previewText(ctx, { textKk: draft.textKk, textRu: text }), { reply_markup: keyboard });
  });

  pm.callbackQuery(alertsData.filter, async (ctx) => {
    const data = alertsData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    if (!isAdmin(ctx)) return refuse(ctx);
    const { db } = ctx.deps;
    const actor = actorOf(ctx);
    await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
    if (data.id === undefined) {
      await clearPendingInput(db, ctx.from.id);
      await ctx.answerCallbackQuery();
      return void (await ctx.reply(ctx.t("alerts:admin.stopped")));
    }
    if (data.a === "cancel") {
      const cancelled = await cancelAlert(db, data.id);
      if (cancelled)
        await audit(db, { actor, action: "alert.cancel", details: { alertId: data.id }, at: ctx.deps.now() });
      await ctx.answerCallbackQuery();
      return void (await ctx.reply(ctx.t(cancelled ? "alerts:admin.cancelled" : "alerts:admin.not_draft")));
    }
    const recipients = await startSending(db, data.id);
    if (recipients === undefined) {
      await ctx.answerCallbackQuery();
      const status = (await getAlert(db, data.id))?.status;
      return void (await ctx.reply(
        ctx.t(status === "sending" || status === "sent" ? "alerts:admin.already" : "alerts:admin.not_draft"),
      ));
    }
    await audit(db, { actor, action: "alert.send", details: { alertId: data.id, recipients }, at: ctx.deps.now() });
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("alerts:admin.sending", { count: recipients }));
    void deliverAlerts(ctx.deps);
  });
  return composer;
}

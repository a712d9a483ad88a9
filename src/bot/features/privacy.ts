/**
 * «My data»: what is stored about the person, all of it as a download, and
 * deleting it after a confirmation. Afterwards the person is back where they
 * were before consent: the next /start asks for it again.
 */
import { Composer, InputFile } from "grammy";
import { almatyDateTime, fileDate } from "../../documents/format.js";
import { deleteEvidence } from "../../services/evidence-store.js";
import { dataSummary, deletePersonalData, exportPersonalData } from "../../services/privacy.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { menuData } from "../callback-data/menu.js";
import { privacyData } from "../callback-data/privacy.js";
import type { AppContext, BaseContext } from "../context.js";
import { backToMenu } from "../keyboards/menu.js";
import { confirmDeleteKeyboard, dataKeyboard } from "../keyboards/privacy.js";
import { regionsText } from "../render/regions.js";
import { showMenu } from "./start.js";

/** How long «Yes, delete» stays valid after it was offered. */
const CONFIRM_SECONDS = 10 * 60;

const seconds = (ctx: BaseContext) => Math.floor(ctx.deps.now().getTime() / 1000);
/** A stored police or admin role goes with the data (admins by ADMIN_IDS stay admins by configuration). */
const isOfficial = (ctx: BaseContext) => ctx.user?.role === "police" || ctx.user?.role === "admin";
const roleOf = (ctx: BaseContext) =>
  ctx.from && ctx.deps.config.adminIds.includes(ctx.from.id) ? "admin" : (ctx.user?.role ?? "citizen");

const confirmText = (ctx: BaseContext) =>
  [
    ctx.t("privacy:confirm.text"),
    isOfficial(ctx) ? ctx.t("privacy:confirm.official") : undefined,
    ctx.t("privacy:confirm.final"),
  ]
    .filter(Boolean)
    .join("\n\n");

async function showData(ctx: AppContext): Promise<void> {
  const summary = ctx.from ? await dataSummary(ctx.deps.db, ctx.from.id) : undefined;
  if (!summary) {
    await ctx.reply(ctx.t("privacy:nothing_stored"), { reply_markup: backToMenu(ctx.t) });
    return;
  }
  const { user } = summary;
  const unit = [
    user.policeUnit,
    user.role === "police" ? regionsText(ctx.t, user.policeRegions, user.policeAllRegions) : undefined,
  ]
    .filter(Boolean)
    .join(", ");
  const lines = [
    ctx.t("privacy:summary.title"),
    user.consentAt
      ? ctx.t("privacy:summary.consent", { date: almatyDateTime(user.consentAt) })
      : ctx.t("privacy:summary.no_consent"),
    ctx.t("privacy:summary.language", { language: ctx.t(`privacy:languages.${user.language ?? ctx.lang}`) }),
    ctx.t("privacy:summary.role", { role: ctx.t(`privacy:roles.${roleOf(ctx)}`) }),
    unit ? ctx.t("privacy:summary.unit", { unit }) : undefined,
    ctx.t(user.alertsSubscribed ? "privacy:summary.alerts_on" : "privacy:summary.alerts_off"),
    ctx.t("privacy:summary.reports", { count: summary.reports }),
    ctx.t("privacy:summary.drafts", { count: summary.drafts }),
    ctx.t("privacy:summary.evidence", { count: summary.evidence }),
  ].filter(Boolean);
  await ctx.reply(`${lines.join("\n")}\n\n${ctx.t("privacy:summary.hint")}`, { reply_markup: dataKeyboard(ctx.t) });
}

async function sendExport(ctx: AppContext): Promise<void> {
  const now = ctx.deps.now();
  const data = ctx.from ? await exportPersonalData(ctx.deps.db, ctx.from.id, now) : undefined;
  if (!data) {
    await ctx.reply(ctx.t("privacy:nothing_stored"), { reply_markup: backToMenu(ctx.t) });
    return;
  }
  const bytes = Buffer.from(`${JSON.stringify(data, null, 2)}\n`, "utf8");
  await ctx.replyWithDocument(new InputFile(bytes, `saqbol-my-data-${fileDate(now)}.json`), {
    caption: ctx.t("privacy:export_caption"),
  });
}

async function deleteEverything(ctx: AppContext): Promise<void> {
  if (!ctx.from || !ctx.chat) return;
  const official = isOfficial(ctx);
  const result = await deletePersonalData(ctx.deps.db, ctx.from.id, ctx.deps.now());
  await deleteEvidence(ctx.deps.config.evidence, result.reportIds);
  ctx.log.info(
    {
      userId: ctx.from.id,
      withdrawn: result.withdrawn.length,
      drafts: result.drafts,
      walTruncated: result.walTruncated,
    },
    "personal data deleted",
  );
  ctx.user = undefined;
  const parts = [ctx.t("privacy:deleted.text")];
  if (result.withdrawn.length > 0) {
    parts.push(ctx.t("privacy:deleted.withdrawn", { numbers: result.withdrawn.join(", ") }));
  }
  if (official) parts.push(ctx.t("privacy:deleted.official"));
  await ctx.reply(parts.join("\n\n"));
  await showMenu(ctx, "privacy:deleted.menu");
}

export function privacyFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");

  pm.command("mydata", (ctx) => showData(ctx));
  pm.callbackQuery(menuData.filter, async (ctx, next) => {
    if (menuData.unpack(ctx.callbackQuery.data)?.to !== "privacy") return next();
    await ctx.answerCallbackQuery();
    await showData(ctx);
  });

  pm.callbackQuery(privacyData.filter, async (ctx) => {
    const data = privacyData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    if (!ctx.user) return ctx.answerCallbackQuery({ text: ctx.t("privacy:nothing_stored_short") });
    switch (data.a) {
      case "export":
        await ctx.answerCallbackQuery();
        return sendExport(ctx);
      case "delete":
        await ctx.answerCallbackQuery();
        return void (await ctx.reply(confirmText(ctx), { reply_markup: confirmDeleteKeyboard(ctx.t, seconds(ctx)) }));
      case "keep":
        await ctx.answerCallbackQuery();
        await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
        return void (await ctx.reply(ctx.t("privacy:kept")));
      case "confirm": {
        const age = data.t === undefined ? Number.POSITIVE_INFINITY : seconds(ctx) - data.t;
        if (!(age >= -60 && age <= CONFIRM_SECONDS)) {
          await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
          return ctx.answerCallbackQuery({ text: ctx.t("privacy:confirm_expired"), show_alert: true });
        }
        await ctx.answerCallbackQuery();
        await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
        return deleteEverything(ctx);
      }
    }
  });
  return composer;
}

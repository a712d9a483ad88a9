/**
 * Free text nobody else took (typed or forwarded, outside the questionnaire and
 * any awaited answer): recognise it, say what it looks like and why, and offer
 * the questionnaire with the story already filled in. When no known scheme is
 * recognised the bot says so plainly and offers what fits: the bank for everyday
 * card questions, the library, a report anyway. The story is kept in memory
 * only, until the person starts the report (after consent) — never in the database.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { Catalog } from "../../catalog/types.js";
import { describeReason } from "../../core/recognition/index.js";
import type { Recognition } from "../../core/report/report.js";
import { recordConsent } from "../../db/users.js";
import { type Likely, likelyScheme, mentionsRecoveryScam } from "../../services/likely-scheme.js";
import { MemoryMap } from "../../services/memory-map.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { menuData } from "../callback-data/menu.js";
import { storyData } from "../callback-data/story.js";
import type { AppContext, BaseContext } from "../context.js";
import { libraryButton } from "../keyboards/schemes.js";
import { warnIfLiveCall } from "../render/live-call.js";
import { escapeHtml } from "../render/values.js";
import { startReport } from "./report.js";
import { showMenu } from "./start.js";

/** Fewer words than this, with no scheme recognised, is not a story ("hello"): the menu answers it. */
const MIN_WORDS = 4;
const KEEP_MS = 30 * 60_000;
const SHOWN = 3;
/** Urgent steps shown under a recognised story (an APK needs four: airplane mode to keeping the file). */
const STEPS_SHOWN = 4;
const DROPPER_SCHEME = "dropper_recruitment";

interface Kept {
  n: number;
  text: string;
}

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

function recognisedText(ctx: BaseContext, catalog: Catalog, likely: Likely, recognition: Recognition): string {
  const { lang } = ctx;
  const { scheme, match } = likely;
  const reasons = [...new Set(match.reasons.map((r) => describeReason(r, lang, catalog)))].slice(0, SHOWN);
  const bullets = (mark: string, items: readonly string[]) => items.map((s) => `${mark} ${escapeHtml(s)}`).join("\n");
  return [
    `🔎 <b>${ctx.t("story:looks_like", { title: scheme.title[lang] })}</b>\n<i>${escapeHtml(scheme.summary[lang])}</i>`,
    reasons.length > 0 ? `<b>${ctx.t("story:why")}</b>\n${bullets("•", reasons)}` : undefined,
    `<b>${ctx.t("story:red_flags")}</b>\n${bullets(
      "🚩",
      scheme.redFlags.slice(0, SHOWN).map((f) => f[lang]),
    )}`,
    scheme.urgentSteps.length > 0
      ? `<b>${ctx.t("story:what_now")}</b>\n${scheme.urgentSteps
          .slice(0, STEPS_SHOWN)
          .map((s, k) => `${k + 1}. ${escapeHtml(s.text[lang])}`)
          .join("\n")}`
      : undefined,
    mentionsRecoveryScam(recognition) ? `⚠️ <b>${escapeHtml(catalog.awareness.recoveryScam[lang])}</b>` : undefined,
    ctx.t("story:offer"),
  ]
    .filter(Boolean)
    .join("\n\n");
}

function recognisedKeyboard(ctx: BaseContext, catalog: Catalog, schemeId: string, n: number): InlineKeyboard {
  const more = libraryButton(ctx.t, catalog, schemeId);
  return InlineKeyboard.from([
    [InlineKeyboard.text(ctx.t("story:buttons.fill"), storyData.pack({ a: "fill", n }))],
    ...(more ? [[more]] : []),
    ...(schemeId === DROPPER_SCHEME
      ? [[InlineKeyboard.text(ctx.t("story:buttons.dropper"), menuData.pack({ to: "dropper" }))]]
      : []),
    [InlineKeyboard.text(ctx.t("menu:items.home"), menuData.pack({ to: "home" }))],
  ]);
}

const noSchemeText = (ctx: BaseContext) => `🔎 <b>${ctx.t("story:no_scheme")}</b>\n\n${ctx.t("story:no_scheme_help")}`;

const noSchemeKeyboard = (ctx: BaseContext, n: number) =>
  InlineKeyboard.from([
    [InlineKeyboard.text(ctx.t("story:buttons.fill_anyway"), storyData.pack({ a: "fill", n }))],
    [InlineKeyboard.text(ctx.t("menu:items.schemes"), menuData.pack({ to: "schemes" }))],
    [InlineKeyboard.text(ctx.t("menu:items.check"), menuData.pack({ to: "check" }))],
    [InlineKeyboard.text(ctx.t("menu:items.home"), menuData.pack({ to: "home" }))],
  ]);

export function storyFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");
  const stories = new MemoryMap<number, Kept>(KEEP_MS);
  let counter = Date.now() % 1_000_000_000;

  pm.on("message", async (ctx, next) => {
    const text = (ctx.message.text ?? ctx.message.caption)?.trim();
    if (!text || text.startsWith("/")) return next();
    // A call still going on: «hang up» comes before anything else the bot has to say.
    const live = await warnIfLiveCall(ctx, text);
    const catalog = ctx.deps.catalogs.current();
    const recognition = catalog.recognize({ text });
    const likely = likelyScheme(catalog, recognition);
    // A live call has had its «hang up»: "no known scheme" after it would only blur it.
    if (!likely && (live || wordCount(text) < MIN_WORDS)) return live ? undefined : next();
    counter = (counter + 1) % 1_000_000_000;
    stories.set(ctx.from.id, { n: counter, text }, ctx.deps.now());
    if (!likely) return void (await ctx.reply(noSchemeText(ctx), { reply_markup: noSchemeKeyboard(ctx, counter) }));
    await ctx.reply(recognisedText(ctx, catalog, likely, recognition), {
      reply_markup: recognisedKeyboard(ctx, catalog, likely.scheme.id, counter),
    });
  });

  pm.callbackQuery(storyData.filter, async (ctx) => {
    const data = storyData.unpack(ctx.callbackQuery.data);
    if (data?.a === "decline") {
      stories.delete(ctx.from.id);
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
      return showMenu(ctx, "start:consent.declined");
    }
    const kept = data ? stories.get(ctx.from.id, ctx.deps.now()) : undefined;
    if (!data || kept?.n !== data.n) return ctx.answerCallbackQuery({ text: ctx.t("story:expired"), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
    if (data.a === "fill" && !ctx.user?.consentAt) {
      const keyboard = InlineKeyboard.from([
        [
          InlineKeyboard.text(ctx.t("start:consent.agree"), storyData.pack({ a: "agree", n: kept.n })),
          InlineKeyboard.text(ctx.t("start:consent.decline"), storyData.pack({ a: "decline", n: kept.n })),
        ],
      ]);
      return void (await ctx.reply(`${ctx.t("story:consent_first")}\n\n${ctx.t("start:consent.text")}`, {
        reply_markup: keyboard,
      }));
    }
    if (data.a === "agree" && !ctx.user?.consentAt) {
      ctx.user = await recordConsent(ctx.deps.db, ctx.from.id, ctx.lang);
      await ctx.reply(ctx.t("story:consent_thanks"));
    }
    stories.delete(ctx.from.id);
    await startReport(ctx, kept.text);
  });
  return composer;
}

/**
 * The scheme library: every active catalogue scheme, browsable with buttons —
 * how it goes, the red flags, how to protect yourself and what to do if it has
 * already happened. Works before consent and stores nothing.
 */
import { Composer, type InlineKeyboard } from "grammy";
import type { SchemeEntry } from "../../catalog/types.js";
import { menuData } from "../callback-data/menu.js";
import { libraryData } from "../callback-data/schemes.js";
import type { AppContext, BaseContext } from "../context.js";
import { libraryListKeyboard, libraryPages, schemePageKeyboard } from "../keyboards/schemes.js";
import { escapeHtml } from "../render/values.js";

const RECOVERY_SCAM = "recovery_scam";

/** A scheme's page in the person's language; the catalogue's texts, escaped. */
export function schemePageText(ctx: BaseContext, scheme: SchemeEntry): string {
  const { lang } = ctx;
  const list = (mark: string, items: readonly string[]) => items.map((s) => `${mark} ${escapeHtml(s)}`).join("\n");
  const section = (key: string, body: string) => (body ? `<b>${ctx.t(`schemes:page.${key}`)}</b>\n${body}` : "");
  const parts = [
    `📚 <b>${escapeHtml(scheme.title[lang])}</b>\n<i>${escapeHtml(scheme.summary[lang])}</i>`,
    section("how", escapeHtml(scheme.howItGoes[lang])),
    section(
      "red_flags",
      list(
        "🚩",
        scheme.redFlags.map((f) => f[lang]),
      ),
    ),
    section(
      "prevention",
      list(
        "✅",
        scheme.prevention.map((p) => p[lang]),
      ),
    ),
    section("if_happened", scheme.urgentSteps.map((s, k) => `${k + 1}. ${escapeHtml(s.text[lang])}`).join("\n")),
    scheme.id === RECOVERY_SCAM
      ? `⚠️ <b>${escapeHtml(ctx.deps.catalogs.current().awareness.recoveryScam[lang])}</b>`
      : "",
  ];
  return parts.filter(Boolean).join("\n\n");
}

function listView(ctx: BaseContext, page: number): { text: string; keyboard: InlineKeyboard } {
  const schemes = ctx.deps.catalogs.current().schemes();
  const pages = libraryPages(schemes.length);
  const at = Math.min(Math.max(page, 0), pages - 1);
  const pageLine = pages > 1 ? `\n\n${ctx.t("schemes:list.page", { page: at + 1, pages })}` : "";
  return {
    text: `${ctx.t("schemes:list.title")}${pageLine}`,
    keyboard: libraryListKeyboard(ctx.t, ctx.lang, schemes, at),
  };
}

export async function showLibrary(ctx: BaseContext): Promise<void> {
  const { text, keyboard } = listView(ctx, 0);
  await ctx.reply(text, { reply_markup: keyboard });
}

/** Edits the message the button was under; a message that cannot be edited gets a new one. */
async function replaceOrReply(ctx: BaseContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(text, { reply_markup: keyboard });
  } catch {
    await ctx.reply(text, { reply_markup: keyboard });
  }
}

export function schemesFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");

  pm.command("schemes", (ctx) => showLibrary(ctx));
  pm.callbackQuery(menuData.filter, async (ctx, next) => {
    if (menuData.unpack(ctx.callbackQuery.data)?.to !== "schemes") return next();
    await ctx.answerCallbackQuery();
    await showLibrary(ctx);
  });

  pm.callbackQuery(libraryData.filter, async (ctx) => {
    const data = libraryData.unpack(ctx.callbackQuery.data);
    const schemes = ctx.deps.catalogs.current().schemes();
    if (!data || (data.a !== "l" && !schemes[data.n])) {
      return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    }
    await ctx.answerCallbackQuery();
    if (data.a === "l") {
      const { text, keyboard } = listView(ctx, data.n);
      return replaceOrReply(ctx, text, keyboard);
    }
    const scheme = schemes[data.n]!;
    const text = schemePageText(ctx, scheme);
    const keyboard = schemePageKeyboard(ctx.t, data.n, schemes.length);
    if (data.a === "o") return void (await ctx.reply(text, { reply_markup: keyboard }));
    await replaceOrReply(ctx, text, keyboard);
  });
  return composer;
}

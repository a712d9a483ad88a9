import { Composer } from "grammy";
import { activeDraftId, findDraft } from "../../db/drafts.js";
import { clearPendingInput } from "../../db/pending-inputs.js";
import {
  choosePreConsentLanguage,
  forgetPreConsentLanguage,
  preConsentLanguage,
} from "../../db/pre-consent-languages.js";
import { declineLanguage, markBlocked, recordConsent } from "../../db/users.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { consentData, languageData, menuData } from "../callback-data/menu.js";
import type { AppContext, BaseContext } from "../context.js";
import { roleOf } from "../filters/roles.js";
import { consentKeyboard, languageKeyboard, mainMenu } from "../keyboards/menu.js";
import { chooseLanguage } from "../middlewares/context.js";

export type DeepLinkHandler = (ctx: AppContext, payload: string) => Promise<boolean>;

/** The consent notice, in the language the person chose (or Telegram told us). */
export async function askConsent(ctx: BaseContext): Promise<void> {
  await ctx.reply(ctx.t("start:consent.text"), { reply_markup: consentKeyboard(ctx.t, ctx.lang) });
}

export async function showMenu(ctx: BaseContext, intro = "menu:title"): Promise<void> {
  const consented = Boolean(ctx.user?.consentAt);
  const hasDraft = consented && ctx.from ? (await findDraft(ctx.deps.db, ctx.from.id)) !== undefined : false;
  await ctx.reply(ctx.t(intro), { reply_markup: mainMenu(ctx.t, { consented, hasDraft }) });
}

/** What the bot does, and for staff the commands of their role below it (checked afresh, like every staff path). */
function helpText(ctx: BaseContext): string {
  const role = roleOf(ctx);
  const sections = [
    ctx.t("start:help"),
    role !== "citizen" ? ctx.t("staff:help.police") : undefined,
    role === "admin" ? ctx.t("staff:help.admin") : undefined,
  ];
  return sections.filter(Boolean).join("\n\n");
}

/** Asks the language when neither a choice nor Telegram's language_code tells it. */
export async function askLanguage(ctx: BaseContext): Promise<void> {
  await ctx.reply(
    `${ctx.deps.i18n.t("kk", "start:choose_language")}\n${ctx.deps.i18n.t("ru", "start:choose_language")}`,
    {
      reply_markup: languageKeyboard(),
    },
  );
}

export function startFeature(deepLinks: DeepLinkHandler[]): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("start", async (ctx) => {
    const payload = ctx.match.trim();
    if (payload) {
      for (const handle of deepLinks) if (await handle(ctx, payload)) return;
    }
    if (ctx.user?.consentAt) return showMenu(ctx, "start:welcome_back");
    if (!ctx.langKnown) return askLanguage(ctx);
    await ctx.reply(ctx.t("start:welcome"));
    await askConsent(ctx);
  });

  privateChat.command(["menu"], (ctx) => showMenu(ctx));
  privateChat.command("language", (ctx) =>
    ctx.reply(ctx.t("start:choose_language"), { reply_markup: languageKeyboard() }),
  );

  privateChat.callbackQuery(languageData.filter, async (ctx, next) => {
    const choice = languageData.unpack(ctx.callbackQuery.data);
    if (!choice) return ctx.answerCallbackQuery();
    await ctx.answerCallbackQuery();
    await chooseLanguage(ctx, choice.l);
    // Mid-report («/language» keeps the report active): the questionnaire, registered after this
    // feature, shows the same question in the new language (features/language-offer.ts).
    if (ctx.user?.consentAt && (await activeDraftId(ctx.deps.db, ctx.from.id)) !== undefined) return next();
    if (ctx.user?.consentAt) return showMenu(ctx, "start:language_set");
    await askConsent(ctx);
  });

  privateChat.callbackQuery(consentData.filter, async (ctx) => {
    const choice = consentData.unpack(ctx.callbackQuery.data);
    if (!choice) return ctx.answerCallbackQuery();
    ctx.lang = choice.l;
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
    if (choice.v === "decline") {
      await choosePreConsentLanguage(ctx.deps.db, ctx.from.id, choice.l, ctx.deps.now());
      return showMenu(ctx, "start:consent.declined");
    }
    ctx.user = await recordConsent(ctx.deps.db, ctx.from.id, choice.l);
    const declined = (await preConsentLanguage(ctx.deps.db, ctx.from.id))?.declinedLanguage;
    if (declined) await declineLanguage(ctx.deps.db, ctx.from.id, declined);
    await forgetPreConsentLanguage(ctx.deps.db, ctx.from.id);
    await showMenu(ctx, "start:consent.thanks");
  });

  privateChat.callbackQuery(menuData.filter, async (ctx, next) => {
    if (menuData.unpack(ctx.callbackQuery.data)?.to !== "home") return next();
    await ctx.answerCallbackQuery();
    await showMenu(ctx);
  });
  privateChat.callbackQuery(menuData.filter, async (ctx, next) => {
    if (menuData.unpack(ctx.callbackQuery.data)?.to !== "language") return next();
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("start:choose_language"), { reply_markup: languageKeyboard() });
  });

  privateChat.command("help", (ctx) => ctx.reply(helpText(ctx)));
  // The questionnaire and an addition were already left by the navigation middleware; the draft stays for later.
  privateChat.command("cancel", async (ctx) => {
    await clearPendingInput(ctx.deps.db, ctx.from.id);
    await showMenu(ctx, "start:cancelled");
  });

  // The person blocked or unblocked the bot: stop (or resume) sending them alerts and reminders.
  privateChat.on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === "kicked" || status === "member") await markBlocked(ctx.deps.db, ctx.from.id, status === "kicked");
  });
  return composer;
}

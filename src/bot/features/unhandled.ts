import { Composer } from "grammy";
import type { AppContext } from "../context.js";
import { showMenu } from "./start.js";

/** Last in line: anything no feature took gets a short pointer to the menu, never silence. */
export function unhandledFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");
  pm.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("common:stale") }));
  pm.on("message:text", async (ctx) => {
    if (ctx.message.text.startsWith("/")) return showMenu(ctx, "common:unknown_command");
    return showMenu(ctx, "common:not_understood");
  });
  pm.on("edited_message", (ctx) => ctx.reply(ctx.t("common:edit_ignored")));
  pm.on("message", (ctx) => showMenu(ctx, "common:unsupported"));
  return composer;
}

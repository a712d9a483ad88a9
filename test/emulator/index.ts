/**
 * A local Telegram Bot API for tests and `npm run chat`.
 *
 *   const emulator = new BotApiEmulator();
 *   const apiRoot = await emulator.start();            // http://127.0.0.1:PORT
 *   // the bot: new Bot(emulator.token, { client: { apiRoot } })
 *   const user = emulator.user({ id: 1001, first_name: "Aigerim", language_code: "kk" });
 *   user.command("start");
 *   const reply = await user.nextReply();              // BotMessage: text, buttons, file…
 *   user.press("Русский");
 *   await user.waitFor((m) => m.text.includes("…"));
 *   await emulator.stop();
 */
export type { CommandSet, OutboxEvent } from "./bot.js";
export { BotApiEmulator, type BotCall, DEFAULT_TOKEN, type EmulatorOptions } from "./emulator.js";
export type { FaultKind, FaultOptions } from "./faults.js";
export { GroupHandle, type GroupProfile } from "./group.js";
export { escapeHtml } from "./html.js";
export type { UserProfile } from "./incoming.js";
export { type ButtonMatcher, type CallbackAnswer, UserHandle } from "./user.js";
export type { BotMessage } from "./view.js";
export type { WaitOptions } from "./watch.js";

export type { CommandSet, OutboxEvent } from "./bot.js";
export { BotApiEmulator, type BotCall, DEFAULT_TOKEN, type EmulatorOptions } from "./emulator.js";
export type { FaultKind, FaultOptions } from "./faults.js";
export { GroupHandle, type GroupProfile } from "./group.js";
export { escapeHtml } from "./html.js";
export type { UserProfile } from "./incoming.js";
export { type ButtonMatcher, type CallbackAnswer, UserHandle } from "./user.js";
export type { BotMessage } from "./view.js";
export type { WaitOptions } from "./watch.js";

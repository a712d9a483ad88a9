import { InlineKeyboard } from "grammy";
import { menuData } from "../callback-data/menu.js";
import { privacyData } from "../callback-data/privacy.js";
import type { T } from "../render/values.js";

export function dataKeyboard(t: T): InlineKeyboard {
  return InlineKeyboard.from([
    [InlineKeyboard.text(t("privacy:buttons.export"), privacyData.pack({ a: "export" }))],
    [InlineKeyboard.text(t("privacy:buttons.delete"), privacyData.pack({ a: "delete" }))],
    [InlineKeyboard.text(t("menu:items.home"), menuData.pack({ to: "home" }))],
  ]);
}

/** `issuedAt` (seconds) travels with «Yes, delete» so that an old confirmation does nothing. */
export function confirmDeleteKeyboard(t: T, issuedAt: number): InlineKeyboard {
  return InlineKeyboard.from([
    [InlineKeyboard.text(t("privacy:buttons.confirm"), privacyData.pack({ a: "confirm", t: issuedAt }))],
    [InlineKeyboard.text(t("privacy:buttons.keep"), privacyData.pack({ a: "keep" }))],
  ]);
}

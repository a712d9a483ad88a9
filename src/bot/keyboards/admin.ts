import { InlineKeyboard } from "grammy";
import { auditExportData, auditPageData, catalogActivateData } from "../callback-data/admin.js";
import type { T } from "../render/values.js";

/** «◀ ▶» through the audit log, and the whole log as CSV. */
export function auditKeyboard(t: T, page: number, pages: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (page > 0) keyboard.text("◀", auditPageData.pack({ p: page - 1 }));
  if (page + 1 < pages) keyboard.text("▶", auditPageData.pack({ p: page + 1 }));
  return keyboard.row().text(t("admin:audit.export"), auditExportData.pack({}));
}

export const activateKeyboard = (t: T, version: string): InlineKeyboard =>
  InlineKeyboard.from([[InlineKeyboard.text(t("admin:catalog.activate"), catalogActivateData.pack({ v: version }))]]);

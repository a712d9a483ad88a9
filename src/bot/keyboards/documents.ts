import { InlineKeyboard } from "grammy";
import { otherLang } from "../../core/model.js";
import { pdfData } from "../callback-data/documents.js";
import type { BaseContext } from "../context.js";

/** «PDF in Kazakh» under a Russian PDF and the other way round. */
export function otherLanguageKeyboard(ctx: BaseContext, reportId: number, version: number): InlineKeyboard {
  const l = otherLang(ctx.lang);
  return InlineKeyboard.from([
    [InlineKeyboard.text(ctx.t(`report:pdf_in.${l}`), pdfData.pack({ r: reportId, v: version, l }))],
  ]);
}

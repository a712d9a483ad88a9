import { InlineKeyboard } from "grammy";
import { type Lang, otherLang } from "../../core/model.js";
import type { Translate } from "../../i18n.js";
import { erdrData } from "../callback-data/erdr.js";

/** «Enter the ЕРДР number» and «Registration refused», under the checklist's registration step. */
export const erdrButtons = (t: Translate, reportId: number) => [
  InlineKeyboard.text(t("guidance:erdr.buttons.enter"), erdrData.pack({ r: reportId, a: "n" })),
  InlineKeyboard.text(t("guidance:erdr.buttons.refused"), erdrData.pack({ r: reportId, a: "x" })),
];

/** The complaint in the other language. */
export const complaintInOtherLanguage = (t: Translate, reportId: number, lang: Lang) =>
  InlineKeyboard.from([
    [
      InlineKeyboard.text(
        t(`guidance:erdr.in.${otherLang(lang)}`),
        erdrData.pack({ r: reportId, a: "x", l: otherLang(lang) }),
      ),
    ],
  ]);

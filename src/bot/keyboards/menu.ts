import { InlineKeyboard } from "grammy";
import type { Lang } from "../../core/model.js";
import { consentData, languageData, languageOfferData, type MenuItem, menuData } from "../callback-data/menu.js";

type T = (key: string) => string;

const item = (t: T, to: MenuItem) => InlineKeyboard.text(t(`menu:items.${to}`), menuData.pack({ to }));

/** The main menu; people who have not agreed yet see only what works without personal data. */
export function mainMenu(t: T, options: { consented: boolean; hasDraft: boolean }): InlineKeyboard {
  const rows = options.consented
    ? [
        [item(t, options.hasDraft ? "continue" : "report")],
        [item(t, "check")],
        [item(t, "lookup"), item(t, "schemes")],
        [item(t, "my_reports"), item(t, "alerts")],
        [item(t, "dropper"), item(t, "language")],
        [item(t, "privacy")],
      ]
    : [
        [item(t, "report")],
        [item(t, "check")],
        [item(t, "lookup"), item(t, "schemes")],
        [item(t, "dropper"), item(t, "language")],
      ];
  return InlineKeyboard.from(rows);
}

export const backToMenu = (t: T) => InlineKeyboard.from([[item(t, "home")]]);

/** Language names are written in their own language, whatever the current one. */
export function languageKeyboard(): InlineKeyboard {
  return InlineKeyboard.from([
    [
      InlineKeyboard.text("Қазақша", languageData.pack({ l: "kk" })),
      InlineKeyboard.text("Русский", languageData.pack({ l: "ru" })),
    ],
  ]);
}

/** Yes in the language offered, no in the language the bot speaks now. */
export function languageOfferKeyboard(t: (lang: Lang, key: string) => string, offered: Lang, current: Lang) {
  return InlineKeyboard.from([
    [
      InlineKeyboard.text(t(offered, "start:offer.yes"), languageOfferData.pack({ l: offered, v: "yes" })),
      InlineKeyboard.text(t(current, "start:offer.no"), languageOfferData.pack({ l: offered, v: "no" })),
    ],
  ]);
}

export function consentKeyboard(t: T, lang: Lang): InlineKeyboard {
  return InlineKeyboard.from([
    [
      InlineKeyboard.text(t("start:consent.agree"), consentData.pack({ v: "agree", l: lang })),
      InlineKeyboard.text(t("start:consent.decline"), consentData.pack({ v: "decline", l: lang })),
    ],
  ]);
}

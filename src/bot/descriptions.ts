/**
 * The bot's description (shown before a person starts the bot) and short description (on
 * its profile), per language. Telegram has no Kazakh interface, so a person whose Telegram
 * speaks neither Kazakh nor Russian sees both languages.
 */
import type { Api } from "grammy";
import { LANGS } from "../core/model.js";
import type { I18n } from "../i18n.js";

const texts = (i18n: I18n, key: string) => LANGS.map((lang) => i18n.plain(lang, `start:${key}`));

export async function setDescriptions(api: Api, i18n: I18n): Promise<void> {
  for (const lang of LANGS) {
    await api.setMyDescription(i18n.plain(lang, "start:description"), { language_code: lang });
    await api.setMyShortDescription(i18n.plain(lang, "start:short_description"), { language_code: lang });
  }
  await api.setMyDescription(bilingualDescription(i18n));
  await api.setMyShortDescription(bilingualShortDescription(i18n));
}

export const bilingualDescription = (i18n: I18n): string => texts(i18n, "description").join("\n\n");
export const bilingualShortDescription = (i18n: I18n): string => texts(i18n, "short_description").join(" / ");

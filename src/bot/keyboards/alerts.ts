import { InlineKeyboard } from "grammy";
import type { Catalog } from "../../catalog/types.js";
import { likelyScheme } from "../../services/likely-scheme.js";
import { alertsData } from "../callback-data/alerts.js";
import { libraryButton } from "./schemes.js";

type T = (key: string) => string;

/** The scheme an alert is about, when its text clearly names one (a new scheme's warning). */
export const alertScheme = (catalog: Catalog, text: string) =>
  likelyScheme(catalog, catalog.recognize({ text }))?.scheme;

/**
 * Under an alert: «More about this scheme» when the alert is about a scheme of the library,
 * then «Unsubscribe» (or «Subscribe again» once pressed).
 */
export function alertKeyboard(
  t: T,
  catalog: Catalog,
  alert: { id: number; text: string },
  subscribed: boolean,
): InlineKeyboard {
  const scheme = alertScheme(catalog, alert.text);
  const more = scheme ? libraryButton(t, catalog, scheme.id) : undefined;
  const toggle = subscribed
    ? InlineKeyboard.text(t("alerts:buttons.unsubscribe"), alertsData.pack({ a: "uns", id: alert.id }))
    : InlineKeyboard.text(t("alerts:buttons.subscribe_again"), alertsData.pack({ a: "sub", id: alert.id }));
  return InlineKeyboard.from([...(more ? [[more]] : []), [toggle]]);
}

import { z } from "zod";
import { LANGS } from "../../core/model.js";
import { callbackCodec } from "./codec.js";

export const MENU_ITEMS = [
  "report",
  "continue",
  "check",
  "lookup",
  "schemes",
  "my_reports",
  "alerts",
  "dropper",
  "language",
  "privacy",
  "home",
] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

export const menuData = callbackCodec("m", { to: z.enum(MENU_ITEMS) });
/** Language buttons; `c` marks the choice made before consent (nothing is stored then). */
export const languageData = callbackCodec("lang", { l: z.enum(LANGS) });
export const consentData = callbackCodec("consent", { v: z.enum(["agree", "decline"]), l: z.enum(LANGS) });
/** The answer to «continue in the language you write?»: `l` is the language offered. */
export const languageOfferData = callbackCodec("lo", { l: z.enum(LANGS), v: z.enum(["yes", "no"]) });

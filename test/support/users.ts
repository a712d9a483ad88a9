import type { Lang } from "../../src/core/model.js";
import type { UserHandle } from "../emulator/index.js";
import { buttonTexts, type Harness } from "./harness.js";
import { label } from "./scenarios.js";

/** A person who has opened the bot and agreed to the personal-data notice. */
export async function consentedUser(h: Harness, id: number, lang: Lang): Promise<UserHandle> {
  const u = h.user(id, lang);
  u.command("start");
  await u.waitFor((m) => m.buttons.length > 0);
  u.press(label(lang, "start:consent.agree"));
  await u.waitFor((m) => buttonTexts(m).includes(label(lang, "menu:items.report")));
  return u;
}

import { Composer } from "grammy";
import type { AppContext } from "../context.js";

export function privacyFeature(): Composer<AppContext> {
  return new Composer<AppContext>();
}

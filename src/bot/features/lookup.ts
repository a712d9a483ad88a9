import { Composer } from "grammy";
import type { AppContext } from "../context.js";

export function lookupFeature(): Composer<AppContext> {
  return new Composer<AppContext>();
}

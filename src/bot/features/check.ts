import { Composer } from "grammy";
import type { AppContext } from "../context.js";

export function checkFeature(): Composer<AppContext> {
  return new Composer<AppContext>();
}

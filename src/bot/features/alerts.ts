import { Composer } from "grammy";
import type { AppContext } from "../context.js";

export function alertsFeature(): Composer<AppContext> {
  return new Composer<AppContext>();
}

import { Composer } from "grammy";
import type { AppContext } from "../context.js";

export function schemesFeature(): Composer<AppContext> {
  return new Composer<AppContext>();
}

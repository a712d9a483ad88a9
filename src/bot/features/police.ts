import { Composer } from "grammy";
import type { AppContext } from "../context.js";

export function policeFeature(): Composer<AppContext> {
  return new Composer<AppContext>();
}

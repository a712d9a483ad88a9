import { Composer } from "grammy";
import type { AppContext } from "../context.js";

export function adminFeature(): Composer<AppContext> {
  return new Composer<AppContext>();
}

import { Composer } from "grammy";
import type { AppContext } from "../context.js";

export function dropperFeature(): Composer<AppContext> {
  return new Composer<AppContext>();
}

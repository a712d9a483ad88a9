import { Composer } from "grammy";
import type { AppContext } from "../context.js";

export function myReportsFeature(): Composer<AppContext> {
  return new Composer<AppContext>();
}

import { Composer } from "grammy";
import type { AppContext } from "../context.js";

export function storyFeature(): Composer<AppContext> {
  return new Composer<AppContext>();
}

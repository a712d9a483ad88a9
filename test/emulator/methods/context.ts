import type { BotState } from "../bot.js";
import type { FileStore } from "../files.js";
import type { Params } from "../params.js";

export interface CallContext {
  bot: BotState;
  params: Params;
  files: FileStore;
  /** Aborts when the caller hangs up (matters for long polls). */
  signal: AbortSignal;
}

export type MethodHandler = (ctx: CallContext) => unknown;

export const unixTime = () => Math.floor(Date.now() / 1000);

/** JSON with sorted keys, so two equal markups compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

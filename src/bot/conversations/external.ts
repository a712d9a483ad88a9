/**
 * `conversation.external` with the errors kept whole. The conversations plugin
 * keeps what an outside task threw in its log as JSON, and an Error's message and
 * stack do not survive JSON (a full disk was logged as {"code":"SQLITE_…"} or
 * "[object Object]"): here an error is stored as its description (message, code,
 * stack, cause) and comes back as an Error with the same fields, so the error
 * boundary logs the cause and tells a storage failure from a bug.
 */
import type { Conversation } from "@grammyjs/conversations";
import { describeError, type ErrorDescription } from "../../errors.js";
import type { AppContext, ConvContext } from "../context.js";

export function external<R>(
  conversation: Conversation<AppContext, ConvContext>,
  task: (ctx: AppContext) => R | Promise<R>,
): Promise<R> {
  return conversation.external({
    task,
    beforeStoreError: (error) => describeError(error),
    afterLoadError: (stored) => {
      const d = stored as ErrorDescription;
      return Object.assign(new Error(d.message), d);
    },
  });
}

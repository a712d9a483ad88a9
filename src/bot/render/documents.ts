import type { DocumentContext } from "../../services/documents.js";
import type { BaseContext } from "../context.js";

export const documentContext = (ctx: BaseContext): DocumentContext => ({
  i18n: ctx.deps.i18n,
  catalog: ctx.deps.catalogs.current(),
  keys: ctx.deps.keys,
  botUsername: ctx.me.username,
  fontPath: ctx.deps.config.fontPath,
  renderer: ctx.deps.documents,
});

/** "Sending a file…" on the person's screen while a document is made: a courtesy, so a failure is only logged. */
export async function showUploading(ctx: BaseContext): Promise<void> {
  try {
    await ctx.replyWithChatAction("upload_document");
  } catch (error) {
    ctx.log.debug({ err: (error as Error).message }, "upload status not shown");
  }
}

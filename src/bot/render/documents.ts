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

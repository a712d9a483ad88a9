/**
 * A received file as evidence: downloaded through the Bot API, hashed and copied into
 * the bot's storage. A failure to download is logged and the file is kept as it came
 * (by its Telegram id): the person's answer is never lost over it.
 */
import type { Evidence } from "../../core/report/answers.js";
import { type FileSource, keepEvidence } from "../../services/evidence-store.js";
import type { BaseContext } from "../context.js";

export function fileSource(ctx: BaseContext): FileSource {
  const { apiRoot, botToken } = ctx.deps.config;
  return {
    getFile: (fileId) => ctx.api.getFile(fileId),
    downloadUrl: (path) => `${apiRoot}/file/bot${botToken}/${path}`,
  };
}

export async function receivedEvidence(ctx: BaseContext, reportId: number, file: Evidence): Promise<Evidence> {
  try {
    return await keepEvidence(fileSource(ctx), ctx.deps.config.evidence, reportId, file);
  } catch (error) {
    ctx.log.warn({ reportId, err: (error as Error).message }, "evidence file not copied");
    return file;
  }
}

/**
 * A document worker thread (started by document-workers.ts): loads the texts, the
 * fonts and the document libraries once, then runs one job at a time and posts
 * back the bytes or the error's message. It runs at a lower CPU priority than
 * the bot's thread, so on a busy machine people's answers come first.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { loadFonts } from "../documents/pdf/fonts.js";
import { createI18n } from "../i18n.js";
import { type DocumentJob, runDocumentJob } from "./document-jobs.js";

export interface JobMessage {
  id: number;
  job: DocumentJob;
}

export type ReplyMessage = { id: number; result: unknown } | { id: number; error: string };

/** Linux: nice is per thread; this thread's id is the last part of /proc/thread-self. */
function lowerPriority(nice: number): void {
  try {
    setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), nice);
  } catch {
    // Elsewhere the worker runs at the bot's priority: slower for others on a busy machine, nothing worse.
  }
}

const port = parentPort;
if (port) {
  const options = (workerData ?? {}) as { fontPath?: string; nice?: number };
  lowerPriority(options.nice ?? 5);
  const i18n = createI18n();
  loadFonts(options.fontPath);
  // The libraries load now, not in the first person's document.
  await Promise.all([import("../documents/pdf/report-pdf.js"), import("../documents/letters/render.js")]);
  port.on("message", async ({ id, job }: JobMessage) => {
    try {
      const result = await runDocumentJob(job, i18n);
      port.postMessage({ id, result } satisfies ReplyMessage);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies ReplyMessage);
    }
  });
  port.postMessage("ready");
}

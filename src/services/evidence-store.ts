/**
 * Evidence kept as evidence: each file the person sends is downloaded once, its
 * SHA-256, size and type recorded, and a copy written into the bot's storage (mode
 * 0600, one folder per report), so the report does not depend on a Telegram file id
 * staying valid. Copies go when the person's data or the draft is deleted.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Evidence } from "../core/report/answers.js";

export interface EvidenceStorage {
  dir: string;
  maxBytes: number;
}

/** How the bot reaches a file it received: getFile, then a download from the Bot API. */
export interface FileSource {
  getFile(fileId: string): Promise<{ file_path?: string; file_size?: number }>;
  downloadUrl(filePath: string): string;
}

const DOWNLOAD_TIMEOUT_MS = 30_000;

/** The type the bytes declare by their first bytes, for files sent without a MIME type. */
export function sniffType(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 12));
  if (head.subarray(0, 4).toString("latin1") === "%PDF") return "application/pdf";
  if (head[0] === 0x89 && head.subarray(1, 4).toString("latin1") === "PNG") return "image/png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (head.subarray(0, 4).toString("latin1") === "OggS") return "audio/ogg";
  if (head.subarray(4, 8).toString("latin1") === "ftyp") return "video/mp4";
  if (head.subarray(0, 4).toString("latin1") === "RIFF" && head.subarray(8, 12).toString("latin1") === "WEBP") {
    return "image/webp";
  }
  if (head[0] === 0x50 && head[1] === 0x4b) return "application/zip";
  return undefined;
}

export const evidencePath = (storage: EvidenceStorage, reportId: number, sha256: string) =>
  join(storage.dir, String(reportId), sha256);

/** Reads the body, refusing more than `max` bytes whatever the server announced. */
async function readCapped(response: Response, max: number): Promise<Buffer | undefined> {
  if (!response.body) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > max) return undefined;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * The file with its hash, size and type, and a stored copy when it fits the cap. A file
 * that cannot be downloaded (too large, Telegram unreachable) is kept as it came: the
 * answer is saved all the same.
 */
export async function keepEvidence(
  source: FileSource,
  storage: EvidenceStorage,
  reportId: number,
  file: Evidence,
): Promise<Evidence> {
  if (file.size !== undefined && file.size > storage.maxBytes) return file;
  const info = await source.getFile(file.fileId);
  if (!info.file_path || (info.file_size !== undefined && info.file_size > storage.maxBytes)) return file;
  const response = await fetch(source.downloadUrl(info.file_path), {
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
  });
  if (!response.ok) return file;
  const bytes = await readCapped(response, storage.maxBytes);
  if (!bytes) return file;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const folder = join(storage.dir, String(reportId));
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await writeFile(evidencePath(storage, reportId, sha256), bytes, { mode: 0o600 });
  const mime = file.mime ?? sniffType(bytes);
  return { ...file, sha256, size: bytes.length, ...(mime ? { mime } : {}), stored: true };
}

/** The stored copy of a file, if there is one. */
export async function readEvidence(
  storage: EvidenceStorage,
  reportId: number,
  file: Evidence,
): Promise<Buffer | undefined> {
  if (!file.stored || !file.sha256) return undefined;
  return readFile(evidencePath(storage, reportId, file.sha256)).catch(() => undefined);
}

/** Deletes the stored copies of these reports' files. */
export async function deleteEvidence(storage: EvidenceStorage, reportIds: readonly number[]): Promise<void> {
  await Promise.all(reportIds.map((id) => rm(join(storage.dir, String(id)), { recursive: true, force: true })));
}

import { randomBytes } from "node:crypto";
import { extname } from "node:path";

/** Telegram lets bots download files up to 20 MB through getFile. */
export const DOWNLOAD_LIMIT = 20 * 1024 * 1024;

export type FileKind = "documents" | "photos" | "stickers" | "voice" | "videos";

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  file_size: number;
  file_name?: string;
  mime_type?: string;
  /** Absent for files that only declare a size (a user "sending" a huge file). */
  bytes?: Buffer;
}

const mimeByExtension: Record<string, string> = {
  ".pdf": "application/pdf",
  ".json": "application/json",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".zip": "application/zip",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".ogg": "audio/ogg",
  ".mp4": "video/mp4",
  ".webp": "image/webp",
};

/** Telegram derives a document's MIME type from its name, not from the upload header. */
export const mimeTypeFor = (name: string) => mimeByExtension[extname(name).toLowerCase()] ?? "application/octet-stream";

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  add(kind: FileKind, input: { bytes?: Buffer; size?: number; name?: string; mime?: string }): StoredFile {
    this.counter++;
    const extension = input.name ? extname(input.name) : kind === "photos" ? ".jpg" : "";
    const file: StoredFile = {
      file_id: `${kindPrefix[kind]}${randomBytes(24).toString("base64url")}`,
      file_unique_id: `AQAD${randomBytes(8).toString("base64url")}`,
      file_path: `${kind}/file_${this.counter}${extension}`,
      file_size: input.bytes?.length ?? input.size ?? 0,
      ...(input.name !== undefined ? { file_name: input.name } : {}),
      ...(input.mime !== undefined ? { mime_type: input.mime } : {}),
      ...(input.bytes ? { bytes: input.bytes } : {}),
    };
    this.byId.set(file.file_id, file);
    this.byPath.set(file.file_path, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }

  /** Registers the files a hand-made message names (photo sizes, document, voice…), if not known yet. */
  adoptFilesOf(message: Record<string, unknown>): void {
    const media = ["document", "voice", "audio", "video", "video_note", "animation", "sticker"]
      .map((k) => message[k])
      .concat(Array.isArray(message.photo) ? message.photo : []);
    for (const m of media) {
      const f = m as { file_id?: unknown; file_unique_id?: unknown; file_size?: unknown } | undefined;
      if (!f || typeof f.file_id !== "string" || this.byId.has(f.file_id)) continue;
      this.counter++;
      const file: StoredFile = {
        file_id: f.file_id,
        file_unique_id: typeof f.file_unique_id === "string" ? f.file_unique_id : f.file_id,
        file_path: `documents/adopted_${this.counter}`,
        file_size: typeof f.file_size === "number" ? f.file_size : 0,
      };
      this.byId.set(file.file_id, file);
      this.byPath.set(file.file_path, file);
    }
  }

  /** Telegram no longer has the file: its id and its download path stop working. */
  forget(fileId: string): void {
    const file = this.byId.get(fileId);
    if (!file) return;
    this.byId.delete(fileId);
    this.byPath.delete(file.file_path);
  }

  /** The bytes a download returns; a size-only file reads as zeros. */
  bytesOf(file: StoredFile): Buffer {
    return file.bytes ?? Buffer.alloc(file.file_size);
  }
}

const kindPrefix: Record<FileKind, string> = {
  documents: "BQACAgI",
  photos: "AgACAgI",
  stickers: "CAACAgI",
  voice: "AwACAgI",
  videos: "BAACAgI",
};

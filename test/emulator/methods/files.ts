import type { PhotoSize } from "grammy/types";
import { ApiError, badRequest } from "../errors.js";
import { DOWNLOAD_LIMIT, type FileKind, mimeTypeFor, type StoredFile } from "../files.js";
import { readText } from "../formatting.js";
import { readReplyMarkup } from "../markup.js";
import type { Upload } from "../multipart.js";
import { entitiesField, postBotMessage } from "./compose.js";
import type { CallContext, MethodHandler } from "./context.js";

const UPLOAD_LIMIT = 50 * 1024 * 1024;

/** The file a send* call names: an upload, or the file_id of a file Telegram already has. */
function inputFile(ctx: CallContext, field: string, kind: FileKind): { file: StoredFile; fresh: boolean } {
  const input = ctx.params.file(field);
  if (input === undefined || input === "") throw badRequest(`there is no ${field} in the request`);
  if (typeof input !== "string") return { file: storeUpload(ctx, input, kind), fresh: true };
  if (/^https?:\/\//i.test(input)) throw badRequest("failed to get HTTP URL content");
  const known = ctx.files.get(input);
  if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
  return { file: known, fresh: false };
}

function storeUpload(ctx: CallContext, upload: Upload, kind: FileKind): StoredFile {
  if (upload.bytes.length > UPLOAD_LIMIT) throw new ApiError(413, "Request Entity Too Large");
  if (upload.bytes.length === 0) throw badRequest("file must be non-empty");
  return ctx.files.add(kind, { bytes: upload.bytes, name: upload.filename, mime: mimeTypeFor(upload.filename) });
}

function captionFields(ctx: CallContext): Record<string, unknown> {
  const caption = readText(ctx.params, "caption");
  if (!caption || caption.text === "") return {};
  return { caption: caption.text, ...entitiesField("caption_entities", caption.entities) };
}

export const documentOf = (file: StoredFile) => ({
  file_id: file.file_id,
  file_unique_id: file.file_unique_id,
  ...(file.file_name !== undefined ? { file_name: file.file_name } : {}),
  ...(file.mime_type !== undefined ? { mime_type: file.mime_type } : {}),
  file_size: file.file_size,
});

/** Photo sizes: a small preview plus the original, each its own file as on Telegram. */
export function photoSizesOf(ctx: Pick<CallContext, "files">, original: StoredFile): PhotoSize[] {
  const preview = ctx.files.add("photos", original.bytes ? { bytes: original.bytes } : { size: original.file_size });
  return [photoSize(preview, 90, 90), photoSize(original, 800, 800)];
}

const photoSize = (file: StoredFile, width: number, height: number): PhotoSize => ({
  file_id: file.file_id,
  file_unique_id: file.file_unique_id,
  file_size: file.file_size,
  width,
  height,
});

const sendDocument: MethodHandler = (ctx) => {
  const record = ctx.bot.writableChat(ctx.params.str("chat_id"));
  const { file } = inputFile(ctx, "document", "documents");
  const caption = captionFields(ctx);
  return postBotMessage(ctx, record, { document: documentOf(file), ...caption }, readReplyMarkup(ctx.params));
};

const sendPhoto: MethodHandler = (ctx) => {
  const record = ctx.bot.writableChat(ctx.params.str("chat_id"));
  const { file, fresh } = inputFile(ctx, "photo", "photos");
  const caption = captionFields(ctx);
  const sizes = fresh ? photoSizesOf(ctx, file) : [photoSize(file, 800, 800)];
  return postBotMessage(ctx, record, { photo: sizes, ...caption }, readReplyMarkup(ctx.params));
};

/** sendVoice, sendAudio, sendVideo, sendVideoNote: the file under its own field, as Telegram returns it. */
function mediaSender(field: "voice" | "audio" | "video" | "video_note", kind: FileKind): MethodHandler {
  return (ctx) => {
    const record = ctx.bot.writableChat(ctx.params.str("chat_id"));
    const { file } = inputFile(ctx, field, kind);
    const caption = field === "video_note" ? {} : captionFields(ctx);
    return postBotMessage(ctx, record, { [field]: documentOf(file), ...caption }, readReplyMarkup(ctx.params));
  };
}

const getFile: MethodHandler = ({ params, files }) => {
  const fileId = params.str("file_id");
  if (!fileId) throw badRequest("file_id is empty");
  const file = files.get(fileId);
  if (!file) throw badRequest("wrong file_id or the file is temporarily unavailable");
  if (file.file_size > DOWNLOAD_LIMIT) throw badRequest("file is too big");
  return {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    file_size: file.file_size,
    file_path: file.file_path,
  };
};

export const fileMethods: Record<string, MethodHandler> = {
  sendDocument,
  sendPhoto,
  sendVoice: mediaSender("voice", "voice"),
  sendAudio: mediaSender("audio", "voice"),
  sendVideo: mediaSender("video", "videos"),
  sendVideoNote: mediaSender("video_note", "videos"),
  getFile,
};

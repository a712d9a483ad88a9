import type { IncomingMessage } from "node:http";
import { badRequest } from "./errors.js";
import { boundaryOf, parseMultipart, type Upload } from "./multipart.js";

/**
 * Fields that carry JSON objects. Form bodies send them as strings; JSON bodies as
 * values. Decoding them once lets handlers and the call log see one shape.
 */
const jsonFields = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "commands",
  "scope",
  "allowed_updates",
  "link_preview_options",
  "reply_parameters",
  "menu_button",
  "media",
  "results",
]);

/** The parameters of one Bot API call, whatever the body encoding was. */
export class Params {
  constructor(
    readonly values: Record<string, unknown>,
    readonly uploads: Record<string, Upload> = {},
  ) {}

  has(name: string): boolean {
    return this.values[name] !== undefined && this.values[name] !== null;
  }

  str(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === "string" ? value : String(value);
  }

  int(name: string): number | undefined {
    const raw = this.str(name);
    if (raw === undefined || raw === "") return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value)) throw badRequest(`invalid ${name} specified`);
    return value;
  }

  bool(name: string): boolean {
    const value = this.values[name];
    return value === true || value === "true" || value === "1" || value === 1;
  }

  /** A JSON-typed field, decoded; a malformed one is Telegram's "can't parse" error. */
  json<T>(name: string): T | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") return value as T;
    try {
      return JSON.parse(value) as T;
    } catch {
      throw badRequest(`can't parse ${name.replace(/_/g, " ")} JSON object`);
    }
  }

  /** An uploaded file (directly or via `attach://name`), or the string given instead. */
  file(name: string): Upload | string | undefined {
    const direct = this.uploads[name];
    if (direct) return direct;
    const value = this.str(name);
    if (value?.startsWith("attach://")) {
      const attached = this.uploads[value.slice("attach://".length)];
      if (!attached) throw badRequest(`can't find attached file "${value}"`);
      return attached;
    }
    return value;
  }

  /** What the call log keeps: decoded values, uploads as a short description. */
  forLog(): Record<string, unknown> {
    const logged: Record<string, unknown> = { ...this.values };
    for (const [name, upload] of Object.entries(this.uploads)) {
      logged[name] = { filename: upload.filename, size: upload.bytes.length };
    }
    return logged;
  }
}

export async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const values: Record<string, unknown> = Object.fromEntries(url.searchParams);
  let uploads: Record<string, Upload> = {};
  const body = await readBody(req);
  const contentType = req.headers["content-type"] ?? "";
  if (body.length > 0) {
    if (contentType.startsWith("application/json")) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        throw badRequest("can't parse JSON object");
      }
      if (typeof parsed === "object" && parsed !== null) Object.assign(values, parsed);
    } else if (contentType.startsWith("multipart/form-data")) {
      const boundary = boundaryOf(contentType);
      if (!boundary) throw badRequest("can't find multipart boundary");
      const form = parseMultipart(body, boundary);
      Object.assign(values, form.fields);
      uploads = form.files;
    } else {
      Object.assign(values, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
    }
  }
  for (const name of jsonFields) {
    const value = values[name];
    if (typeof value === "string" && /^\s*[[{]/.test(value)) {
      try {
        values[name] = JSON.parse(value);
      } catch {
        // left as a string; the handler reports it in Telegram's words when it reads it
      }
    }
  }
  return new Params(values, uploads);
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

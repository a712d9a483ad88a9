import type { MessageEntity } from "grammy/types";
import { badRequest } from "./errors.js";
import { type FormattedText, HtmlParseError, parseHtml, trimFormatted, visibleLength } from "./html.js";
import type { Params } from "./params.js";

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

/** Reads `text` (or `caption`) with its parse mode the way Telegram does, or throws its error. */
export function readText(params: Params, kind: "text" | "caption"): FormattedText | undefined {
  const source = params.str(kind);
  if (kind === "text" && (source === undefined || source.trim() === "")) throw badRequest("message text is empty");
  if (source === undefined) return undefined;
  const formatted = trimFormatted(parse(source, params.str("parse_mode"), explicitEntities(params, kind)));
  if (kind === "text" && formatted.text === "") throw badRequest("message text is empty");
  const limit = kind === "text" ? TEXT_LIMIT : CAPTION_LIMIT;
  if (visibleLength(formatted.text) > limit) {
    throw badRequest(kind === "text" ? "message is too long" : "message caption is too long");
  }
  return formatted;
}

function explicitEntities(params: Params, kind: "text" | "caption"): MessageEntity[] {
  const entities = params.json<MessageEntity[]>(kind === "text" ? "entities" : "caption_entities");
  return Array.isArray(entities) ? entities : [];
}

function parse(source: string, parseMode: string | undefined, entities: MessageEntity[]): FormattedText {
  if (!parseMode) return { text: source, entities };
  switch (parseMode.toLowerCase()) {
    case "html":
      try {
        return parseHtml(source);
      } catch (error) {
        if (error instanceof HtmlParseError) throw badRequest(`can't parse entities: ${error.message}`);
        throw error;
      }
    // Markdown modes pass through unparsed: Saqbol writes HTML, and a half-right
    // Markdown parser would reject texts Telegram accepts.
    case "markdown":
    case "markdownv2":
      return { text: source, entities: [] };
    default:
      throw badRequest("unsupported parse_mode");
  }
}

import type { MessageEntity } from "grammy/types";

/**
 * Telegram's HTML parse mode: the allowed tags, entity decoding, and the error texts
 * Telegram answers with. One deliberate strictness: a bare `&` that starts no entity is
 * an error here (Telegram lets it through), because it means the bot forgot to escape text.
 */

export class HtmlParseError extends Error {}

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

type EntityKind = MessageEntity["type"];

const simpleTags: Record<string, EntityKind> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
};
const allTags = new Set([...Object.keys(simpleTags), "a", "span", "tg-emoji"]);

const namedEntities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

interface OpenTag {
  name: string;
  attributes: Record<string, string>;
  start: number;
}

export function parseHtml(source: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  const byteOffset = (index: number) => Buffer.byteLength(source.slice(0, index));
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === "&") {
      const entity = /^&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-zA-Z]+));/.exec(source.slice(i, i + 12));
      const decoded = entity && decodeEntity(entity);
      if (!entity || decoded === undefined) {
        throw new HtmlParseError(`Character "&" at byte offset ${byteOffset(i)} must be escaped as "&amp;"`);
      }
      text += decoded;
      i += entity[0].length;
    } else if (char === "<" && source[i + 1] === "/") {
      const close = source.indexOf(">", i);
      if (close === -1) throw new HtmlParseError(`Unclosed end tag at byte offset ${byteOffset(i)}`);
      const name = source
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const open = stack.pop();
      if (!open) throw new HtmlParseError(`Unexpected end tag at byte offset ${byteOffset(i)}`);
      if (open.name !== name) {
        throw new HtmlParseError(
          `Unmatched end tag at byte offset ${byteOffset(i)}, expected "</${open.name}>", found "</${name}>"`,
        );
      }
      const entity = toEntity(open, text.length - open.start, stack);
      if (entity) entities.push(entity);
      i = close + 1;
    } else if (char === "<") {
      const tag = readStartTag(source, i, byteOffset(i));
      stack.push({ name: tag.name, attributes: tag.attributes, start: text.length });
      i = tag.end;
    } else {
      text += char;
      i++;
    }
  }
  const unclosed = stack.pop();
  if (unclosed) throw new HtmlParseError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  return { text, entities: sortEntities(entities) };
}

function decodeEntity(match: RegExpExecArray): string | undefined {
  const [, decimal, hex, name] = match;
  if (name !== undefined) return namedEntities[name];
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

function readStartTag(source: string, at: number, offset: number) {
  let i = at + 1;
  while (i < source.length && !/[\s>]/.test(source[i]!)) i++;
  const name = source.slice(at + 1, i).toLowerCase();
  if (!allTags.has(name)) throw new HtmlParseError(`Unsupported start tag "${name}" at byte offset ${offset}`);
  const attributes: Record<string, string> = {};
  const attribute = /\s*([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/y;
  for (;;) {
    while (/\s/.test(source[i] ?? "")) i++;
    if (i >= source.length) throw new HtmlParseError(`Unclosed start tag at byte offset ${offset}`);
    if (source[i] === ">") break;
    attribute.lastIndex = i;
    const match = attribute.exec(source);
    if (!match) throw new HtmlParseError(`Empty attribute name in the tag "${name}" at byte offset ${offset}`);
    const value = match[2] ?? match[3] ?? match[4] ?? "";
    attributes[match[1]!.toLowerCase()] = decodeAttribute(value);
    i = attribute.lastIndex;
  }
  if (name === "span" && attributes.class !== "tg-spoiler") {
    throw new HtmlParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${offset}`);
  }
  return { name, attributes, end: i + 1 };
}

function decodeAttribute(value: string): string {
  return value.replace(/&(lt|gt|amp|quot);/g, (_, name: string) => namedEntities[name]!);
}

function toEntity(tag: OpenTag, length: number, outer: OpenTag[]): MessageEntity | undefined {
  if (length === 0) return undefined;
  const offset = tag.start;
  switch (tag.name) {
    case "a":
      return tag.attributes.href ? { type: "text_link", offset, length, url: tag.attributes.href } : undefined;
    case "span":
      return { type: "spoiler", offset, length };
    case "tg-emoji":
      return { type: "custom_emoji", offset, length, custom_emoji_id: tag.attributes["emoji-id"] ?? "" };
    case "blockquote":
      return { type: "expandable" in tag.attributes ? "expandable_blockquote" : "blockquote", offset, length };
    case "code": {
      // <pre><code class="language-x"> is one pre entity with a language, not two.
      const language = /^language-(.+)$/.exec(tag.attributes.class ?? "")?.[1];
      const pre = outer.at(-1);
      if (pre?.name === "pre" && pre.start === offset && language) {
        pre.attributes.language = language;
        return undefined;
      }
      return { type: "code", offset, length };
    }
    case "pre": {
      const language = tag.attributes.language;
      return language ? { type: "pre", offset, length, language } : { type: "pre", offset, length };
    }
    default:
      return { type: simpleTags[tag.name]!, offset, length } as MessageEntity;
  }
}

function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/** Telegram strips surrounding whitespace and shifts or trims entities to match. */
export function trimFormatted({ text, entities }: FormattedText): FormattedText {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const kept: MessageEntity[] = [];
  for (const entity of entities) {
    const start = Math.max(0, entity.offset - lead);
    const end = Math.min(trimmed.length, entity.offset + entity.length - lead);
    if (end > start) kept.push({ ...entity, offset: start, length: end - start });
  }
  return { text: trimmed, entities: kept };
}

/** Length as Telegram counts it for limits: Unicode code points. */
export const visibleLength = (text: string) => [...text].length;

/** Escapes text for HTML parse mode (for tests and the emulator's own messages). */
export const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

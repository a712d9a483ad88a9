import { domainToUnicode } from "node:url";
import type { Identifier } from "../report/answers.js";
import { parsePhone } from "./phone.js";
import { fail, ok, type Parsed } from "./result.js";
import { cleanInput } from "./text.js";

export type HandleError = "empty" | "not_a_username" | "not_a_link";

/**
 * Top-level domains a link may end in when it is written without "https://". A bare
 * "word.word" is too often something else ("50.000", "т.е.", a file name) to accept any.
 */
// biome-ignore format: a list reads better in rows
export const SCHEMELESS_TLDS = new Set([
  "kz", "қаз", "ru", "рф", "su", "uz", "kg", "tj", "by", "ua", "am", "az", "ge", "tr", "cn", "de", "uk", "us", "eu",
  "com", "net", "org", "info", "biz", "pro", "site", "online", "shop", "store", "xyz", "top", "io", "me", "app",
  "club", "live", "cc", "tk", "ml", "ga", "cf", "gq", "co", "tv", "ws", "in", "to", "ly", "link", "click", "vip",
  "icu", "website", "space", "fun", "tech", "cloud", "world", "today", "life", "one", "bet", "win", "cash",
  "finance", "money", "bank", "page", "dev", "digital", "services", "support", "help", "network", "gg", "cfd",
  "sbs", "rest", "bond", "buzz", "lol", "mobi", "asia", "work", "market", "trade", "invest", "exchange", "pw",
]);

/** Query parameters that only say where a click came from. */
const TRACKING_PARAM = /^(?:utm_\w+|fbclid|gclid|yclid|ysclid|igshid|igsh|mc_cid|mc_eid|_ga|si)$/i;

const TELEGRAM_NAME = /^[a-z][a-z0-9_]{3,31}$/i;
const TELEGRAM_SERVICE_PATHS = new Set(["joinchat", "addstickers", "addemoji", "share", "c", "proxy", "socks", "iv"]);
const INSTAGRAM_SERVICE_PATHS = new Set(["p", "reel", "reels", "stories", "explore", "tv", "accounts", "direct"]);

const USERNAME = /^@([a-z][a-z0-9_.]{2,31})$/i;

/** "@Ivan_Petrov" → "@ivan_petrov": usernames are case-insensitive on Telegram and Instagram. */
export function parseUsername(raw: string): Parsed<Identifier, "empty" | "not_a_username"> {
  const text = cleanInput(raw);
  if (!text) return fail("empty");
  const m = USERNAME.exec(text);
  if (!m || m[1]!.endsWith(".")) return fail("not_a_username");
  return ok({ kind: "username", value: `@${m[1]!.toLowerCase()}`, raw });
}

/** Undoes the "defanging" people copy from warnings: kaspi-bonus[.]kz, hxxps://. */
const refang = (text: string): string =>
  text
    .replace(/\[\.\]|\(\.\)|\{\.\}/g, ".")
    .replace(/^hxxp/i, "http")
    .replace(/[.,;:!?)»"']+$/, "");

function toUrl(text: string): URL | undefined {
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (schemeMatch && !/^https?$/i.test(schemeMatch[1]!)) return undefined;
  if (!schemeMatch) {
    const host = /^([\p{L}\p{N}.-]+)(?::\d+)?(?:[/?#]|$)/u.exec(text)?.[1];
    if (!host?.includes(".")) return undefined;
    const labels = host.toLowerCase().split(".");
    if (labels.some((label) => !/^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(label))) return undefined;
    if (!SCHEMELESS_TLDS.has(labels.at(-1)!)) return undefined;
  }
  try {
    const url = new URL(schemeMatch ? text : `https://${text}`);
    return url.hostname.includes(".") ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Cyrillic paths come back from URL percent-encoded; people and police read them as letters. */
function readable(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Host (Unicode, lowercase, no "www."), port, path without a trailing slash, query without tracking, fragment. */
function normalise(url: URL): string {
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  }
  const host = domainToUnicode(url.hostname).replace(/^www\./, "");
  const port = url.port ? `:${url.port}` : "";
  const path = readable(url.pathname).replace(/\/+$/, "");
  return `${host}${port}${path}${url.search}${url.hash}`;
}

/**
 * A messenger or social-network profile behind a link is a username, and a WhatsApp
 * link is a phone number: the same account then matches however it was written.
 */
function profileOf(url: URL, raw: string): Identifier | undefined {
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  const parts = url.pathname.split("/").filter(Boolean);
  const [first, second] = parts;
  if (host === "t.me" || host === "telegram.me") {
    const name = first === "s" ? second : first;
    if (
      parts.length <= (first === "s" ? 2 : 1) &&
      name &&
      TELEGRAM_NAME.test(name) &&
      !TELEGRAM_SERVICE_PATHS.has(name)
    ) {
      return { kind: "username", value: `@${name.toLowerCase()}`, raw };
    }
  }
  if (host === "wa.me" && parts.length === 1 && /^\d{10,15}$/.test(first ?? "")) return phoneOf(`+${first}`, raw);
  if (host === "api.whatsapp.com" && url.searchParams.get("phone")) {
    return phoneOf(`+${url.searchParams.get("phone")!.replace(/\D/g, "")}`, raw);
  }
  if (host === "instagram.com" && parts.length === 1 && !INSTAGRAM_SERVICE_PATHS.has(first!)) {
    return { kind: "username", value: `instagram.com/${first!.toLowerCase()}`, raw };
  }
  if (host === "tiktok.com" && parts.length === 1 && first!.startsWith("@")) {
    return { kind: "username", value: `tiktok.com/${first!.toLowerCase()}`, raw };
  }
  return undefined;
}

function phoneOf(number: string, raw: string): Identifier | undefined {
  const phone = parsePhone(number);
  return phone.ok && phone.value.kind === "phone" ? { ...phone.value, raw } : undefined;
}

/**
 * A link, with or without "https://": "kaspi-bonus.kz/pay", "https://t.me/x?utm_source=y".
 * The value drops the scheme, "www.", a trailing slash and tracking parameters, so the
 * same page matches however it was pasted; the raw text keeps what the person wrote.
 */
export function parseLink(raw: string): Parsed<Identifier, "empty" | "not_a_link"> {
  const text = cleanInput(raw);
  if (!text) return fail("empty");
  if (/\s/.test(text) || (text.includes("@") && !/^[a-z]+:\/\//i.test(text))) return fail("not_a_link");
  const url = toUrl(refang(text));
  if (!url) return fail("not_a_link");
  return ok({ kind: "link", value: normalise(url), raw });
}

/** A username ("@name") or a link; a profile link becomes a username, a wa.me link a phone. */
export function parseHandle(raw: string): Parsed<Identifier, HandleError> {
  const text = cleanInput(raw);
  if (!text) return fail("empty");
  if (text.startsWith("@")) return parseUsername(raw);
  const link = parseLink(raw);
  if (!link.ok) return link;
  const url = toUrl(refang(text));
  return ok((url && profileOf(url, raw)) ?? link.value);
}

import { describe, expect, it } from "vitest";
import { parseHandle, parseLink, parseUsername } from "../../src/core/identifiers/handle.js";

describe("parseUsername", () => {
  it.each([
    ["@ivan_petrov", "@ivan_petrov"],
    ["@Ivan_Petrov", "@ivan_petrov"],
    [" @aigul.shop ", "@aigul.shop"],
    ["@kaspi_support_kz", "@kaspi_support_kz"],
    ["@abc", "@abc"],
  ])("%s → %s", (raw, value) => {
    expect(parseUsername(raw)).toEqual({ ok: true, value: { kind: "username", value, raw } });
  });

  it.each([
    ["", "empty"],
    ["ivan_petrov", "not_a_username"],
    ["@ab", "not_a_username"],
    ["@1ivan", "not_a_username"],
    ["@иван", "not_a_username"],
    ["@ivan petrov", "not_a_username"],
    ["@ivan.", "not_a_username"],
    ["@a123456789012345678901234567890123", "not_a_username"],
  ])("%j → %s", (raw, error) => {
    expect(parseUsername(raw)).toEqual({ ok: false, error });
  });
});

describe("parseLink: links with or without a scheme are normalised", () => {
  it.each([
    ["kaspi-bonus.kz/pay", "kaspi-bonus.kz/pay"],
    ["kaspi-bonus.kz/pay/", "kaspi-bonus.kz/pay"],
    ["https://kaspi-bonus.kz/pay", "kaspi-bonus.kz/pay"],
    ["http://kaspi-bonus.kz/pay", "kaspi-bonus.kz/pay"],
    ["HTTPS://Kaspi-Bonus.KZ/Pay", "kaspi-bonus.kz/Pay"],
    ["https://www.olx.kz/d/obyavlenie/iphone-15", "olx.kz/d/obyavlenie/iphone-15"],
    ["https://egov-kz.site/login?utm_source=sms&utm_medium=x&id=5", "egov-kz.site/login?id=5"],
    ["https://example.com/?fbclid=abc", "example.com"],
    ["https://example.com/page?gclid=1&yclid=2&igshid=3&ref=ok", "example.com/page?ref=ok"],
    ["kaspi-bonus[.]kz/pay", "kaspi-bonus.kz/pay"],
    ["hxxps://kaspi-bonus[.]kz/pay", "kaspi-bonus.kz/pay"],
    ["https://каспи.қаз/оплата", "каспи.қаз/оплата"],
    ["каспи.рф", "каспи.рф"],
    ["bit.ly/3xYz", "bit.ly/3xYz"],
    ["https://192.168.1.10/login", "192.168.1.10/login"],
    ["https://kaspi.kz:8443/pay", "kaspi.kz:8443/pay"],
    ["https://olx.kz/item#delivery", "olx.kz/item#delivery"],
    ["kaspi-bonus.kz/pay.", "kaspi-bonus.kz/pay"],
    ["www.halyk-bonus.com", "halyk-bonus.com"],
  ])("%s → %s", (raw, value) => {
    expect(parseLink(raw)).toEqual({ ok: true, value: { kind: "link", value, raw } });
  });

  it.each([
    "",
    "50.000",
    "12.03.2026",
    "т.е.",
    "file.txt",
    "kaspi",
    "ftp://files.kz/a",
    "aigul@mail.ru",
    "kaspi bonus.kz",
    "https://localhost/x",
    "перевела.потом",
  ])("%j is not a link", (raw) => {
    expect(parseLink(raw).ok).toBe(false);
  });
});

describe("parseHandle: profile links become usernames, WhatsApp links phones", () => {
  it.each([
    ["@Ivan_Petrov", "username", "@ivan_petrov"],
    ["t.me/ivan_petrov", "username", "@ivan_petrov"],
    ["https://t.me/Ivan_Petrov", "username", "@ivan_petrov"],
    ["https://t.me/s/kaspi_news", "username", "@kaspi_news"],
    ["telegram.me/ivan_petrov", "username", "@ivan_petrov"],
    ["https://t.me/+AbCdEf123", "link", "t.me/+AbCdEf123"],
    ["https://t.me/joinchat/AbCdEf", "link", "t.me/joinchat/AbCdEf"],
    ["https://t.me/kaspi_news/123", "link", "t.me/kaspi_news/123"],
    ["wa.me/77011234567", "phone", "+77011234567"],
    ["https://wa.me/77011234567?text=salem", "phone", "+77011234567"],
    ["https://api.whatsapp.com/send?phone=77011234567", "phone", "+77011234567"],
    ["https://wa.me/79161234567", "phone", "+79161234567"],
    ["instagram.com/Aigul.Shop", "username", "instagram.com/aigul.shop"],
    ["https://www.instagram.com/aigul.shop/?igsh=abc", "username", "instagram.com/aigul.shop"],
    ["https://instagram.com/p/C1xYz", "link", "instagram.com/p/C1xYz"],
    ["https://www.tiktok.com/@aigul.shop", "username", "tiktok.com/@aigul.shop"],
    ["kaspi-bonus.kz/pay", "link", "kaspi-bonus.kz/pay"],
  ])("%s → %s %s", (raw, kind, value) => {
    const result = parseHandle(raw);
    expect(result.ok && result.value.kind).toBe(kind);
    expect(result.ok && result.value.value).toBe(value);
    expect(result.ok && result.value.raw).toBe(raw);
  });

  it("a foreign number behind wa.me stays flagged", () => {
    const result = parseHandle("wa.me/998901234567");
    expect(result.ok && result.value).toMatchObject({ kind: "phone", value: "+998901234567", foreign: true });
  });

  it.each([
    ["", "empty"],
    ["@ab", "not_a_username"],
    ["Айгүл", "not_a_link"],
  ])("%j → %s", (raw, error) => {
    expect(parseHandle(raw)).toEqual({ ok: false, error });
  });
});

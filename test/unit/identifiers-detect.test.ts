import { describe, expect, it } from "vitest";
import {
  extractIdentifiers,
  findIdentifiers,
  hasIdentifier,
  parseIdentifier,
} from "../../src/core/identifiers/detect.js";

describe("parseIdentifier: the identifier and the words around it", () => {
  it.each([
    ["4400 4301 2345 6789 Айгүл Б.", "card", "4400430123456789", "Айгүл Б.", undefined],
    ["+7 777 123 45 67 (Kaspi, Ерлан)", "phone", "+77771234567", "Ерлан", "kaspi"],
    ["на карту Kaspi Gold 4400430123456789, Айгүл Б.", "card", "4400430123456789", "Айгүл Б.", "kaspi"],
    ["Ерлан К. 8 701 234 56 78", "phone", "+77012345678", "Ерлан К.", undefined],
    ["87012345678 Ерлан Каспи", "phone", "+77012345678", "Ерлан", "kaspi"],
    ["Халық банк, KZ16601A871001234567, ТОО Ромашка", "iban", "KZ16601A871001234567", "ТОО Ромашка", "halyk"],
    ["KZ18722S000012345678 Айгерім С.", "iban", "KZ18722S000012345678", "Айгерім С.", "kaspi"],
    ["Айгүл Б.", "other", "Айгүл Б.", "Айгүл Б.", undefined],
    ["курьер Серік", "other", "курьер Серік", "курьер Серік", undefined],
    ["телеграм @ivan_petrov (Иван менеджер)", "username", "@ivan_petrov", "Иван менеджер", undefined],
    ["USDT на TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "wallet", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "USDT", undefined],
    ["**** 6789 Ерлан К.", "card", "•••• 6789", "Ерлан К.", undefined],
    ["Jusan 4400 4301 2345 6789", "card", "4400430123456789", undefined, "jusan"],
    ["Алтын 4400 4301 2345 6789", "card", "4400430123456789", "Алтын", undefined],
    ["нөмірі 8 747 123 45 67, Халық", "phone", "+77471234567", undefined, "halyk"],
  ])("%s", (raw, kind, value, name, bank) => {
    const result = parseIdentifier(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.identifier.kind).toBe(kind);
    expect(result.value.identifier.value).toBe(value);
    expect(result.value.name).toBe(name);
    expect(result.value.bank).toBe(bank);
  });
});

describe("parseIdentifier: a whole answer that is one identifier", () => {
  it.each([
    ["4400 4301 2345 6789", "card", "4400430123456789"],
    ["8 701 234 56 78", "phone", "+77012345678"],
    ["7012345678", "phone", "+77012345678"],
    ["KZ86 125K ZT50 0410 0100", "iban", "KZ86125KZT5004100100"],
    ["0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe", "wallet", "0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae"],
    ["@ivan_petrov", "username", "@ivan_petrov"],
    ["t.me/ivan_petrov", "username", "@ivan_petrov"],
    ["kaspi-bonus.kz/pay", "link", "kaspi-bonus.kz/pay"],
    ["wa.me/77011234567", "phone", "+77011234567"],
    ["1414", "other", "1414"],
    ["900101300126", "other", "900101300126"],
  ])("%s → %s %s", (raw, kind, value) => {
    const result = parseIdentifier(raw);
    expect(result.ok && result.value.identifier).toMatchObject({ kind, value });
    expect(result.ok && result.value.name).toBeUndefined();
  });

  it("keeps further identifiers of the same answer", () => {
    const result = parseIdentifier("+7 701 234 56 78 или карта 4400 4301 2345 6789");
    expect(result.ok && result.value.identifier.value).toBe("+77012345678");
    expect(result.ok && result.value.more?.map((i) => i.value)).toEqual(["4400430123456789"]);
  });
});

describe("parseIdentifier: typos are errors so the bot can ask to check", () => {
  it.each([
    ["", "empty"],
    ["  ", "empty"],
    ["4400 4301 2345 6781", "luhn"],
    ["4400 4301 2345 6781 Айгүл Б.", "luhn"],
    ["KZ87125KZT5004100100", "iban_checksum"],
    ["Ерлан KZ87 125K ZT50 0410 0100", "iban_checksum"],
    ["TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T", "wallet_checksum"],
    ["Ерлан 8701234567", "not_a_phone"],
    ["Ерлан 8 701 234 56", "not_a_phone"],
  ])("%j → %s", (raw, error) => {
    expect(parseIdentifier(raw)).toEqual({ ok: false, error });
  });
});

describe("extractIdentifiers: every identifier in a story", () => {
  it("finds phones, cards, links, usernames, IBANs and service numbers in reading order", () => {
    const text =
      "Мне позвонили с номера +7 701 234 56 78, потом с 8 (747) 123-45-67. Перевела 50 000 тг на карту " +
      "4400 4301 2345 6789 12.03.2026 в 14:30. Сайт kaspi-bonus.kz/pay, телеграм @ivan_petrov, " +
      "IBAN KZ86 125K ZT50 0410 0100. В 2024 году. СМС от 1414.";
    expect(extractIdentifiers(text).map((i) => `${i.kind}:${i.value}`)).toEqual([
      "phone:+77012345678",
      "phone:+77471234567",
      "card:4400430123456789",
      "link:kaspi-bonus.kz/pay",
      "username:@ivan_petrov",
      "iban:KZ86125KZT5004100100",
      "other:1414",
    ]);
  });

  it.each([
    ["кошелек TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "wallet:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"],
    ["адрес bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4.", "wallet:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"],
    ["на 0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe (BSC)", "wallet:0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae"],
    ["почта manager.kaspi@gmail.com", "other:manager.kaspi@gmail.com"],
    ["ссылка https://t.me/ivan_petrov?utm_source=x)", "username:@ivan_petrov"],
    ["(https://egov-kz.site/login)", "link:egov-kz.site/login"],
    ["WhatsApp: wa.me/77011234567", "phone:+77011234567"],
    ["звонили с номера 7000", "other:7000"],
    ["1414-тен код келді", "other:1414"],
    ["қоңырау 7111 нөмірінен", "other:7111"],
    ["позвонили с +998 90 123 45 67", "phone:+998901234567"],
    ["номер 87012345678.", "phone:+77012345678"],
    ["тел:8-701-234-56-78", "phone:+77012345678"],
    ["карта получателя **** 6789", "card:•••• 6789"],
    ["1) 8 701 234 56 78", "phone:+77012345678"],
    ["8 701 234 56 78 и 4400 4301 2345 6789", "phone:+77012345678|card:4400430123456789"],
    ["7012345678 деп жазды", "phone:+77012345678"],
    ["+7 701 234 56 78, +7 701 234 56 78", "phone:+77012345678"],
  ])("%s", (text, expected) => {
    expect(
      extractIdentifiers(text)
        .map((i) => `${i.kind}:${i.value}`)
        .join("|"),
    ).toBe(expected);
  });

  it("keeps the text as written in raw and reports positions", () => {
    const text = "звонок с 8 701 234 56 78 вчера";
    const [span] = findIdentifiers(text);
    expect(span?.identifier.raw).toBe("8 701 234 56 78");
    expect(text.slice(span!.start, span!.end)).toBe("8 701 234 56 78");
  });
});

describe("extractIdentifiers: no false positives on sums, dates, times, years and other numbers", () => {
  it.each([
    "Перевела 50 000 тг",
    "перевела 1 200 000 тенге",
    "8 000 000 тг",
    "сумма 87 012 345 678",
    "5 000 000 000 ₸",
    "$3000",
    "12.03.2026 в 14:30",
    "2026-03-12 14:30:00",
    "12/03/2026",
    "в 2024 году",
    "с 2020 по 2024",
    "ИИН 900101300126",
    "заявка № 4821",
    "код 4821",
    "номер заказа 12345678",
    "3 раза по 50.000",
    "в 9 утра",
    "статья 190 УК",
    "1,2 млн",
    "т.е. перевела",
    "файл photo.jpg",
    "7 701",
    "4400 4301 2345 6781",
    "ул. Абая 150, кв. 12",
    "50 000 тг и 30 000 тг",
    "8 701 234 56",
    "звонили 10 раз",
    "пароль Qwe!23",
    "@",
    "на 1 000 000 000 000 ₸",
  ])("%s", (text) => {
    expect(extractIdentifiers(text)).toEqual([]);
  });
});

describe("hasIdentifier", () => {
  it("is true for a story with a phone and false for one with only a sum", () => {
    expect(hasIdentifier("звонили с 87012345678")).toBe(true);
    expect(hasIdentifier("перевела 50 000 тг")).toBe(false);
  });
});

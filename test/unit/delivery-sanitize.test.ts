import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { redactedKinds, sanitizeUpdate } from "../../src/bot/delivery/sanitize.js";

const person = { id: 7, is_bot: false, first_name: "Айгуль", last_name: "Б.", username: "aigul", language_code: "ru" };
const chat = { id: 7, type: "private" as const, first_name: "Айгуль", last_name: "Б.", username: "aigul" };
const bot = { id: 9, is_bot: true, first_name: "Saqbol" };
const keyboard = {
  inline_keyboard: [[{ text: "✅ Звонок", callback_data: "q:t:1" }], [{ text: "Готово", callback_data: "q:d" }]],
};

/** A press on the bot's own question, whose text repeats what the person answered before. */
const press = (): Update => ({
  update_id: 1,
  callback_query: {
    id: "c1",
    from: person,
    chat_instance: "1",
    data: "q:t:1",
    message: {
      message_id: 3,
      date: 0,
      chat,
      from: bot,
      text: "Вы указали: Айгуль Б., +7 701 234 56 78, карта 4400 4301 2345 6789.\n\nКак с вами связались?",
      entities: [{ type: "bold", offset: 0, length: 11 }],
      reply_markup: keyboard,
    },
  },
});

describe("an incoming update, cleaned before it is stored", () => {
  it("keeps of the bot's own message under a button only its kind and its buttons", () => {
    const clean = sanitizeUpdate(press());
    const message = clean.callback_query?.message as unknown as Record<string, unknown>;
    expect(message.text).toBe("");
    expect(message.entities).toBeUndefined();
    expect(message.reply_markup).toEqual(keyboard);
    expect(JSON.stringify(clean)).not.toMatch(/Айгуль|4400|701/);
    expect(clean.callback_query?.data).toBe("q:t:1");
  });

  it("still masks a secret the person typed, and drops their names", () => {
    const typed: Update = {
      update_id: 2,
      message: { message_id: 4, date: 0, chat, from: person, text: "мне звонили, я сказала код из смс 4821" },
    };
    const clean = sanitizeUpdate(typed);
    expect(clean.message?.text).toBe("мне звонили, я сказала код из смс •••");
    expect(redactedKinds(clean)).toEqual(["code"]);
    expect(clean.message?.from).toEqual({ id: 7, is_bot: false, first_name: "-", language_code: "ru" });
    expect(clean.message?.chat).toEqual({ id: 7, type: "private", first_name: "-" });
  });
});

import { GrammyError, InlineKeyboard, InputFile } from "grammy";
import { describe, expect, it } from "vitest";
import { rejectionOf, useEmulator } from "../support/emulator-helpers.js";

const fx = useEmulator();

const descriptionOf = async (call: Promise<unknown>) => {
  const error = await rejectionOf(call);
  expect(error).toBeInstanceOf(GrammyError);
  return `${(error as unknown as GrammyError).error_code} ${(error as unknown as GrammyError).description}`;
};

describe("sendMessage validation", () => {
  it("refuses chats that never talked to the bot", async () => {
    fx.emulator.user({ id: 1001 });
    expect(await descriptionOf(fx.api.sendMessage(1001, "hi"))).toBe("400 Bad Request: chat not found");
  });

  it("refuses empty and over-long texts, counting the text after HTML parsing", async () => {
    fx.emulator.user({ id: 1 }).send("hi");
    expect(await descriptionOf(fx.api.sendMessage(1, "  "))).toBe("400 Bad Request: message text is empty");
    expect(await descriptionOf(fx.api.sendMessage(1, "<b></b>", { parse_mode: "HTML" }))).toBe(
      "400 Bad Request: message text is empty",
    );
    expect(await descriptionOf(fx.api.sendMessage(1, "я".repeat(4097)))).toBe("400 Bad Request: message is too long");
    const longButTagged = `<b>${"я".repeat(4096)}</b>`;
    await expect(fx.api.sendMessage(1, longButTagged, { parse_mode: "HTML" })).resolves.toMatchObject({
      entities: [{ type: "bold", offset: 0, length: 4096 }],
    });
  });

  it("parses HTML into plain text and UTF-16 entities", async () => {
    const user = fx.emulator.user({ id: 1 });
    user.send("hi");
    const sent = await fx.api.sendMessage(
      1,
      '🚨 <b>Сәлем</b>, <i>A&amp;B</i> &lt;3 <a href="https://egov.kz">eGov</a> <tg-spoiler>x</tg-spoiler>',
      { parse_mode: "HTML" },
    );
    expect(sent.text).toBe("🚨 Сәлем, A&B <3 eGov x");
    expect(sent.entities).toEqual([
      { type: "bold", offset: 3, length: 5 },
      { type: "italic", offset: 10, length: 3 },
      { type: "text_link", offset: 17, length: 4, url: "https://egov.kz" },
      { type: "spoiler", offset: 22, length: 1 },
    ]);
    expect(user.last()?.text).toBe("🚨 Сәлем, A&B <3 eGov x");
  });

  it("rejects HTML that a bot forgot to escape", async () => {
    fx.emulator.user({ id: 1 }).send("hi");
    const html = (text: string) => descriptionOf(fx.api.sendMessage(1, text, { parse_mode: "HTML" }));
    expect(await html("I <3 you")).toBe(
      '400 Bad Request: can\'t parse entities: Unsupported start tag "3" at byte offset 2',
    );
    expect(await html("Tom & Jerry")).toMatch(/^400 Bad Request: can't parse entities: Character "&"/);
    expect(await html("<b>bold")).toBe(
      "400 Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
    );
    expect(await html("<b>x</i>")).toMatch(/Unmatched end tag at byte offset 4, expected "<\/b>", found "<\/i>"/);
    expect(await html("<script>x</script>")).toMatch(/Unsupported start tag "script"/);
    expect(await html("<span>x</span>")).toMatch(/Tag "span" must have class "tg-spoiler"/);
  });

  it("answers 403 once the user blocked the bot", async () => {
    const user = fx.emulator.user({ id: 1 });
    user.send("hi");
    user.block();
    expect(await descriptionOf(fx.api.sendMessage(1, "hey"))).toBe("403 Forbidden: bot was blocked by the user");
    user.unblock();
    await expect(fx.api.sendMessage(1, "welcome back")).resolves.toMatchObject({ text: "welcome back" });
    const statuses = (await fx.api.getUpdates()).map((u) => u.my_chat_member?.new_chat_member.status);
    expect(statuses).toEqual([undefined, "kicked", "member"]);
  });
});

describe("inline keyboards", () => {
  it("refuses callback data over 64 bytes and keyboards that are not arrays of rows", async () => {
    fx.emulator.user({ id: 1 }).send("hi");
    const tooLong = new InlineKeyboard().text("x", "ә".repeat(33));
    expect(await descriptionOf(fx.api.sendMessage(1, "t", { reply_markup: tooLong }))).toBe(
      "400 Bad Request: BUTTON_DATA_INVALID",
    );
    const flat = { inline_keyboard: [{ text: "x", callback_data: "y" }] } as never;
    expect(await descriptionOf(fx.api.sendMessage(1, "t", { reply_markup: flat }))).toMatch(
      /should be an Array of Arrays/,
    );
    const textOnly = { inline_keyboard: [[{ text: "x" }]] } as never;
    expect(await descriptionOf(fx.api.sendMessage(1, "t", { reply_markup: textOnly }))).toMatch(
      /Text buttons are unallowed/,
    );
  });
});

describe("editing", () => {
  it("refuses an edit that changes nothing, and treats a missing markup as removing it", async () => {
    const user = fx.emulator.user({ id: 1 });
    user.send("hi");
    const keyboard = new InlineKeyboard().text("Yes", "yes");
    const sent = await fx.api.sendMessage(1, "<b>Q</b>", { parse_mode: "HTML", reply_markup: keyboard });
    expect(
      await descriptionOf(
        fx.api.editMessageText(1, sent.message_id, "<b>Q</b>", { parse_mode: "HTML", reply_markup: keyboard }),
      ),
    ).toBe(
      "400 Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    const edited = await fx.api.editMessageText(1, sent.message_id, "<b>Q</b>", { parse_mode: "HTML" });
    expect(edited).toMatchObject({ text: "Q", edit_date: expect.any(Number) });
    expect(user.last()?.buttons).toEqual([]);
    expect(await descriptionOf(fx.api.editMessageReplyMarkup(1, sent.message_id))).toMatch(/message is not modified/);
    await fx.api.editMessageReplyMarkup(1, sent.message_id, { reply_markup: keyboard });
    expect(user.last()?.buttons[0]?.[0]?.text).toBe("Yes");
  });

  it("reports missing messages to edit or delete, and the user's view follows deletions", async () => {
    const user = fx.emulator.user({ id: 1 });
    user.send("hi");
    expect(await descriptionOf(fx.api.editMessageText(1, 999, "x"))).toBe("400 Bad Request: message to edit not found");
    expect(await descriptionOf(fx.api.editMessageText(1, 1, "x"))).toBe("400 Bad Request: message can't be edited");
    const sent = await fx.api.sendMessage(1, "bye");
    await fx.api.deleteMessage(1, sent.message_id);
    expect(user.messages()).toEqual([]);
    expect(await descriptionOf(fx.api.deleteMessage(1, sent.message_id))).toBe(
      "400 Bad Request: message to delete not found",
    );
  });
});

describe("callback queries", () => {
  it("press sends the button's data; a second answer or an unknown id is refused", async () => {
    const user = fx.emulator.user({ id: 1 });
    user.send("hi");
    await fx.api.sendMessage(1, "Pick", { reply_markup: new InlineKeyboard().text("Қазақша", "lang:kk") });
    const update = user.press("Қазақша");
    expect(update.callback_query).toMatchObject({ data: "lang:kk", from: { id: 1 }, message: { text: "Pick" } });
    const id = update.callback_query!.id;
    await fx.api.answerCallbackQuery(id, { text: "ok" });
    const tooOld = "400 Bad Request: query is too old and response timeout expired or query ID is invalid";
    expect(await descriptionOf(fx.api.answerCallbackQuery(id))).toBe(tooOld);
    expect(await descriptionOf(fx.api.answerCallbackQuery("12345"))).toBe(tooOld);
    expect(user.callbackAnswers()).toEqual([{ callback_query_id: id, text: "ok" }]);
  });
});

describe("commands and menu", () => {
  it("keeps commands per scope and language and logs every call", async () => {
    await fx.api.setMyCommands([{ command: "start", description: "Бастау" }], { language_code: "kk" });
    await fx.api.setMyCommands([{ command: "start", description: "Начать" }], { language_code: "ru" });
    expect(await fx.api.getMyCommands({ language_code: "ru" })).toEqual([{ command: "start", description: "Начать" }]);
    expect(await fx.api.getMyCommands()).toEqual([]);
    expect(fx.emulator.commands().map((c) => c.language_code)).toEqual(["kk", "ru"]);
    expect(fx.emulator.callsOf("setMyCommands").map((c) => c.params.language_code)).toEqual(["kk", "ru"]);
    expect(await descriptionOf(fx.api.setMyCommands([{ command: "Bad-One", description: "x" }]))).toBe(
      "400 Bad Request: BOT_COMMAND_INVALID",
    );
    await fx.api.setChatMenuButton({ menu_button: { type: "commands" } });
    expect(await fx.api.getChatMenuButton()).toEqual({ type: "commands" });
  });

  it("keeps a chat's own menu, and shows a person the most specific list as Telegram does", async () => {
    const kk = fx.emulator.user({ id: 7101, first_name: "Айгүл", language_code: "ru" });
    const other = fx.emulator.user({ id: 7102, first_name: "Олег", language_code: "ru" });
    kk.send("сәлем");
    other.send("привет");
    await fx.api.setMyCommands([{ command: "start", description: "Default" }]);
    await fx.api.setMyCommands([{ command: "start", description: "Начать" }], { language_code: "ru" });
    expect(kk.commandMenu()).toEqual([{ command: "start", description: "Начать" }]);
    // chat_id as text or number is the same scope
    await fx.api.setMyCommands([{ command: "start", description: "Бастау" }], {
      scope: { type: "chat", chat_id: "7101" as unknown as number },
      language_code: "ru",
    });
    await fx.api.setMyCommands([{ command: "report", description: "Арыз" }], {
      scope: { type: "chat", chat_id: 7101 },
      language_code: "ru",
    });
    expect(kk.commandMenu()).toEqual([{ command: "report", description: "Арыз" }]);
    expect(other.commandMenu()).toEqual([{ command: "start", description: "Начать" }]);
    expect(fx.emulator.commandsShown(7101, "en")).toEqual([{ command: "start", description: "Default" }]);
    expect(await fx.api.getMyCommands({ scope: { type: "chat", chat_id: 7101 }, language_code: "ru" })).toEqual([
      { command: "report", description: "Арыз" },
    ]);
    await fx.api.deleteMyCommands({ scope: { type: "chat", chat_id: 7101 }, language_code: "ru" });
    expect(kk.commandMenu()).toEqual([{ command: "start", description: "Начать" }]);
  });

  it("refuses a chat scope for a chat it does not know, and a scope type it does not know", async () => {
    expect(
      await descriptionOf(
        fx.api.setMyCommands([{ command: "start", description: "x" }], {
          scope: { type: "chat", chat_id: 99_999_001 },
        }),
      ),
    ).toBe("400 Bad Request: chat not found");
    expect(
      await descriptionOf(
        fx.api.setMyCommands([{ command: "start", description: "x" }], { scope: { type: "everyone" } as never }),
      ),
    ).toMatch(/^400 Bad Request: can't parse BotCommandScope/);
  });

  it("keeps the description and short description per language, with a default", async () => {
    await fx.api.setMyDescription("Both languages");
    await fx.api.setMyDescription("Қазақша сипаттама", { language_code: "kk" });
    await fx.api.setMyShortDescription("Кратко", { language_code: "ru" });
    expect(fx.emulator.profileText("description", "kk")).toBe("Қазақша сипаттама");
    expect(fx.emulator.profileText("description", "en")).toBe("Both languages");
    expect(fx.emulator.profileText("short_description", "ru")).toBe("Кратко");
    expect((await fx.api.getMyDescription({ language_code: "ru" })).description).toBe("Both languages");
  });
});

describe("other chat methods", () => {
  it("copies, forwards, edits captions, reports chats and chat actions", async () => {
    const user = fx.emulator.user({ id: 1, first_name: "Aigerim" });
    const sent = user.send("original");
    const messageId = sent.message!.message_id;
    await expect(fx.api.copyMessage(1, 1, messageId)).resolves.toEqual({ message_id: messageId + 1 });
    const forwarded = await fx.api.forwardMessage(1, 1, messageId);
    expect(forwarded).toMatchObject({ text: "original", forward_origin: { type: "user", sender_user: { id: 1 } } });
    expect((await rejectionOf(fx.api.copyMessage(1, 1, 999))).description).toBe(
      "Bad Request: message to copy not found",
    );
    const doc = await fx.api.sendDocument(1, new InputFile(Buffer.from("x"), "a.txt"), { caption: "old" });
    const recaptioned = await fx.api.editMessageCaption(1, doc.message_id, {
      caption: "<i>new</i>",
      parse_mode: "HTML",
    });
    expect(recaptioned).toMatchObject({ caption: "new", caption_entities: [{ type: "italic", offset: 0, length: 3 }] });
    await expect(fx.api.getChat(1)).resolves.toMatchObject({ id: 1, type: "private", first_name: "Aigerim" });
    await expect(fx.api.sendChatAction(1, "typing")).resolves.toBe(true);
    expect((await rejectionOf(fx.api.sendChatAction(1, "dancing" as never))).error_code).toBe(400);
  });

  it("delivers channel posts and lets the bot post back to the channel", async () => {
    const update = fx.emulator.channelPost(-1009, "news", { title: "Alerts" });
    expect(update.channel_post).toMatchObject({ text: "news", chat: { type: "channel", title: "Alerts" } });
    await fx.api.sendMessage(-1009, "reply");
    expect(fx.emulator.sentTo(-1009).map((m) => m.text)).toEqual(["reply"]);
    expect(fx.emulator.allSent().map((m) => m.chat_id)).toEqual([-1009]);
  });
});

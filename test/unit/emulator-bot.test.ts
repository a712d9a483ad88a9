import { run } from "@grammyjs/runner";
import { Bot, GrammyError, HttpError, InlineKeyboard } from "grammy";
import { describe, expect, it } from "vitest";
import { type BotApiEmulator, escapeHtml } from "../emulator/index.js";
import { type EmulatorFixture, rejectionOf, startEmulator, useEmulator } from "../support/emulator-helpers.js";

const fx = useEmulator();

function greeterBot() {
  const bot = new Bot(fx.emulator.token, { client: { apiRoot: fx.apiRoot } });
  bot.command("start", (ctx) =>
    ctx.reply(`Сәлем, <b>${escapeHtml(ctx.from?.first_name ?? "")}</b>!`, {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text("Қазақша", "lang:kk").text("Русский", "lang:ru"),
    }),
  );
  bot.callbackQuery(/^lang:(\w+)$/, async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.match[1] });
    await ctx.editMessageText(`Тіл: ${ctx.match[1]}`);
  });
  bot.on("my_chat_member", async (ctx) => {
    if (ctx.chat.type !== "private") await ctx.leaveChat();
  });
  return bot;
}

describe("a grammY bot under @grammyjs/runner", () => {
  it("answers /start, reacts to a button press and the emulator sees it settle", async () => {
    const bot = greeterBot();
    const runner = run(bot);
    try {
      const user = fx.emulator.user({ id: 1001, first_name: "<Айгерім>", language_code: "kk" });
      user.command("start");
      const greeting = await user.nextReply();
      expect(greeting.text).toBe("Сәлем, <Айгерім>!");
      expect(greeting.buttons.flat().map((b) => b.text)).toEqual(["Қазақша", "Русский"]);
      user.press("Русский");
      const edited = await user.waitFor((m) => m.text.startsWith("Тіл"));
      expect(edited).toMatchObject({ message_id: greeting.message_id, text: "Тіл: ru", buttons: [] });
      expect(user.callbackAnswers()).toMatchObject([{ text: "ru" }]);
      user.command("start");
      await fx.emulator.waitIdle();
      expect(user.messages()).toHaveLength(2);
    } finally {
      await runner.stop();
    }
  });

  it("records what the bot does in groups: nothing sent, chat left", async () => {
    const bot = greeterBot();
    const runner = run(bot);
    try {
      const group = fx.emulator.group({ id: -1001234, title: "Scam chat" });
      const admin = fx.emulator.user({ id: 42 });
      group.addBot(admin.user);
      await fx.emulator.waitIdle();
      expect(group.botLeft).toBe(true);
      expect(fx.emulator.hasLeft(-1001234)).toBe(true);
      expect(fx.emulator.sentTo(-1001234)).toEqual([]);
      const error = await rejectionOf(fx.api.sendMessage(-1001234, "hi"));
      expect(error.description).toBe("Forbidden: bot is not a member of the supergroup chat");
    } finally {
      await runner.stop();
    }
  });
});

describe("fault injection", () => {
  it("a 429 reaches grammY with retry_after, a network fault as HttpError", async () => {
    fx.emulator.user({ id: 1 }).send("hi");
    fx.emulator.failNext("sendMessage", "429");
    const limited = await rejectionOf(fx.api.sendMessage(1, "x"));
    expect(limited).toBeInstanceOf(GrammyError);
    expect((limited as unknown as GrammyError).parameters.retry_after).toBe(1);
    fx.emulator.failNext("sendMessage", "network");
    expect(await rejectionOf(fx.api.sendMessage(1, "x"))).toBeInstanceOf(HttpError);
    await expect(fx.api.sendMessage(1, "through")).resolves.toMatchObject({ text: "through" });
    expect(fx.emulator.callsOf("sendMessage").map((c) => c.fault ?? c.outcome)).toEqual(["429", "network", "ok"]);
  });

  it("a lost response still delivered the message (the duplicate-on-retry case)", async () => {
    const user = fx.emulator.user({ id: 1 });
    user.send("hi");
    fx.emulator.failNext("sendMessage", "lost");
    expect(await rejectionOf(fx.api.sendMessage(1, "once"))).toBeInstanceOf(HttpError);
    expect(user.messages().map((m) => m.text)).toEqual(["once"]);
  });

  it("random faults repeat exactly with the same seed and spare the user side", async () => {
    const pattern = async (emulator: BotApiEmulator, api: EmulatorFixture["api"]) => {
      emulator.setFaults({ rate: 0.5, kinds: ["429", "500"], seed: 7, methods: ["getMe"] });
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) {
        outcomes.push(
          await api.getMe().then(
            () => "ok",
            (e: GrammyError) => String(e.error_code),
          ),
        );
      }
      return outcomes;
    };
    const first = await pattern(fx.emulator, fx.api);
    const other = await startEmulator();
    try {
      expect(await pattern(other.emulator, other.api)).toEqual(first);
    } finally {
      await other.emulator.stop();
    }
    expect(new Set(first)).toEqual(new Set(["ok", "429", "500"]));
    fx.emulator.setFaults({ rate: 1 });
    fx.emulator.user({ id: 3 }).send("the user side never fails");
    fx.emulator.setFaults(null);
    expect((await fx.api.getUpdates())[0]?.message?.text).toBe("the user side never fails");
  });
});

describe("separate bots and the HTTP control surface", () => {
  it("keeps tokens apart", async () => {
    const other = "987654321:OTHER-token";
    fx.emulator.user({ id: 1 }, { token: other }).send("for the other bot");
    expect(await fx.api.getUpdates()).toEqual([]);
    const response = await fetch(`${fx.apiRoot}/bot${other}/getUpdates`);
    const body = (await response.json()) as { result: { message: { text: string } }[] };
    expect(body.result[0]?.message.text).toBe("for the other bot");
  });

  it("drives a user over /_emulator", async () => {
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${fx.apiRoot}/_emulator/${path}`, { method: "POST", body: JSON.stringify(body) });
      return (await response.json()) as { ok: boolean; result: unknown };
    };
    const user = { id: 5, first_name: "Dana" };
    await post("user", { user, action: "send", args: ["hello"] });
    await fx.api.sendMessage(5, "hi Dana");
    const reply = await post("user", { user, action: "waitFor", args: [{ textIncludes: "Dana" }] });
    expect(reply).toMatchObject({ ok: true, result: { text: "hi Dana" } });
    await fx.api.sendDocument(5, new (await import("grammy")).InputFile(Buffer.from("abc"), "a.txt"));
    const messages = (await post("user", { user, action: "messages" })).result as { file?: { bytes: string } }[];
    expect(Buffer.from(messages[1]!.file!.bytes, "base64").toString()).toBe("abc");
    expect(await post("user", { user, action: "explode" })).toMatchObject({ ok: false });
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { run } from "@grammyjs/runner";
import { Bot, InlineKeyboard, InputFile } from "grammy";
import { expect, it } from "vitest";
import { startTerminalChat } from "../emulator/terminal.js";
import { useEmulator } from "../support/emulator-helpers.js";

const fx = useEmulator();

function echoBot() {
  const bot = new Bot(fx.emulator.token, { client: { apiRoot: fx.apiRoot } });
  bot.command("menu", (ctx) =>
    ctx.reply("Choose", { reply_markup: new InlineKeyboard().text("A", "a").text("B", "b") }),
  );
  bot.callbackQuery(/^[ab]$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(`chose ${ctx.callbackQuery.data}`);
  });
  bot.on("message:document", (ctx) =>
    ctx.replyWithDocument(new InputFile(Buffer.from("receipt"), "receipt.txt"), {
      caption: `got ${ctx.message.document.file_name}`,
    }),
  );
  bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
  return bot;
}

it("chats line by line: text, buttons by number, edits, files in and out, /quit", async () => {
  const runner = run(echoBot());
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => {
    printed += chunk;
  });
  const saveDir = mkdtempSync(join(tmpdir(), "chat-"));
  const until = async (text: string) => {
    const deadline = Date.now() + 3000;
    while (!printed.includes(text)) {
      if (Date.now() > deadline) throw new Error(`"${text}" never printed; output so far:\n${printed}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  try {
    const chat = startTerminalChat({ user: fx.emulator.user({ id: 1001 }), input, output, saveDir });
    input.write("hello there\n");
    await until("bot › echo: hello there");
    input.write("/menu\n");
    await until("[1] A  [2] B");
    input.write("#2\n");
    await until("bot ✎ (edited #4) chose b");
    const evidence = join(saveDir, "evidence.txt");
    writeFileSync(evidence, "scam chat log");
    input.write(`/file ${evidence}\n`);
    await until("got evidence.txt");
    const saved = /→ (\S+receipt\.txt)\]/.exec(printed)?.[1];
    expect(saved && readFileSync(saved, "utf8")).toBe("receipt");
    input.write("#9\n");
    await until("! ");
    input.write("/quit\n");
    await chat.closed;
  } finally {
    await runner.stop();
  }
});

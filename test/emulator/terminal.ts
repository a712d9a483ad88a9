import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import type { KeyboardButton } from "grammy/types";
import type { UserHandle } from "./user.js";
import type { BotMessage } from "./view.js";

export interface TerminalChatOptions {
  user: UserHandle;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where documents and photos from the bot are saved. */
  saveDir: string;
}

export interface TerminalChat {
  /** Resolves when the person typed /quit or closed the input (Ctrl-D). */
  closed: Promise<void>;
  close(): void;
}

export const chatHelp = [
  "Type a line to send it to the bot. #<n> presses button <n> of the latest message with buttons.",
  "/file <path> sends a document, /photo <path> a photo, /quit (or Ctrl-D) leaves.",
  "!sticker !voice !video !location !contact !poll !block !unblock send the other kinds of updates; !help repeats this.",
].join("\n");

/**
 * A line-based chat for one person: plain readline, no raw mode, so it works when typed
 * into by tmux send-keys as well as by hand.
 */
export function startTerminalChat(options: TerminalChatOptions): TerminalChat {
  const { user, output } = options;
  const isTty = Boolean((output as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input: options.input, output, terminal: isTty, prompt: "you › " });
  const print = (text: string) => {
    if (isTty) output.write("\r\x1b[K");
    output.write(`${text}\n`);
    if (isTty) rl.prompt(true);
  };

  const unsubscribe = user.onBotMessage((message, kind) => print(render(message, kind, options.saveDir)));
  const closed = new Promise<void>((resolve) => {
    rl.on("close", () => {
      unsubscribe();
      resolve();
    });
  });
  rl.on("SIGINT", () => rl.close());
  rl.on("line", (line) => {
    try {
      if (handleLine(line.trim(), user, print) === "quit") rl.close();
    } catch (error) {
      print(`! ${error instanceof Error ? error.message : String(error)}`);
    }
    if (isTty) rl.prompt();
  });
  if (isTty) rl.prompt();
  return { closed, close: () => rl.close() };
}

function handleLine(line: string, user: UserHandle, print: (text: string) => void): "quit" | undefined {
  if (line === "") return undefined;
  if (line === "/quit") return "quit";
  const pressed = /^#(\d+)$/.exec(line);
  if (pressed) {
    pressButton(user, Number(pressed[1]));
    return undefined;
  }
  const upload = /^\/(file|photo)\s+(.+)$/.exec(line);
  if (upload) {
    const path = upload[2]!.replace(/^(["'])(.*)\1$/, "$2");
    const bytes = readFileSync(path);
    if (upload[1] === "file") user.sendDocument({ name: basename(path), bytes });
    else user.sendPhoto({ bytes });
    print(`  (sent ${upload[1] === "file" ? "document" : "photo"} ${basename(path)}, ${sizeOf(bytes.length)})`);
    return undefined;
  }
  const extra = extras[line];
  if (extra) {
    extra(user, print);
    return undefined;
  }
  user.send(line);
  return undefined;
}

const extras: Record<string, (user: UserHandle, print: (text: string) => void) => void> = {
  "!sticker": (u) => u.sendSticker(),
  "!voice": (u) => u.sendVoice(),
  "!video": (u) => u.sendVideo(),
  "!location": (u) => u.sendLocation(),
  "!contact": (u) => u.sendContact(),
  "!poll": (u) => u.sendPoll(),
  "!block": (u, print) => {
    u.block();
    print("  (you blocked the bot)");
  },
  "!unblock": (u, print) => {
    u.unblock();
    print("  (you unblocked the bot)");
  },
  "!help": (_u, print) => print(chatHelp),
};

/** Button n (1-based, row by row) of the latest message with an inline or reply keyboard. */
function pressButton(user: UserHandle, n: number): void {
  const latest = user.messages().findLast((m) => m.buttons.length > 0 || replyKeyboard(m).length > 0);
  if (!latest) throw new Error("No message with buttons yet");
  const inline = latest.buttons.flat();
  if (inline.length > 0) {
    const button = inline[n - 1];
    if (!button) throw new Error(`Message #${latest.message_id} has ${inline.length} buttons`);
    user.press((b) => b === button, latest);
    return;
  }
  const keys = replyKeyboard(latest);
  const key = keys[n - 1];
  if (key === undefined) throw new Error(`The keyboard has ${keys.length} buttons`);
  user.send(key);
}

function replyKeyboard(message: BotMessage): string[] {
  const markup = message.reply_markup as { keyboard?: (KeyboardButton | string)[][] } | undefined;
  return (markup?.keyboard ?? []).flat().map((key) => (typeof key === "string" ? key : key.text));
}

function render(message: BotMessage, kind: "new" | "edit" | "delete", saveDir: string): string {
  if (kind === "delete") return `bot ✗ deleted message #${message.message_id}`;
  const lines: string[] = [];
  const head = kind === "edit" ? `bot ✎ (edited #${message.message_id})` : "bot ›";
  if (message.file && kind === "new") {
    const name = message.file.file_name ?? (message.photo ? "photo.jpg" : "file");
    mkdirSync(saveDir, { recursive: true });
    const path = join(saveDir, `${message.message_id}-${name}`);
    writeFileSync(path, message.file.bytes);
    lines.push(
      `${head} [${message.photo ? "photo" : "document"} ${name}, ${sizeOf(message.file.file_size)} → ${path}]`,
    );
    if (message.text) lines.push(indent(message.text));
  } else {
    lines.push(`${head} ${message.text.split("\n").join("\n      ")}`);
  }
  const inline = message.buttons.flat();
  if (inline.length > 0) lines.push(indent(numbered(inline.map((b) => b.text))));
  const keys = replyKeyboard(message);
  if (keys.length > 0) lines.push(indent(`keyboard: ${numbered(keys)}`));
  return lines.join("\n");
}

const numbered = (labels: string[]) => labels.map((label, i) => `[${i + 1}] ${label}`).join("  ");
const indent = (text: string) =>
  text
    .split("\n")
    .map((line) => `      ${line}`)
    .join("\n");
const sizeOf = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

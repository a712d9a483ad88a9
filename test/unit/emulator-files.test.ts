import { InlineKeyboard, InputFile } from "grammy";
import { describe, expect, it } from "vitest";
import { rejectionOf, useEmulator } from "../support/emulator-helpers.js";

const fx = useEmulator();

const download = async (filePath: string) => {
  const response = await fetch(`${fx.apiRoot}/file/bot${fx.emulator.token}/${filePath}`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
};

describe("files the bot sends", () => {
  it("uploads an InputFile through multipart and serves it back via getFile", async () => {
    const user = fx.emulator.user({ id: 1 });
    user.send("hi");
    const bytes = Buffer.from("%PDF-1.7 pre-report");
    const sent = await fx.api.sendDocument(1, new InputFile(bytes, "алдын ала есеп 1.pdf"), {
      caption: "<b>Есеп</b>",
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text("OK", "ok"),
    });
    expect(sent.document).toMatchObject({
      file_name: "алдын ала есеп 1.pdf",
      mime_type: "application/pdf",
      file_size: bytes.length,
    });
    expect(sent).toMatchObject({ caption: "Есеп", caption_entities: [{ type: "bold", offset: 0, length: 4 }] });
    const file = await fx.api.getFile(sent.document!.file_id);
    expect(await download(file.file_path!)).toEqual(bytes);
    expect(user.last()?.file?.bytes).toEqual(bytes);
    expect(
      user
        .last()
        ?.buttons.flat()
        .map((b) => b.text),
    ).toEqual(["OK"]);
    expect(fx.emulator.fileBytes(sent.document!.file_id)).toEqual(bytes);
  });

  it("reuses a known file_id and rejects unknown ids and URLs", async () => {
    fx.emulator.user({ id: 1 }).send("hi");
    const first = await fx.api.sendDocument(1, new InputFile(Buffer.from("{}"), "report.json"));
    const again = await fx.api.sendDocument(1, first.document!.file_id);
    expect(again.document?.file_unique_id).toBe(first.document?.file_unique_id);
    const unknown = await rejectionOf(fx.api.sendDocument(1, "BQACAgInvented"));
    expect(unknown.description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    const url = await rejectionOf(fx.api.sendDocument(1, "https://example.com/a.pdf"));
    expect(url.error_code).toBe(400);
  });

  it("sends photos as a set of sizes", async () => {
    const user = fx.emulator.user({ id: 1 });
    user.send("hi");
    const sent = await fx.api.sendPhoto(1, new InputFile(Buffer.from([0xff, 0xd8, 0xff, 0xd9])), { caption: "scan" });
    expect(sent.photo).toHaveLength(2);
    expect(user.last()).toMatchObject({ text: "scan", file: { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) } });
  });
});

describe("files users send", () => {
  it("lets the bot download a document a user sent", async () => {
    const user = fx.emulator.user({ id: 1 });
    const bytes = Buffer.from("screenshot of the scam chat");
    user.sendDocument({ name: "chat.txt", bytes, caption: "evidence" });
    const [update] = await fx.api.getUpdates();
    expect(update?.message).toMatchObject({
      caption: "evidence",
      document: { file_name: "chat.txt", mime_type: "text/plain" },
    });
    const file = await fx.api.getFile(update!.message!.document!.file_id);
    expect(await download(file.file_path!)).toEqual(bytes);
  });

  it("refuses getFile for files over 20 MB", async () => {
    const user = fx.emulator.user({ id: 1 });
    user.sendDocument({ name: "video.mp4", size: 21 * 1024 * 1024 });
    const [update] = await fx.api.getUpdates();
    expect(update?.message?.document?.file_size).toBe(21 * 1024 * 1024);
    const error = await rejectionOf(fx.api.getFile(update!.message!.document!.file_id));
    expect(error.description).toBe("Bad Request: file is too big");
  });

  it("produces the other kinds of messages a person can send", async () => {
    const user = fx.emulator.user({ id: 1 });
    user.sendPhoto();
    user.sendSticker();
    user.sendVoice();
    user.sendVideo();
    user.sendLocation();
    user.sendContact();
    user.sendPoll();
    user.forward("You won a prize!", { fromUser: { id: 555, first_name: "Scammer" } });
    const kinds = (await fx.api.getUpdates()).map((u) =>
      Object.keys(u.message!).find((k) =>
        ["photo", "sticker", "voice", "video", "location", "contact", "poll", "forward_origin"].includes(k),
      ),
    );
    expect(kinds).toEqual(["photo", "sticker", "voice", "video", "location", "contact", "poll", "forward_origin"]);
  });
});

import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { ignoreStaleEdit, isNotModified } from "../../src/bot/api/expected-errors.js";

const telegram = (code: number, description: string) =>
  new GrammyError(
    `Call to 'editMessageText' failed! (${code}: ${description})`,
    {
      ok: false,
      error_code: code,
      description,
    },
    "editMessageText",
    {},
  );

describe("Telegram answers that are not our failures, by name", () => {
  it.each([
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same",
    "Bad Request: message to edit not found",
    "Bad Request: message can't be edited",
    "Bad Request: MESSAGE_ID_INVALID",
  ])("an edit answered %s is nothing to report", (description) => {
    expect(ignoreStaleEdit(telegram(400, description))).toBeUndefined();
  });

  it.each([
    [400, "Bad Request: chat not found"],
    [400, "Bad Request: can't parse entities: unsupported start tag"],
    [403, "Forbidden: bot was blocked by the user"],
    [429, "Too Many Requests: retry after 5"],
    [500, "Internal Server Error"],
  ])("anything else (%i %s) reaches the error boundary", (code, description) => {
    const error = telegram(code, description);
    expect(() => ignoreStaleEdit(error)).toThrow(error);
  });

  it("a network failure and a plain error are rethrown too", async () => {
    const network = new HttpError("Network request for 'editMessageText' failed!", new Error("ECONNRESET"));
    expect(() => ignoreStaleEdit(network)).toThrow(network);
    expect(() => ignoreStaleEdit(new Error("bug"))).toThrow("bug");
  });

  it("only the exact 400 'message is not modified' counts as not modified", async () => {
    expect(isNotModified(telegram(400, "Bad Request: message is not modified"))).toBe(true);
    expect(isNotModified(telegram(400, "Bad Request: message to edit not found"))).toBe(false);
    expect(isNotModified(telegram(500, "message is not modified"))).toBe(false);
  });
});

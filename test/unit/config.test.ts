import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const base = { BOT_TOKEN: "123456:ABC-def_ghi" };

describe("configuration from the environment", () => {
  it("fills in defaults", async () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({
      apiRoot: "https://api.telegram.org",
      databasePath: "./data/saqbol.db",
      adminIds: [],
      logLevel: "info",
      mode: "polling",
      webhook: undefined,
      port: 8080,
      opsPort: 8081,
    });
    expect(c.signing).toEqual({
      privateKey: undefined,
      privateKeyPath: "./data/saqbol.db.ed25519.pem",
      legacyKey: undefined,
      legacyKeyPath: "./data/saqbol.db.signing.key",
    });
  });

  it("reads admin ids, the API root and webhook settings", async () => {
    const c = loadConfig({
      ...base,
      ADMIN_IDS: " 11, 22 ,33",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://saqbol.example/telegram",
      WEBHOOK_SECRET: "s3cret-token-0123456789",
      PORT: "9000",
    });
    expect(c.adminIds).toEqual([11, 22, 33]);
    expect(c.apiRoot).toBe("http://127.0.0.1:8081");
    expect(c.webhook).toEqual({ url: "https://saqbol.example/telegram", secret: "s3cret-token-0123456789" });
    expect(c.port).toBe(9000);
  });

  it.each([
    [{}, /^BOT_TOKEN is not set$/],
    [{ BOT_TOKEN: "nonsense" }, /^BOT_TOKEN must look like/],
    [{ ...base, ADMIN_IDS: "12,abc" }, /^ADMIN_IDS "abc" is not a Telegram user id$/],
    [{ ...base, LOG_LEVEL: "loud" }, /^LOG_LEVEL /],
    [{ ...base, BOT_MODE: "push" }, /^BOT_MODE /],
    [{ ...base, BOT_MODE: "webhook" }, /^WEBHOOK_URL is required when BOT_MODE=webhook$/],
    [{ ...base, TELEGRAM_API_ROOT: "not a url" }, /^TELEGRAM_API_ROOT /],
    [{ ...base, PORT: "99999" }, /^PORT /],
    [{ ...base, OPS_PORT: "-1" }, /^OPS_PORT /],
    [
      {
        ...base,
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://saqbol.example/telegram",
        WEBHOOK_SECRET: "s3cret-token-0123456789",
        PORT: "9000",
        OPS_PORT: "9000",
      },
      /^OPS_PORT must differ from PORT \(the webhook's port\)$/,
    ],
    [{ ...base, SIGNING_KEY: "short" }, /^SIGNING_KEY must be at least 32 characters$/],
  ])("stops with one line naming the variable: %j", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

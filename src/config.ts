import { z } from "zod";

const telegramId = z.coerce.number().int().positive();

const adminIds = z
  .string()
  .default("")
  .transform((raw, ctx) => {
    const ids: number[] = [];
    for (const part of raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const parsed = telegramId.safeParse(part);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: `"${part}" is not a Telegram user id` });
        return z.NEVER;
      }
      ids.push(parsed.data);
    }
    return ids;
  });

const envSchema = z
  .object({
    BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, "must look like 123456:ABC-DEF (from @BotFather)"),
    TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
    DATABASE_PATH: z.string().min(1).default("./data/saqbol.db"),
    SIGNING_KEY_PATH: z.string().min(1).optional(),
    SIGNING_KEY: z.string().min(32, "must be at least 32 characters").optional(),
    ADMIN_IDS: adminIds,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    WEBHOOK_URL: z.url().optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z, a-z, 0-9, _ and -")
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    CATALOG_PATH: z.string().min(1).optional(),
    FONT_PATH: z.string().min(1).optional(),
    EVIDENCE_DIR: z.string().min(1).optional(),
    EVIDENCE_MAX_MB: z.coerce.number().positive().max(2000).default(20),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL)
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
    if (!env.WEBHOOK_SECRET)
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
  });

export type Config = {
  botToken: string;
  apiRoot: string;
  databasePath: string;
  signingKeyPath: string;
  signingKey: string | undefined;
  adminIds: number[];
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  mode: "polling" | "webhook";
  webhook: { url: string; secret: string; port: number } | undefined;
  catalogPath: string | undefined;
  fontPath: string | undefined;
  /** Where copies of evidence files are kept, and the largest file copied. */
  evidence: { dir: string; maxBytes: number };
};

export class ConfigError extends Error {}

/** Reads the environment; a bad value throws one line that names the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    const got =
      issue?.code === "invalid_type" && cleaned[name] === undefined ? "is not set" : (issue?.message ?? "is invalid");
    throw new ConfigError(`${name} ${got}`);
  }
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    databasePath: e.DATABASE_PATH,
    signingKeyPath: e.SIGNING_KEY_PATH ?? `${e.DATABASE_PATH}.signing.key`,
    signingKey: e.SIGNING_KEY,
    adminIds: e.ADMIN_IDS,
    logLevel: e.LOG_LEVEL,
    mode: e.BOT_MODE,
    webhook:
      e.BOT_MODE === "webhook" && e.WEBHOOK_URL && e.WEBHOOK_SECRET
        ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.PORT }
        : undefined,
    catalogPath: e.CATALOG_PATH,
    fontPath: e.FONT_PATH,
    evidence: {
      dir: e.EVIDENCE_DIR ?? `${e.DATABASE_PATH}.evidence`,
      maxBytes: Math.round(e.EVIDENCE_MAX_MB * 1024 * 1024),
    },
  };
}

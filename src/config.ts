import { z } from "zod";
import type { SigningKeyConfig } from "./documents/signing-key.js";

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
    // Empty (DATABASE_URL= in a .env file) is unset: the SQLite file.
    DATABASE_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/, "must be a PostgreSQL URL: postgres://user:password@host:5432/database")
        .optional(),
    ),
    MIGRATE_AT_START: z.enum(["true", "false"], "must be true or false").default("true"),
    SIGNING_PRIVATE_KEY: z
      .string()
      .regex(/-----BEGIN PRIVATE KEY-----/, "must be a PEM private key (-----BEGIN PRIVATE KEY-----)")
      .optional(),
    SIGNING_PRIVATE_KEY_PATH: z.string().min(1).optional(),
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
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    OPS_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
    CATALOG_PATH: z.string().min(1).optional(),
    FONT_PATH: z.string().min(1).optional(),
    EVIDENCE_DIR: z.string().min(1).optional(),
    EVIDENCE_MAX_MB: z.coerce.number().positive().max(2000).default(20),
    DOCUMENT_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
    MEMORY_LIMIT_MB: z.coerce.number().int().min(64).max(65536).default(256),
    FLOOD_PER_10S: z.coerce.number().int().min(5).max(100_000).default(20),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL)
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
    if (!env.WEBHOOK_SECRET)
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
    if (env.OPS_PORT !== 0 && env.OPS_PORT === env.PORT)
      ctx.addIssue({ code: "custom", path: ["OPS_PORT"], message: "must differ from PORT (the webhook's port)" });
  });

export type Config = {
  botToken: string;
  apiRoot: string;
  databasePath: string;
  /** PostgreSQL (shared by several instances); undefined: the SQLite file at databasePath. */
  databaseUrl: string | undefined;
  /** False: migrations are the deployment's job (`cli migrate`); start-up refuses a database that is behind. */
  migrateAtStart: boolean;
  /** The Ed25519 key that signs reports, and the HMAC secret of reports signed before it. */
  signing: SigningKeyConfig;
  adminIds: number[];
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  mode: "polling" | "webhook";
  /** The webhook's port (webhook mode only); 0 picks a free one. */
  port: number;
  /** The operator's port: /healthz, /readyz and /metrics, in both modes; 0 picks a free one. */
  opsPort: number;
  webhook: { url: string; secret: string } | undefined;
  catalogPath: string | undefined;
  fontPath: string | undefined;
  /** Where copies of evidence files are kept, and the largest file copied. */
  evidence: { dir: string; maxBytes: number };
  /** Threads that make documents; by default as many as the cores, 2 to 4. */
  documentWorkers: number | undefined;
  /** Heap cap of the bot (set by npm start) and of each document worker, MB. */
  memoryLimitMb: number;
  /** Updates a person may send in 10 s before the rest are dropped (files: three times as many, queued). */
  floodPer10s: number;
};

type SigningEnv = Partial<
  Record<"SIGNING_PRIVATE_KEY" | "SIGNING_PRIVATE_KEY_PATH" | "SIGNING_KEY" | "SIGNING_KEY_PATH", string>
> & { DATABASE_PATH: string };

/** Where the signing keys come from; the CLI uses the same rule without the bot's other variables. */
export function signingConfig(env: SigningEnv): SigningKeyConfig {
  return {
    privateKey: env.SIGNING_PRIVATE_KEY || undefined,
    privateKeyPath: env.SIGNING_PRIVATE_KEY_PATH || `${env.DATABASE_PATH}.ed25519.pem`,
    legacyKey: env.SIGNING_KEY || undefined,
    legacyKeyPath: env.SIGNING_KEY_PATH || `${env.DATABASE_PATH}.signing.key`,
  };
}

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
    databaseUrl: e.DATABASE_URL,
    migrateAtStart: e.MIGRATE_AT_START === "true",
    signing: signingConfig(e),
    adminIds: e.ADMIN_IDS,
    logLevel: e.LOG_LEVEL,
    mode: e.BOT_MODE,
    port: e.PORT,
    opsPort: e.OPS_PORT,
    webhook:
      e.BOT_MODE === "webhook" && e.WEBHOOK_URL && e.WEBHOOK_SECRET
        ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET }
        : undefined,
    catalogPath: e.CATALOG_PATH,
    fontPath: e.FONT_PATH,
    evidence: {
      dir: e.EVIDENCE_DIR ?? `${e.DATABASE_PATH}.evidence`,
      maxBytes: Math.round(e.EVIDENCE_MAX_MB * 1024 * 1024),
    },
    documentWorkers: e.DOCUMENT_WORKERS,
    memoryLimitMb: e.MEMORY_LIMIT_MB,
    floodPer10s: e.FLOOD_PER_10S,
  };
}

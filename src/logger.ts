import { hostname } from "node:os";
import { type DestinationStream, type Logger, pino } from "pino";

/**
 * Logs carry ids, never personal data. The paths below catch the places where a
 * Telegram update or a report could slip into a log line by accident, at the top
 * level and one or two levels down.
 */
const PERSONAL_FIELDS = [
  "text",
  "caption",
  "first_name",
  "last_name",
  "username",
  "phone_number",
  "narrative",
  "answers",
  "applicantName",
  "applicantPhone",
];
const personalPaths = [
  ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
  "update.message",
  "update.edited_message",
  "update.callback_query.message",
  "update.callback_query.from",
];

export type { Logger };

/**
 * JSON lines with the instance (pid, hostname) on every line. Lines written while an
 * update is handled go through its own logger (`ctx.log`, see
 * middlewares/context.ts), which adds the update id.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: "saqbol", pid: process.pid, hostname: hostname() },
    redact: { paths: personalPaths, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

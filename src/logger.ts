import { type DestinationStream, type Logger, pino } from "pino";

/**
 * Logs carry ids, never personal data. The paths below catch the places where a
 * Telegram update or a report could slip into a log line by accident.
 */
const personalPaths = [
  "text",
  "caption",
  "*.text",
  "*.caption",
  "*.first_name",
  "*.last_name",
  "*.username",
  "*.phone_number",
  "update.message",
  "update.edited_message",
  "update.callback_query.message",
  "update.callback_query.from",
  "narrative",
  "*.narrative",
  "answers",
  "*.answers",
];

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: "saqbol" },
    redact: { paths: personalPaths, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

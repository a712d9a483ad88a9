/**
 * Telegram answers that are not failures of ours, recognised by name: everything
 * else is rethrown to the error boundary, which logs it and apologises.
 */
import { GrammyError } from "grammy";

const NOT_MODIFIED = /message is not modified/i;
/** The message is too old, deleted, or not the bot's: there is nothing left to edit. */
const GONE = /message to edit not found|message can't be edited|message_id_invalid|message to delete not found/i;

const telegram400 = (error: unknown, pattern: RegExp): boolean =>
  error instanceof GrammyError && error.error_code === 400 && pattern.test(error.description);

/** An edit to what the message already shows. */
export const isNotModified = (error: unknown): boolean => telegram400(error, NOT_MODIFIED);

/**
 * For `.catch()` on an edit: the screen already shows it, or the message is gone
 * (a button pressed on an old one) — undefined, so the caller can send it anew.
 */
export function ignoreStaleEdit(error: unknown): undefined {
  if (isNotModified(error) || telegram400(error, GONE)) return undefined;
  throw error;
}

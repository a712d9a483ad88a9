/**
 * Errors as the logs and the person's messages need them. An error can arrive as
 * an Error with a chain of causes, or as a plain object (the conversations plugin
 * keeps what a step threw as data, so the class is lost on the way back): both
 * are described by their message, code and cause, never as "[object Object]".
 */

export interface ErrorDescription {
  message: string;
  name?: string;
  code?: string;
  stack?: string;
  cause?: ErrorDescription;
}

const MAX_DEPTH = 5;

function field(value: unknown, key: string): unknown {
  return value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

export function describeError(error: unknown, depth = 0): ErrorDescription {
  if (typeof error === "string") return { message: error };
  if (!error || typeof error !== "object") return { message: String(error) };
  const message = field(error, "message");
  const name = error instanceof Error ? error.name : field(error, "name");
  const code = field(error, "code");
  const stack = field(error, "stack");
  const cause = field(error, "cause") ?? field(error, "error");
  let text: string;
  if (typeof message === "string" && message) text = message;
  else {
    try {
      text = JSON.stringify(error);
    } catch {
      text = Object.prototype.toString.call(error);
    }
  }
  return {
    message: text,
    ...(typeof name === "string" && name !== "Error" ? { name } : {}),
    ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}),
    ...(typeof stack === "string" ? { stack } : {}),
    ...(cause !== undefined && cause !== error && depth < MAX_DEPTH ? { cause: describeError(cause, depth + 1) } : {}),
  };
}

/** SQLite codes that mean the answer could not be written (disk full, read-only, I/O, damaged file). */
const STORAGE_CODES = /^SQLITE_(?:FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/;

/** Whether an error (or one of its causes) says the database could not store what it was given. */
export function isStorageFailure(error: unknown): boolean {
  for (let e: ErrorDescription | undefined = describeError(error); e; e = e.cause) {
    if (e.code && STORAGE_CODES.test(e.code)) return true;
    if (/database or disk is full|disk I\/O error|attempt to write a readonly database/i.test(e.message)) return true;
  }
  return false;
}

/**
 * What every parser in this folder returns: the value, or a short stable error code
 * that the bot maps to a kind, translated request to try again.
 */
export type Parsed<T, E extends string = string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends string>(error: E): { ok: false; error: E } => ({ ok: false, error });

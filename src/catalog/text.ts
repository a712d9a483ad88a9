import type { Text } from "./types.js";

/** A document's {kk, ru} as the compiled catalogue holds it: trimmed and frozen. */
export const text = (t: { kk: string; ru: string }): Text => Object.freeze({ kk: t.kk.trim(), ru: t.ru.trim() });

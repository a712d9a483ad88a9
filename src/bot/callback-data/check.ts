import { z } from "zod";
import { callbackCodec } from "./codec.js";

const index = z
  .string()
  .regex(/^\d{1,2}$/)
  .transform(Number)
  .optional();
/** The chosen requests as a bitmask of their places in the catalogue's list. */
const mask = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .optional();

/**
 * The call check keeps its whole state in the button: the step, the claimed
 * identity's index, the requests chosen so far and the request pressed. Nothing
 * about the call is stored anywhere.
 *   who  — ask who is calling       ask — ask what they want (i, m)
 *   pick — a request pressed (i, m, r)   end — "that's all" (i, m)
 *   txt  — describe the call in text instead
 */
export const callCheckData = callbackCodec("cc", {
  s: z.enum(["who", "ask", "pick", "end", "txt"]),
  i: index,
  m: mask,
  r: index,
});

export const MAX_REQUESTS = 30;
export const hasBit = (mask: number, bit: number) => Math.floor(mask / 2 ** bit) % 2 === 1;
export const withBit = (mask: number, bit: number) => (hasBit(mask, bit) ? mask - 2 ** bit : mask + 2 ** bit);

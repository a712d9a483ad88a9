import { z } from "zod";
import { callbackCodec } from "./codec.js";

/**
 * The dropper self-check keeps its state in the button: the question answered,
 * the "yes" answers so far as a bitmask, and this answer (none = show the question).
 */
export const dropperData = callbackCodec("dr", {
  q: z
    .string()
    .regex(/^\d{1,2}$/)
    .transform(Number),
  m: z
    .string()
    .regex(/^\d{1,7}$/)
    .transform(Number),
  v: z.enum(["y", "n"]).optional(),
});

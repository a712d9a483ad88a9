import { z } from "zod";
import { callbackCodec } from "./codec.js";

/**
 * «My data» buttons. `t` is when the deletion was offered (seconds): an old
 * confirmation button does not delete anything.
 */
export const privacyData = callbackCodec("pv", {
  a: z.enum(["export", "delete", "confirm", "keep"]),
  t: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number)
    .optional(),
});

import { z } from "zod";
import { callbackCodec } from "./codec.js";

/**
 * Alerts: subscribe / unsubscribe (`id` = the alert the button was under, so only
 * its buttons change), and an admin's «Send» / «Cancel» of a previewed alert.
 * Who may send is checked on every press.
 */
export const alertsData = callbackCodec("al", {
  a: z.enum(["sub", "uns", "send", "cancel"]),
  id: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .optional(),
});

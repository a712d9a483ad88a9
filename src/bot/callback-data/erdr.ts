import { z } from "zod";
import { LANGS } from "../../core/model.js";
import { callbackCodec } from "./codec.js";

const id = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number);

/**
 * After the report: give its ЕРДР number ("n"), or get the complaint to the prosecutor
 * when registration was refused ("x"), in a language ("l", the person's by default).
 * Who may press is checked on the server for every press.
 */
export const erdrData = callbackCodec("erdr", { r: id, a: z.enum(["n", "x"]), l: z.enum(LANGS).optional() });

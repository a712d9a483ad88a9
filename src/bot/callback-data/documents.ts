import { z } from "zod";
import { LANGS } from "../../core/model.js";
import { callbackCodec } from "./codec.js";

const id = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number);

/** A report's PDF in a given language; who may have it is checked on the server for every press. */
export const pdfData = callbackCodec("pdf", { r: id, v: id, l: z.enum(LANGS) });

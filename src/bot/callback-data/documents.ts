import { z } from "zod";
import { LANGS } from "../../core/model.js";
import { callbackCodec } from "./codec.js";

const id = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number);

/** A report's PDF in a given language; who may have it is checked on the server for every press. */
export const pdfData = callbackCodec("pdf", { r: id, v: id, l: z.enum(LANGS) });

/** «Send the files again» after some could not be sent; `w`: with the letters (1) or without (0). */
export const filesAgainData = callbackCodec("docs", { r: id, v: id, w: z.enum(["0", "1"]).transform(Number) });

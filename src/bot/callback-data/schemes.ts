import { z } from "zod";
import { callbackCodec } from "./codec.js";

const index = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number);

/**
 * The scheme library: a page of the list (`l`), a scheme shown in place (`s`) or
 * opened as a new message under a verdict (`o`). `n` is the page, or the scheme's
 * place among the catalogue's active schemes.
 */
export const libraryData = callbackCodec("lib", { a: z.enum(["l", "s", "o"]), n: index });

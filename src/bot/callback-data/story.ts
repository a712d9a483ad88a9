import { z } from "zod";
import { callbackCodec } from "./codec.js";

/**
 * A story the person typed: fill in the report with it, or agree / decline first.
 * `n` names the story kept in memory, so an older message's button never takes a newer story.
 */
export const storyData = callbackCodec("st", {
  a: z.enum(["fill", "agree", "decline"]),
  n: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number),
});

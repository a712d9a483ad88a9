import { z } from "zod";
import { callbackCodec } from "./codec.js";

/** "Continue the unfinished report" / "start a new one". */
export const draftChoiceData = callbackCodec("draft", { v: z.enum(["continue", "new"]) });

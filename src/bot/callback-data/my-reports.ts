import { z } from "zod";
import { CHANGES } from "../../services/versions.js";
import { callbackCodec } from "./codec.js";

const id = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number);

export const MY_REPORT_ACTIONS = [
  "list",
  "open",
  "json",
  "letters",
  "versions",
  "version",
  "add",
  "checklist",
  "draft",
] as const;
export type MyReportAction = (typeof MY_REPORT_ACTIONS)[number];

/** «My reports» buttons; the report is checked against the person on the server at every press. */
export const myReportData = callbackCodec("mr", {
  a: z.enum(MY_REPORT_ACTIONS),
  r: id.optional(),
  v: id.optional(),
});

/** What to add to a report later; one kind per button. */
export const additionData = callbackCodec("ai", { k: z.enum(CHANGES), r: id });

/** «Cancel» and «Done» while adding information (meaningful only while an addition is open). */
export const additionControlData = callbackCodec("ax", { a: z.enum(["cancel", "done"]) });

import { z } from "zod";
import { callbackCodec } from "./codec.js";

/** A page of the audit log, newest first. */
export const auditPageData = callbackCodec("aud", {
  p: z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number),
});

/** The whole audit log as a CSV document. */
export const auditExportData = callbackCodec("audx", {});

/** «Activate» under an uploaded catalogue version. */
export const catalogActivateData = callbackCodec("adcat", {
  v: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/),
});

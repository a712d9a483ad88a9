import { z } from "zod";
import { LANGS, REGIONS } from "../../core/model.js";
import { REPORT_STATUSES } from "../../db/police-queries.js";
import { callbackCodec } from "./codec.js";

const number = (digits: number) =>
  z
    .string()
    .regex(new RegExp(`^\\d{1,${digits}}$`))
    .transform(Number);
const indexOf = (list: readonly unknown[]) =>
  number(2)
    .refine((i) => i < list.length)
    .optional();
const day = z
  .string()
  .regex(/^\d{8}$/)
  .optional();

/**
 * A police button on a report: o open, p PDF (in language l), j JSON, e evidence
 * files. The report id is only a handle: the role is checked on the server for
 * every press.
 */
export const policeReportData = callbackCodec("pol", {
  a: z.enum(["o", "p", "j", "e"]),
  r: number(10),
  l: z.enum(LANGS).optional(),
});

/**
 * A page of /reports with its filter: days as YYYYMMDD, region and status as indexes
 * into their lists, the scheme as its index in the active catalogue.
 */
export const reportsPageData = callbackCodec("pls", {
  f: day,
  t: day,
  g: indexOf(REGIONS),
  s: number(3).optional(),
  st: indexOf(REPORT_STATUSES),
  p: number(4),
});

/** An officer who joined by invite picks their region. */
export const policeRegionData = callbackCodec("preg", { r: z.enum(REGIONS) });

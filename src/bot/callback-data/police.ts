import { z } from "zod";
import { CASE_STATUSES } from "../../core/case/status.js";
import { BANKS, LANGS, REGIONS } from "../../core/model.js";
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
/** Whole tenge in base 36, to keep a page button within 64 bytes (see fromBase36). */
const tenge = z
  .string()
  .regex(/^[0-9a-z]{1,8}$/)
  .optional();

export const toBase36 = (n: number | undefined): string | undefined => n?.toString(36);
export const fromBase36 = (s: string | undefined): number | undefined =>
  s === undefined ? undefined : Number.parseInt(s, 36);

/**
 * A police button on a report: o open, p PDF (in language l), j JSON, e evidence
 * files, f request to the recipient's bank (in language l), c case file. The report
 * id is only a handle: the role and the officer's scope are checked for every press.
 */
export const policeReportData = callbackCodec("pol", {
  a: z.enum(["o", "p", "j", "e", "f", "c"]),
  r: number(10),
  l: z.enum(LANGS).optional(),
});

/**
 * A page of /reports with its filter: incident days as YYYYMMDD, region, status and
 * bank as indexes into their lists, the scheme as its index in the active catalogue,
 * amounts in base 36, m for «mine».
 */
export const reportsPageData = callbackCodec("pls", {
  f: day,
  t: day,
  g: indexOf(REGIONS),
  s: number(3).optional(),
  st: indexOf(REPORT_STATUSES),
  b: indexOf(BANKS),
  lo: tenge,
  hi: tenge,
  m: z.literal("1").optional(),
  p: number(4),
});

/**
 * A case-file button: s sets the status (index v), m takes the case, u releases it,
 * e asks for the ЕРДР/КУИ number, n asks for a note.
 */
export const caseData = callbackCodec("cse", {
  a: z.enum(["s", "m", "u", "e", "n"]),
  r: number(10),
  v: indexOf(CASE_STATUSES),
});

/**
 * `cli classify [--catalog <file>]`: JSON lines in, JSON lines out (a contract other tools
 * rely on). Each input line {"id", "lang": "kk"|"ru", "text"} gives one output line
 * {"id", "schemes": [{"id", "score", "reasons": [...]}], "techniques": [...]}, schemes best
 * first; a bad line gives {"id", "error"} and the run goes on. Only results go to stdout.
 *
 * A scheme is listed only when its calibrated score (the chance it is right, see
 * core/recognition/calibration.ts) reaches RECOGNISED_SCORE: an empty list means "no known
 * scheme", and is the answer for stories that are no fraud.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { loadCatalogOrThrow, loadDefaultCatalog } from "../catalog/load.js";
import type { Catalog } from "../catalog/types.js";
import { LANGS, type Lang } from "../core/model.js";
import { describeReason } from "../core/recognition/describe.js";
import type { CliCommand } from "./command.js";

const MAX_SCHEMES = 5;

type Output =
  | { id: unknown; schemes: { id: string; score: number; reasons: string[] }[]; techniques: string[] }
  | { id: unknown; error: string };

export function classifyLine(line: string, catalog: Catalog): Output {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: "not valid JSON" };
  }
  if (!input || typeof input !== "object" || Array.isArray(input)) return { id: null, error: "expected a JSON object" };
  const { id = null, lang, text } = input as Record<string, unknown>;
  if (typeof id !== "string" && typeof id !== "number" && id !== null)
    return { id: null, error: "id must be a string or a number" };
  if (typeof text !== "string" || text.trim() === "") return { id, error: "text must be a non-empty string" };
  if (lang !== undefined && !LANGS.includes(lang as Lang)) return { id, error: 'lang must be "kk" or "ru"' };
  const reasonLang: Lang = (lang as Lang | undefined) ?? "ru";
  const result = catalog.recognize({ text }, { limit: MAX_SCHEMES });
  return {
    id,
    schemes: result.schemes.map((s) => ({
      id: s.id,
      score: Math.round(s.score * 100) / 100,
      reasons: s.reasons.map((r) => describeReason(r, reasonLang, catalog)),
    })),
    techniques: result.techniques,
  };
}

function catalogFrom(args: string[]): Catalog {
  const at = args.indexOf("--catalog");
  if (at === -1) return loadDefaultCatalog();
  const file = args[at + 1];
  if (!file) throw new Error("--catalog needs a file");
  return loadCatalogOrThrow(readFileSync(file, "utf8"), file);
}

export const command: CliCommand = {
  summary: "classify [--catalog <file>] < narratives.jsonl — recognise schemes in JSON lines",
  async run(args, io) {
    let catalog: Catalog;
    try {
      catalog = catalogFrom(args);
    } catch (error) {
      io.stderr.write(`${(error as Error).message}\n`);
      return 2;
    }
    // A reader that stops early (| head) closes the pipe; that ends the output, not the program.
    io.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
    const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (line.trim() === "") continue;
      io.stdout.write(`${JSON.stringify(classifyLine(line, catalog))}\n`);
    }
    return 0;
  },
};

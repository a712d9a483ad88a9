/**
 * What the product's regular expressions cost to compile. V8 drops the compiled code of
 * regexps at full garbage collections, and the next use compiles them again: under load
 * that happens every second or so, so a regexp that takes 100 ms to compile costs 100 ms
 * of CPU again and again (`\p{L}` with the `i`/`u` flags inside a big alternation is the
 * usual culprit).
 *
 * Every regexp built with `new RegExp` while the product's modules load, and every regexp
 * literal in `src/core`, once per source and flags, runs twice on a sample text from a fresh copy (the first run is
 * interpreted, the second compiles native code): the sum, least of three tries, is what a flush
 * costs it.
 *
 *   node --import tsx test/bench/regex-compile.ts           total and the 30 dearest
 *   node --import tsx test/bench/regex-compile.ts --top=60  … the 60 dearest
 *   node --import tsx test/bench/regex-compile.ts --json    one JSON line (the bench piece `regex`)
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export interface RegexCost {
  /** file:line that built it. */
  where: string;
  source: string;
  flags: string;
  /** ms of the first (interpreted) and second (native compile) run together. */
  ms: number;
}

export interface RegexCompileFigures {
  count: number;
  /** The sum over every regexp, ms. */
  totalMs: number;
  /** The dearest first. */
  costs: RegexCost[];
}

const HERE = fileURLToPath(import.meta.url);
const ROOT = join(HERE, "..", "..", "..");

/** A person's story: Russian with a date, a time, an amount, an account, a bank and a city. */
const SAMPLE =
  "позвонили из службы безопасности банка, сказали что на меня оформляют кредит, попросили продиктовать " +
  "код из смс 12 марта в 10:15 и перевести 450 000 тг на счёт kz12 3456 каспи алматы. " +
  "Қаңтарда маған банктен хабарласты, картадағы ақшаны аударуды сұрады.";

/** The piece for `npm run bench`: measured in a fresh process, where the modules load for the first time. */
export async function benchRegexCompile(): Promise<RegexCompileFigures> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", HERE, "--json"], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as RegexCompileFigures;
}

function srcFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? srcFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Where a "/" starts a regexp literal rather than a division: after one of these (or `return`). */
const BEFORE_LITERAL = /(?:[(,=:[!&|?{};]|\breturn)\s*$/;

/** The regexp literal starting at `at` ("/…/flags"), or undefined. */
function literalAt(text: string, at: number): { source: string; flags: string; end: number } | undefined {
  let inClass = false;
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") return undefined;
    if (c === "\\") i++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) {
      const flags = /^[dgimsuvy]*/.exec(text.slice(i + 1))?.[0] ?? "";
      return { source: text.slice(at + 1, i), flags, end: i + flags.length };
    }
  }
  return undefined;
}

/** Every regexp literal in src/core (found by a small scanner; what does not compile is no literal). */
function literals(): { source: string; flags: string; where: string }[] {
  const out: { source: string; flags: string; where: string }[] = [];
  for (const file of srcFiles(join(ROOT, "src", "core"))) {
    // Comments blanked (newlines kept, so line numbers hold).
    const text = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "))
      .replace(/(^|\s)\/\/ .*$/gm, "$1");
    for (let at = text.indexOf("/"); at >= 0; at = text.indexOf("/", at + 1)) {
      if (!BEFORE_LITERAL.test(text.slice(Math.max(0, at - 8), at))) continue;
      const literal = literalAt(text, at);
      if (!literal?.source) continue;
      try {
        new RegExp(literal.source, literal.flags);
      } catch {
        continue;
      }
      const line = text.slice(0, at).split("\n").length;
      out.push({ source: literal.source, flags: literal.flags, where: `${relative(ROOT, file)}:${line}` });
      at = literal.end;
    }
  }
  return out;
}

async function measure(): Promise<RegexCompileFigures> {
  const Native = RegExp;
  const built: { source: string; flags: string; where: string }[] = [];
  globalThis.RegExp = new Proxy(Native, {
    construct(target, args: [string | RegExp, string?]) {
      const re = new target(...args);
      const frame = (new Error().stack ?? "").split("\n").find((l) => l.includes("/src/"));
      const where = frame?.match(/\/(src\/[^:)]+:\d+)/)?.[1] ?? "?";
      built.push({ source: re.source, flags: re.flags, where });
      return re;
    },
  });
  try {
    await import("../../src/app.js");
    await import("../../src/core/story/facts.js");
    await import("../../src/core/questionnaire/typed-options.js");
  } finally {
    globalThis.RegExp = Native;
  }
  // One per source and flags: V8 caches compiled regexps by both (and tsx already turns some literals into `new RegExp`).
  const all = new Map([...built, ...literals()].reverse().map((r) => [`${r.flags}/${r.source}`, r]));
  const costs = [...all.values()].map(({ source, flags, where }) => {
    const global = flags.includes("g") || flags.includes("y") ? flags.replace("y", "g") : `${flags}g`;
    // The least of three tries (a GC or another process may stop one); "(?:)" added makes each a new compile.
    const tries = [0, 1, 2].map((k) => {
      const re = new Native(source + "(?:)".repeat(k), global);
      const started = performance.now();
      for (let run = 0; run < 2; run++) [...SAMPLE.matchAll(re)];
      return performance.now() - started;
    });
    return { where, source, flags, ms: Math.min(...tries) };
  });
  costs.sort((a, b) => b.ms - a.ms);
  return { count: costs.length, totalMs: costs.reduce((sum, c) => sum + c.ms, 0), costs };
}

if (process.argv[1] === HERE) {
  const figures = await measure();
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    const top = Number(process.argv.find((a) => a.startsWith("--top="))?.slice(6) ?? 30);
    console.log(`${figures.count} regexps, first + second run: ${figures.totalMs.toFixed(0)} ms in all`);
    for (const c of figures.costs.slice(0, top)) {
      console.log(
        `${c.ms.toFixed(1).padStart(7)} ms  ${c.flags.padEnd(4)} ${c.where.padEnd(48)} ${c.source.length} chars`,
      );
    }
    const byFile = new Map<string, number>();
    for (const c of figures.costs) {
      const file = c.where.replace(/:\d+$/, "");
      byFile.set(file, (byFile.get(file) ?? 0) + c.ms);
    }
    console.log("\nby file:");
    for (const [file, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${ms.toFixed(1).padStart(7)} ms  ${file}`);
    }
  }
}

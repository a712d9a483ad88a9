import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { readDefaultCatalogYaml } from "../../src/catalog/load.js";
import { command } from "../../src/cli/catalog.js";
import { runCli } from "../support/cli-in-process.js";

const dir = mkdtempSync(join(tmpdir(), "saqbol-cli-"));
const env = { DATABASE_PATH: join(dir, "test.db") };
const shipped = parse(readDefaultCatalogYaml()).version as string;

const cli = (...args: string[]) => runCli(command, args, env);

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("cli catalog", () => {
  const next = parse(readDefaultCatalogYaml());
  next.version = "2026.12.1";
  next.schemes[2].summary.ru = "Новое описание.";
  const good = write("good.yaml", stringify(next));
  const broken = write("broken.yaml", readDefaultCatalogYaml().replace('version: "', 'versio: "'));

  it("validates a file, listing problems by place", async () => {
    expect(await cli("validate", good)).toMatchObject({ code: 0, out: "ok: version 2026.12.1, 18 schemes\n" });
    const bad = await cli("validate", broken);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("version: missing");
    expect(bad.out).toContain('(document): unknown field "versio"');
  });

  it("imports, lists, activates, rolls back and exports", async () => {
    const imported = await cli("import", good);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain("imported 2026.12.1 (inactive");
    expect(imported.out).toContain("~ gov_or_operator_code: summary");
    expect((await cli("import", broken)).code).toBe(1);
    expect(
      (await cli("list")).out
        .split("\n")
        .filter(Boolean)
        .map((l) => l.split("\t").slice(0, 2)),
    ).toEqual([
      [" ", "2026.12.1"],
      ["*", shipped],
    ]);
    expect(await cli("activate", "2026.12.1")).toMatchObject({ code: 0, out: "active: 2026.12.1\n" });
    expect((await cli("export")).out).toContain("Новое описание.");
    expect((await cli("export", "--version", shipped)).out).toBe(readDefaultCatalogYaml());
    expect(await cli("rollback", shipped)).toMatchObject({ code: 0, out: `active: ${shipped}\n` });
    const unknown = await cli("activate", "1999.1.1");
    expect(unknown).toMatchObject({ code: 1, out: "" });
    expect(unknown.err).toContain('"1999.1.1" is not stored');
  });

  it("prints usage for an unknown subcommand", async () => {
    const result = await cli("frobnicate");
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^usage: cli catalog/);
  });
});

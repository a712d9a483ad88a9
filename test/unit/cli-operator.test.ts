import { mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { command as backupCli } from "../../src/cli/backup.js";
import { cliActor } from "../../src/cli/operator.js";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { runCli } from "../support/cli-in-process.js";
import { query } from "../support/database.js";

const dir = mkdtempSync(join(tmpdir(), "saqbol-cli-audit-"));
afterAll(async () => rmSync(dir, { recursive: true, force: true }));

describe("the command line in the audit log", () => {
  it("names the operating-system user and host", async () => {
    expect(cliActor()).toEqual({ id: null, role: "cli", operator: `${userInfo().username}@${hostname()}` });
  });

  it("records who made a backup of everyone's data, and where to", async () => {
    const env = { DATABASE_PATH: join(dir, "saqbol.db") };
    await closeDatabase(await openDatabase(env.DATABASE_PATH));
    const file = join(dir, "copy.db");
    expect((await runCli(backupCli, [file], env)).code).toBe(0);
    const rows = await query(
      { path: env.DATABASE_PATH },
      "SELECT actor_role, operator, action, details FROM audit_log",
    );
    expect(rows).toEqual([
      {
        actor_role: "cli",
        operator: `${userInfo().username}@${hostname()}`,
        action: "backup.create",
        details: JSON.stringify({ file, reports: 0 }),
      },
    ]);
  });
});

/**
 * `cli role grant <id> police|admin [--unit …] [--region … (repeatable, or a comma list)]
 * [--all-regions] | revoke <id> | list` over the configured database (see cli/database.ts).
 * Changes are audited as role "cli" with the OS user and host.
 * ADMIN_IDS, when set, is shown in the list and cannot be revoked here.
 */
import { parseArgs } from "node:util";
import { readRegion } from "../core/identifiers/regions.js";
import type { Region } from "../core/model.js";
import type { Db } from "../db/client.js";
import { listStaff } from "../db/roles.js";
import { cleanUnit, grant, isStaffRole, revoke } from "../services/staff.js";
import type { CliCommand, CliIo } from "./command.js";
import { withDatabase } from "./database.js";
import { cliActor } from "./operator.js";

const USAGE =
  "usage: cli role grant <telegram id> police|admin [--unit <unit>] [--region <region>]… [--all-regions] | revoke <telegram id> | list";

const adminIdsOf = (env: CliIo["env"]) =>
  (env.ADMIN_IDS ?? "")
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isSafeInteger(n) && n > 0);

const telegramId = (text: string | undefined) =>
  text && /^\d{1,15}$/.test(text) && Number(text) > 0 ? Number(text) : undefined;

async function run(db: Db, args: string[], io: CliIo): Promise<number> {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const fail = (message = USAGE) => {
    io.stderr.write(`${message}\n`);
    return 2;
  };
  const { values, positionals } = parseArgs({
    args,
    options: {
      unit: { type: "string" },
      region: { type: "string", multiple: true },
      "all-regions": { type: "boolean" },
    },
    allowPositionals: true,
    strict: true,
  });
  const [sub, idText, role] = positionals;
  const now = new Date();
  const actor = cliActor(io.env);
  switch (sub) {
    case "grant": {
      const id = telegramId(idText);
      if (id === undefined || !isStaffRole(role) || positionals.length > 3) return fail();
      const names = (values.region ?? []).flatMap((r) => r.split(",")).filter((r) => r.trim());
      const regions: Region[] = [];
      for (const name of names) {
        const region = readRegion(name);
        if (!region) return fail(`unknown region: ${name}`);
        if (!regions.includes(region)) regions.push(region);
      }
      const unit = values.unit === undefined ? undefined : cleanUnit(values.unit);
      const police = {
        unit,
        ...(regions.length ? { regions } : {}),
        ...(values["all-regions"] ? { allRegions: true } : {}),
      };
      const result = await grant(
        db,
        actor,
        { id, role, ...(role === "police" ? police : {}) },
        adminIdsOf(io.env),
        now,
      );
      if (!result.ok) {
        io.stderr.write(
          result.reason === "configured"
            ? `${id} is listed in ADMIN_IDS; change it there\n`
            : `${id} is an admin; revoke the role first to make them police\n`,
        );
        return 1;
      }
      out(result.change === "unchanged" ? `${id} already has ${role}` : `granted ${role} to ${id}`);
      return 0;
    }
    case "revoke": {
      const id = telegramId(idText);
      if (id === undefined || positionals.length > 2) return fail();
      const result = await revoke(db, actor, id, adminIdsOf(io.env), now);
      if (result === "configured") {
        io.stderr.write(`${id} is listed in ADMIN_IDS; remove it there\n`);
        return 1;
      }
      out(result === "revoked" ? `revoked ${id}` : `${id} has no role`);
      return result === "revoked" ? 0 : 1;
    }
    case "list": {
      for (const s of await listStaff(db, adminIdsOf(io.env))) {
        const regions = s.allRegions ? "*" : s.regions.join(",") || "-";
        out([s.id, s.role, s.unit ?? "-", regions, s.name ?? "-", s.configured ? "ADMIN_IDS" : "db"].join("\t"));
      }
      return 0;
    }
    default:
      return fail();
  }
}

export const command: CliCommand = {
  summary: "role grant|revoke|list — police and admin roles",
  async run(args, io) {
    try {
      return await withDatabase(io.env, (db) => run(db, args, io));
    } catch (error) {
      if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
        io.stderr.write(`${error.message}\n${USAGE}\n`);
        return 2;
      }
      throw error;
    }
  },
};

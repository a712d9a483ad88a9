import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { hostname, tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { command as roleCli } from "../../src/cli/role.js";
import type { Lang } from "../../src/core/model.js";
import { verifyStartPayload } from "../../src/core/report/signature.js";
import { grantRole } from "../../src/db/roles.js";
import type { UserHandle } from "../emulator/index.js";
import { marketplaceReport } from "../fixtures/reports/index.js";
import { runCli } from "../support/cli-in-process.js";
import { type FreshDatabase, freshDatabase } from "../support/database.js";
import { rows } from "../support/db-reader.js";
import { Harness, ROOT } from "../support/harness.js";
import { bankReportToSharedCard, depsOf, sqlOf, submitReport } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const NOW = new Date("2026-11-26T09:00:00Z");

/** Every police and admin command, with arguments that would work for someone with the role. */
const COMMANDS: [string, string][] = [
  ["open", "SB-2026-000001"],
  ["reports", "2026-11-01 2026-11-30"],
  ["export", "2026-11-01 2026-11-30"],
  ["stats", ""],
  ["lookup", "4400 4301 2345 6789"],
  ["case", "SB-2026-000001"],
  ["notices", "off"],
  ["grant", "601 police Алматы"],
  ["revoke", "700"],
  ["invite", "police все"],
  ["staff", ""],
  ["audit", ""],
  ["audit", "export"],
  ["catalog", ""],
  ["catalog", "export"],
  ["catalog", "list"],
  ["catalog", "rollback 2026.1"],
];

describe("roles: citizens are refused everything police and admins can do", () => {
  let h: Harness;
  let reportId = 0;
  let number = "";
  const sql = <T>(query: string, ...params: unknown[]) => sqlOf(h)<T>(query, ...params);

  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW, adminIds: [9000] });
    await h.start();
    const a = await submitReport(h, 101, "ru", bankReportToSharedCard("ru"), new Date("2026-11-20T06:00:00Z"));
    await submitReport(h, 102, "kk", marketplaceReport("kk").answers, new Date("2026-11-21T06:00:00Z"));
    reportId = a.reportId;
    number = a.number;
  });
  afterAll(async () => h.close());

  /** What the bot sent for one action, once it has gone quiet. */
  async function outcome(u: UserHandle, act: () => void) {
    const before = u.messages().length;
    const answers = u.callbackAnswers().length;
    act();
    await h.settle({ quietMs: 150 });
    return { messages: u.messages().slice(before), answers: u.callbackAnswers().slice(answers) };
  }

  const refusal = (lang: Lang) => label(lang, "police:denied");

  for (const [lang, consent] of [
    ["ru", true],
    ["kk", false],
  ] as const) {
    it(`refuses every police and admin command with one plain message (${lang}, ${consent ? "consented" : "no consent"})`, async () => {
      const id = lang === "ru" ? 601 : 602;
      const u = consent ? await consentedUser(h, id, lang) : h.user(id, lang);
      for (const [name, args] of COMMANDS) {
        const { messages } = await outcome(u, () => u.command(name, args));
        expect(
          messages.map((m) => m.text),
          `/${name} ${args}`,
        ).toEqual([await refusal(lang)]);
        expect(messages[0]!.buttons).toEqual([]);
        expect(messages[0]!.file).toBeUndefined();
      }
    });
  }

  it("refuses every police and admin button, even with a real report id, and sends nothing", async () => {
    const u = await consentedUser(h, 603, "ru");
    const anchor = u.last()!.message_id;
    const presses = [
      `pol:o:${reportId}:`,
      `pol:p:${reportId}:kk`,
      `pol:j:${reportId}:`,
      `pol:e:${reportId}:`,
      `pol:f:${reportId}:ru`,
      `pol:c:${reportId}:`,
      `cse:s:${reportId}:1`,
      `cse:m:${reportId}:`,
      `cse:e:${reportId}:`,
      "pls::::::::::0",
      "aud:0",
      "audx",
      "adcat:2026.1",
    ];
    for (const data of presses) {
      const { messages, answers } = await outcome(u, () => u.pressData(anchor, data));
      expect(messages, data).toEqual([]);
      expect(answers.map((a) => a.text)).toEqual([await refusal("ru")]);
    }
    const sent = h.emulator.sentTo(603).map((m) => m.text);
    expect(sent.some((t) => t.includes(number) || t.includes("4400"))).toBe(false);
  });

  it("lets a citizen check a report's QR only for validity, and refuses a forged invite", async () => {
    const u = h.user(604, "ru");
    const { messages } = await outcome(u, () => u.command("start", verifyStartPayload(number, 1, depsOf(h).keys)));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toMatch(
      new RegExp(`^✅ Действительное заявление ${number}, подано 20.11.2026 11:00, версия 1\\.`),
    );
    // facts to compare with the paper, nothing of the person who filed it
    expect(messages[0]!.text).not.toMatch(/4400|Данияр|\+7/);
    const invite = await outcome(u, () => u.command("start", "inv_AAAAAAAAAAAAAAAAAAAAAAAA"));
    expect(invite.messages.map((m) => m.text)).toEqual([label("ru", "admin:invite.unknown")]);
    expect(await sql("SELECT role FROM users WHERE id = 604")).toEqual([]);
  });

  it("checks the role on every call: a revoked officer is refused at once", async () => {
    await grantRole(depsOf(h).db, 605, "police", { unit: "УП", allRegions: true }, NOW);
    const u = h.user(605, "kk");
    const allowed = await outcome(u, () => u.command("reports"));
    expect(allowed.messages[0]!.text).toContain("Арыздар: 2");
    const admin = h.user(9000, "ru");
    const revoked = await outcome(admin, () => admin.command("revoke", "605"));
    expect(revoked.messages[0]!.text).toBe("Роль пользователя 605 отозвана.");
    const refused = await outcome(u, () => u.command("reports"));
    expect(refused.messages.map((m) => m.text)).toEqual([await refusal("kk")]);
    const button = await outcome(u, () => u.pressData(allowed.messages[0]!.message_id, `pol:o:${reportId}:`));
    expect(button.messages).toEqual([]);
    expect(button.answers.map((a) => a.text)).toEqual([await refusal("kk")]);
  });
});

describe("cli role", () => {
  const dir = mkdtempSync(join(tmpdir(), "saqbol-role-"));
  let fresh: FreshDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    fresh = await freshDatabase(dir);
    env = { ...fresh.env, ADMIN_IDS: "42" };
  });
  afterAll(async () => fresh.drop());

  const cli = (...args: string[]) => runCli(roleCli, args, env);

  it("grants, lists and revokes roles on DATABASE_PATH, and audits each change", async () => {
    expect(
      await cli(
        "grant",
        "777",
        "police",
        "--unit",
        "УП Алмалинского района",
        "--region",
        "almaty",
        "--region",
        "Караганда",
      ),
    ).toMatchObject({ code: 0, out: "granted police to 777\n" });
    expect(await cli("grant", "778", "admin")).toMatchObject({ code: 0 });
    const list = await cli("list");
    expect(list.out.trim().split("\n")).toEqual([
      "42\tadmin\t-\t*\t-\tADMIN_IDS",
      "778\tadmin\t-\t-\t-\tdb",
      "777\tpolice\tУП Алмалинского района\talmaty,karaganda\t-\tdb",
    ]);
    expect(await cli("revoke", "777")).toMatchObject({ code: 0, out: "revoked 777\n" });
    expect(await cli("revoke", "777")).toMatchObject({ code: 1, out: "777 has no role\n" });
    expect(await cli("revoke", "42")).toMatchObject({ code: 1 });
    expect(await cli("grant", "779", "police", "--region", "atlantis")).toMatchObject({ code: 2 });
    expect(await cli("grant", "x", "police")).toMatchObject({ code: 2 });
    expect(await cli("promote", "1")).toMatchObject({ code: 2 });
    const audit = await rows<{ actor_id: null; actor_role: string; operator: string; action: string; details: string }>(
      fresh.target,
      "SELECT actor_id, actor_role, operator, action, details FROM audit_log ORDER BY id",
    );
    // the operating-system user and host who ran the command
    const operator = `${userInfo().username}@${hostname()}`;
    expect(audit.map((a) => ({ ...a, details: JSON.parse(a.details) }))).toEqual([
      {
        actor_id: null,
        actor_role: "cli",
        operator,
        action: "role.grant",
        details: {
          target: 777,
          role: "police",
          previous: "citizen",
          unit: "УП Алмалинского района",
          regions: ["almaty", "karaganda"],
          allRegions: null,
        },
      },
      {
        actor_id: null,
        actor_role: "cli",
        operator,
        action: "role.grant",
        details: { target: 778, role: "admin", previous: "citizen", unit: null, regions: null, allRegions: null },
      },
      { actor_id: null, actor_role: "cli", operator, action: "role.revoke", details: { target: 777 } },
    ]);
  });

  it("runs through npm run cli", async () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "role", "list"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("778\tadmin");
  });
});

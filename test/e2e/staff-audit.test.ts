/**
 * Every route that returns a person's data to a staff member (the table in
 * src/bot/staff-routes.ts) is used once through the bot, and leaves exactly one
 * audit row naming the route, the officer and the report. The invocations are
 * keyed by the table's route ids: a route added to the table without one here
 * does not compile, and the test fails on any route it does not cover.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICE_MENU } from "../../src/bot/commands.js";
import { STAFF_ROUTE_IDS, STAFF_ROUTES, type StaffRouteId } from "../../src/bot/staff-routes.js";
import { verifyStartPayload } from "../../src/core/report/signature.js";
import { grantRole } from "../../src/db/roles.js";
import type { UserHandle } from "../emulator/index.js";
import { marketplaceReport } from "../fixtures/reports/index.js";
import { Harness } from "../support/harness.js";
import { bankReportToSharedCard, depsOf, sqlOf, submitReport } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const OFFICER = 9101;

interface AuditRow {
  id: number;
  actor_id: number;
  actor_role: string;
  action: string;
  report_number: string | null;
  details: string;
}

describe("every staff read of a person's data is audited, once", () => {
  let h: Harness;
  let officer: UserHandle;
  let report = { reportId: 0, number: "" };
  const sql = <T>(query: string, ...params: unknown[]) => sqlOf(h)<T>(query, ...params);
  const rows = () => sql<AuditRow>("SELECT * FROM audit_log WHERE actor_id = ? ORDER BY id", OFFICER);

  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
    const applicant = h.user(101, "ru");
    const photo = applicant.sendPhoto().message!.photo!.at(-1)!;
    const evidence = [
      {
        fileId: photo.file_id,
        fileUniqueId: photo.file_unique_id,
        kind: "photo" as const,
        receivedAt: NOW.toISOString(),
      },
    ];
    report = await submitReport(
      h,
      101,
      "ru",
      { ...bankReportToSharedCard("ru"), region: "almaty", incidentDate: "2026-11-19", evidence },
      new Date("2026-11-20T06:00:00Z"),
    );
    await submitReport(
      h,
      102,
      "kk",
      { ...marketplaceReport("kk").answers, region: "almaty", incidentDate: "2026-11-21" },
      new Date("2026-11-22T06:00:00Z"),
    );
    await grantRole(depsOf(h).db, OFFICER, "police", { unit: "УП Медеуского района", regions: ["almaty"] }, NOW);
    officer = h.user(OFFICER, "ru");
    officer.command("help");
    await officer.nextReply();
  });
  afterAll(async () => h.close());

  const anchor = () => officer.last()!.message_id;
  const press = (data: string) => () => officer.pressData(anchor(), data);
  const r = () => report.reportId;

  /** How each route is used: an optional step before (not counted), then the use itself. */
  const invocations = (): Record<StaffRouteId, { before?: () => void; use: () => void; aboutReport: boolean }> => ({
    open: { use: () => officer.command("open", report.number), aboutReport: true },
    qr: {
      use: () => officer.command("start", verifyStartPayload(report.number, 1, depsOf(h).keys)),
      aboutReport: true,
    },
    reports: { use: () => officer.command("reports", "Алматы"), aboutReport: false },
    "reports.page": { use: press("pls::::::::::0"), aboutReport: false },
    export: { use: () => officer.command("export", "2026-11-01 2026-11-30"), aboutReport: false },
    stats: { use: () => officer.command("stats"), aboutReport: false },
    lookup: { use: () => officer.command("lookup", "4400 4301 2345 6789"), aboutReport: false },
    "lookup.input": {
      before: () => officer.command("lookup"),
      use: () => officer.send("4400 4301 2345 6789"),
      aboutReport: false,
    },
    "report.open": { use: press(`pol:o:${r()}:`), aboutReport: true },
    "report.pdf": { use: press(`pol:p:${r()}:kk`), aboutReport: true },
    "report.json": { use: press(`pol:j:${r()}:`), aboutReport: true },
    "report.evidence": { use: press(`pol:e:${r()}:`), aboutReport: true },
    "report.freeze": { use: press(`pol:f:${r()}:ru`), aboutReport: true },
    case: { use: () => officer.command("case", report.number), aboutReport: true },
    "case.open": { use: press(`pol:c:${r()}:`), aboutReport: true },
    "case.status": { use: press(`cse:s:${r()}:1`), aboutReport: true },
    "case.take": { use: press(`cse:m:${r()}:`), aboutReport: true },
    "case.release": { use: press(`cse:u:${r()}:`), aboutReport: true },
    "case.erdr": { before: press(`cse:e:${r()}:`), use: () => officer.send("261500031000123"), aboutReport: true },
    "case.note": {
      before: press(`cse:n:${r()}:`),
      use: () => officer.send("Позвонил в Halyk, ждём ответа"),
      aboutReport: true,
    },
  });

  it("has an invocation for every route in the table, and a route for every data command in the staff menu", async () => {
    expect(Object.keys(invocations()).sort()).toEqual([...STAFF_ROUTE_IDS].sort());
    const commands = STAFF_ROUTE_IDS.map((id) => STAFF_ROUTES[id].trigger).filter((t) => t.startsWith("/"));
    // /notices only switches the officer's own notices on or off
    for (const command of POLICE_MENU.filter((c) => c !== "notices")) {
      expect(
        commands.some((t) => t.startsWith(`/${command} `) || t === `/${command}`),
        command,
      ).toBe(true);
    }
  });

  for (const id of STAFF_ROUTE_IDS) {
    it(`${id} (${STAFF_ROUTES[id].trigger}) writes exactly one audit row`, async () => {
      // built when the test runs, once the reports exist
      const invocation = invocations()[id];
      if (invocation.before) {
        invocation.before();
        await h.emulator.waitIdle({ quietMs: 150 });
      }
      const before = (await rows()).length;
      const sent = officer.messages().length;
      invocation.use();
      await officer.waitFor(() => true, { timeoutMs: 60_000 }).catch(() => undefined);
      await h.emulator.waitIdle({ quietMs: 200 });
      const added = (await rows()).slice(before);
      expect(added, JSON.stringify(added)).toHaveLength(1);
      const [row] = added;
      expect(row).toMatchObject({ actor_id: OFFICER, actor_role: "police", action: STAFF_ROUTES[id].audit });
      expect(JSON.parse(row!.details)).toMatchObject({ route: id });
      expect(JSON.parse(row!.details).outcome).toBeUndefined();
      if (invocation.aboutReport) expect(row!.report_number).toBe(report.number);
      // and the route did answer the officer
      expect(officer.messages().length + officer.callbackAnswers().length).toBeGreaterThan(sent);
    });
  }

  it("gives staff nothing through the citizens' PDF button of someone else's report", async () => {
    const before = officer.messages().length;
    const answers = officer.callbackAnswers().length;
    officer.pressData(anchor(), `pdf:${r()}:1:ru`);
    await h.emulator.waitIdle({ quietMs: 200 });
    expect(officer.messages().slice(before)).toEqual([]);
    expect(
      officer
        .callbackAnswers()
        .slice(answers)
        .map((a) => a.text),
    ).toEqual([label("ru", "report:not_yours")]);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import type { Answers } from "../../src/core/report/answers.js";
import type { Recognition } from "../../src/core/report/report.js";
import { audit, auditPage } from "../../src/db/audit.js";
import { type Db, openDatabase } from "../../src/db/client.js";
import { createDraft } from "../../src/db/drafts.js";
import { createInvite, inviteToken, redeemInvite } from "../../src/db/invites.js";
import { keyCounts, linkedReports, recurringRecipients, reportsHolding } from "../../src/db/links.js";
import { listReports, numberState } from "../../src/db/police-queries.js";
import { effectiveRole, grantRole, listStaff, revokeRole, storedRole } from "../../src/db/roles.js";
import { recordConsent } from "../../src/db/users.js";
import { computeStats } from "../../src/services/police-stats.js";
import { submitDraft } from "../../src/services/submit.js";
import { bankSecurityReport, marketplaceReport, relativeReport } from "../fixtures/reports/index.js";
import { TEST_KEYS } from "../support/keys.js";

const KEY = TEST_KEYS;
const ALL = { all: true } as const;
const CARD = { kind: "card", value: "4400430123456789", raw: "4400 4301 2345 6789" } as const;
const T0 = new Date("2026-11-26T09:00:00Z");

let db: Db;
let user = 100;
function submit(answers: Partial<Answers>, scheme: string, at: string): { reportId: number; number: string } {
  const id = user++;
  recordConsent(db, id, "ru");
  const draft = createDraft(db, id, "ru", answers);
  const recognition: Recognition = {
    catalogVersion: "test",
    schemes: [{ id: scheme as Recognition["schemes"][number]["id"], score: 0.9, reasons: [] }],
    techniques: [],
  };
  return submitDraft(db, draft.id, () => recognition, KEY, new Date(at))!;
}

const bank = bankSecurityReport("ru").answers;
const withCard = { ...bank, transfers: [{ ...bank.transfers[0], recipient: CARD }] };

beforeEach(() => {
  db = openDatabase(":memory:");
});

describe("linked reports and lookups", () => {
  it("links reports sharing a recipient card both ways, with what they share", () => {
    const a = submit(withCard, "bank_security", "2026-11-20T06:00:00Z");
    const b = submit(marketplaceReport("ru").answers, "marketplace_seller", "2026-11-21T06:00:00Z");
    const c = submit(relativeReport("ru").answers, "relative_in_trouble", "2026-11-22T06:00:00Z");
    expect(linkedReports(db, a.reportId, ALL)).toEqual({
      linked: [
        {
          id: b.reportId,
          number: b.number,
          submittedAt: "2026-11-21T06:00:00.000Z",
          shared: [{ kind: "card", value: CARD.value }],
        },
      ],
      elsewhere: 0,
    });
    expect(linkedReports(db, b.reportId, ALL).linked.map((l) => l.number)).toEqual([a.number]);
    expect(linkedReports(db, c.reportId, ALL)).toEqual({ linked: [], elsewhere: 0 });
  });

  it("never counts drafts or withdrawn reports, and never links masked cards", () => {
    const a = submit(withCard, "bank_security", "2026-11-20T06:00:00Z");
    // a draft of the same person holding the same card
    createDraft(db, user - 1, "ru", marketplaceReport("ru").answers);
    const masked = { ...CARD, value: "•••• 6789" };
    const m1 = submit(
      { ...bank, transfers: [{ ...bank.transfers[0], recipient: masked }] },
      "x",
      "2026-11-21T06:00:00Z",
    );
    submit({ ...bank, transfers: [{ ...bank.transfers[0], recipient: masked }] }, "x", "2026-11-21T07:00:00Z");
    expect(keyCounts(db, { kind: "card", value: CARD.value })).toEqual({
      reporters: 1,
      schemes: [{ id: "bank_security", count: 1 }],
    });
    expect(linkedReports(db, m1.reportId, ALL).linked.filter((l) => l.shared.some((k) => k.kind === "card"))).toEqual(
      [],
    );
    db.$client.prepare("UPDATE reports SET status = 'withdrawn' WHERE id = ?").run(a.reportId);
    expect(keyCounts(db, { kind: "card", value: CARD.value }).reporters).toBe(0);
    expect(reportsHolding(db, [{ kind: "card", value: CARD.value }], ALL)).toEqual([]);
  });

  it("counts the people who reported a key, not their reports: one person twice is one", () => {
    submit(withCard, "bank_security", "2026-11-20T06:00:00Z");
    const same = user - 1;
    const draft = createDraft(db, same, "ru", withCard);
    submitDraft(
      db,
      draft.id,
      () => ({ catalogVersion: "test", schemes: [], techniques: [] }),
      KEY,
      new Date("2026-11-21T06:00:00Z"),
    );
    expect(keyCounts(db, { kind: "card", value: CARD.value }).reporters).toBe(1);
    submit(withCard, "bank_security", "2026-11-22T06:00:00Z");
    expect(keyCounts(db, { kind: "card", value: CARD.value }).reporters).toBe(2);
  });

  it("names recipients that recur across reports, most reports first", () => {
    submit(withCard, "bank_security", "2026-11-20T06:00:00Z");
    submit(marketplaceReport("ru").answers, "marketplace_seller", "2026-11-21T06:00:00Z");
    for (let i = 0; i < 3; i++) submit(relativeReport("ru").answers, "relative_in_trouble", `2026-11-2${i}T08:00:00Z`);
    expect(recurringRecipients(db)).toEqual([
      { kind: "phone", value: "+77011112233", reports: 3 },
      { kind: "card", value: CARD.value, reports: 2 },
    ]);
  });
});

describe("report lists and statistics", () => {
  it("filters by incident date (not submission), region, scheme, bank, amount and case status, newest incident first", () => {
    // filed a week after the fraud, and the other way round
    const a = submit(
      { ...withCard, region: "almaty", incidentDate: "2026-11-10" },
      "bank_security",
      "2026-11-20T06:00:00Z",
    );
    const b = submit(
      { ...marketplaceReport("ru").answers, region: "astana", incidentDate: "2026-11-19" },
      "marketplace_seller",
      "2026-11-19T20:00:00Z",
    );
    const page = (filter: Omit<Parameters<typeof listReports>[1], "scope">) =>
      listReports(db, { scope: ALL, ...filter }, { offset: 0, limit: 10 }).rows.map((r) => r.number);
    expect(page({})).toEqual([b.number, a.number]);
    expect(page({ region: "almaty" })).toEqual([a.number]);
    expect(page({ scheme: "marketplace_seller" })).toEqual([b.number]);
    expect(page({ incidentFrom: "2026-11-10", incidentTo: "2026-11-10" })).toEqual([a.number]);
    expect(page({ incidentFrom: "2026-11-20", incidentTo: "2026-11-20" })).toEqual([]);
    expect(page({ submittedFrom: new Date("2026-11-20T00:00:00Z") })).toEqual([a.number]);
    // 450 000 KZT went to the card, 120 000 KZT to the seller
    expect(page({ minAmountMinor: 450_000_00 })).toEqual([a.number]);
    expect(page({ minAmountMinor: 100_000_00, maxAmountMinor: 200_000_00 })).toEqual([b.number]);
    expect(page({ maxAmountMinor: 0 })).toEqual([]);
    // money left Kaspi and went to Halyk in one, the other way round in the other
    expect(page({ bank: "kaspi" })).toEqual([b.number, a.number]);
    expect(page({ bank: "halyk" })).toEqual([b.number, a.number]);
    expect(page({ bank: "forte" })).toEqual([]);
    expect(page({ status: "new" })).toHaveLength(2);
    expect(page({ status: "registered" })).toEqual([]);
    expect(page({ status: "updated" })).toEqual([]);
    db.$client.prepare("UPDATE reports SET case_status = 'registered' WHERE id = ?").run(a.reportId);
    expect(page({ status: "registered" })).toEqual([a.number]);
  });

  it("shows an officer the reports of their regions and the cases they took, and nothing else", () => {
    const almaty = submit({ ...withCard, region: "almaty" }, "bank_security", "2026-11-20T06:00:00Z");
    const karaganda = submit(
      { ...marketplaceReport("ru").answers, region: "karaganda" },
      "marketplace_seller",
      "2026-11-21T06:00:00Z",
    );
    const nowhere = submit(relativeReport("ru").answers, "relative_in_trouble", "2026-11-22T06:00:00Z");
    const officer = { all: false, regions: ["almaty"], officerId: 7 } as const;
    const numbers = (scope: Parameters<typeof listReports>[1]["scope"]) =>
      listReports(db, { scope }, { offset: 0, limit: 10 }).rows.map((r) => r.number);
    expect(numbers(officer)).toEqual([almaty.number]);
    expect(numbers({ all: false, regions: [], officerId: 7 })).toEqual([]);
    expect(numbers(ALL)).toHaveLength(3);
    expect(linkedReports(db, almaty.reportId, officer)).toEqual({ linked: [], elsewhere: 1 });
    expect(reportsHolding(db, [{ kind: "card", value: CARD.value }], officer).map((r) => r.number)).toEqual([
      almaty.number,
    ]);
    expect(computeStats(db, { scope: officer }).reports).toBe(1);
    db.$client.prepare("UPDATE reports SET assignee_id = 7 WHERE id = ?").run(nowhere.reportId);
    expect(numbers(officer)).toEqual([nowhere.number, almaty.number]);
    expect(numbers(officer)).not.toContain(karaganda.number);
  });

  it("sums losses by scheme, region and week per currency", () => {
    submit({ ...withCard, region: "almaty" }, "bank_security", "2026-11-20T06:00:00Z");
    submit({ ...relativeReport("ru").answers, region: "almaty" }, "relative_in_trouble", "2026-11-24T06:00:00Z");
    const stats = computeStats(db, { scope: ALL });
    expect(stats.reports).toBe(2);
    expect(stats.losses).toEqual([{ amountMinor: 45_000_000 + 8_000_050, currency: "KZT" }]);
    expect(stats.byRegion).toEqual([
      { key: "almaty", reports: 2, losses: [{ amountMinor: 53_000_050, currency: "KZT" }] },
    ]);
    expect(stats.byWeek.map((w) => [w.key, w.reports])).toEqual([
      ["2026-W47", 1],
      ["2026-W48", 1],
    ]);
  });

  it("tells a submitted, a withdrawn and an unknown number apart", () => {
    const a = submit(withCard, "bank_security", "2026-11-20T06:00:00Z");
    expect(numberState(db, a.number)).toMatchObject({ state: "submitted", id: a.reportId, version: 1 });
    db.$client
      .prepare("INSERT INTO withdrawn_numbers (number, submitted_at, withdrawn_at) VALUES (?, ?, ?)")
      .run("SB-2026-000777", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z");
    expect(numberState(db, "SB-2026-000777")).toMatchObject({ state: "withdrawn" });
    expect(numberState(db, "SB-2026-000778")).toEqual({ state: "unknown" });
  });
});

describe("roles, invites and the audit log", () => {
  it("takes ADMIN_IDS first, then the stored role; revoking forgets unit and regions", () => {
    grantRole(db, 5, "police", { unit: "УП", regions: ["almaty", "karaganda"] }, T0);
    expect(effectiveRole([9], storedRole(db, 5), 5)).toBe("police");
    expect(effectiveRole([9], storedRole(db, 9), 9)).toBe("admin");
    expect(effectiveRole([9], storedRole(db, 6), 6)).toBe("citizen");
    grantRole(db, 5, "police", {}, T0);
    expect(listStaff(db, [9])).toEqual([
      { id: 9, role: "admin", name: null, unit: null, regions: [], allRegions: true, configured: true },
      {
        id: 5,
        role: "police",
        name: null,
        unit: "УП",
        regions: ["almaty", "karaganda"],
        allRegions: false,
        configured: false,
      },
    ]);
    expect(revokeRole(db, 5, T0)).toBe(true);
    expect(revokeRole(db, 5, T0)).toBe(false);
    expect(listStaff(db, [])).toEqual([]);
  });

  it("stores only a hash of an invite token, works once and not after 24 hours", () => {
    const { token, expiresAt } = createInvite(db, { role: "police", createdBy: 9, regions: ["astana"] }, T0);
    expect(expiresAt.toISOString()).toBe("2026-11-27T09:00:00.000Z");
    expect(JSON.stringify(db.$client.prepare("SELECT * FROM invites").all())).not.toContain(token);
    expect(inviteToken(`inv_${token}`)).toBe(token);
    expect(inviteToken("v_SB-2026-000001_1_x")).toBeUndefined();
    expect(redeemInvite(db, token, 5, new Date("2026-11-27T08:59:00Z"))).toMatchObject({
      ok: true,
      role: "police",
      regions: ["astana"],
      allRegions: false,
    });
    expect(redeemInvite(db, token, 6, T0)).toEqual({ ok: false, reason: "used" });
    const late = createInvite(db, { role: "police", createdBy: 9 }, T0).token;
    expect(redeemInvite(db, late, 7, new Date("2026-11-27T09:00:00Z"))).toEqual({ ok: false, reason: "expired" });
    expect(redeemInvite(db, "nonsense", 7, T0)).toEqual({ ok: false, reason: "unknown" });
  });

  it("pages the audit log newest first", () => {
    for (let i = 0; i < 5; i++) {
      audit(db, {
        actor: { id: 1, role: "police" },
        action: "report.view",
        reportNumber: `SB-2026-00000${i}`,
        at: new Date(T0.getTime() + i * 1000),
      });
    }
    const { rows, total } = auditPage(db, { offset: 0, limit: 2 });
    expect(total).toBe(5);
    expect(rows.map((r) => r.reportNumber)).toEqual(["SB-2026-000004", "SB-2026-000003"]);
  });
});

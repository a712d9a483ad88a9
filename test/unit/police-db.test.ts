import { beforeEach, describe, expect, it } from "vitest";
import type { Answers } from "../../src/core/report/answers.js";
import type { Recognition } from "../../src/core/report/report.js";
import { audit, auditPage } from "../../src/db/audit.js";
import type { Db } from "../../src/db/client.js";
import { createDraft } from "../../src/db/drafts.js";
import { createInvite, inviteToken, redeemInvite } from "../../src/db/invites.js";
import { keyCounts, linkedReports, recurringRecipients, reportsHolding } from "../../src/db/links.js";
import { listReports, numberState } from "../../src/db/police-queries.js";
import { effectiveRole, grantRole, listStaff, revokeRole, storedRole } from "../../src/db/roles.js";
import { recordConsent } from "../../src/db/users.js";
import { computeStats } from "../../src/services/police-stats.js";
import { submitDraft } from "../../src/services/submit.js";
import { bankSecurityReport, marketplaceReport, relativeReport } from "../fixtures/reports/index.js";
import { rowsOf, testDb } from "../support/database.js";
import { TEST_KEYS } from "../support/keys.js";

const KEY = TEST_KEYS;
const ALL = { all: true } as const;
const CARD = { kind: "card", value: "4400430123456789", raw: "4400 4301 2345 6789" } as const;
const T0 = new Date("2026-11-26T09:00:00Z");

let db: Db;
let user = 100;
async function submit(
  answers: Partial<Answers>,
  scheme: string,
  at: string,
): Promise<{ reportId: number; number: string }> {
  const id = user++;
  await recordConsent(db, id, "ru");
  const draft = await createDraft(db, id, "ru", answers);
  const recognition: Recognition = {
    catalogVersion: "test",
    schemes: [{ id: scheme as Recognition["schemes"][number]["id"], score: 0.9, reasons: [] }],
    techniques: [],
  };
  return (await submitDraft(db, draft.id, () => recognition, KEY, new Date(at)))!;
}

const bank = bankSecurityReport("ru").answers;
const withCard = { ...bank, transfers: [{ ...bank.transfers[0], recipient: CARD }] };

beforeEach(async () => {
  db = await testDb();
});

describe("linked reports and lookups", () => {
  it("links reports sharing a recipient card both ways, with what they share", async () => {
    const a = await submit(withCard, "bank_security", "2026-11-20T06:00:00Z");
    const b = await submit(marketplaceReport("ru").answers, "marketplace_seller", "2026-11-21T06:00:00Z");
    const c = await submit(relativeReport("ru").answers, "relative_in_trouble", "2026-11-22T06:00:00Z");
    expect(await linkedReports(db, a.reportId, ALL)).toEqual({
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
    expect((await linkedReports(db, b.reportId, ALL)).linked.map((l) => l.number)).toEqual([a.number]);
    expect(await linkedReports(db, c.reportId, ALL)).toEqual({ linked: [], elsewhere: 0 });
  });

  it("never counts drafts or withdrawn reports, and never links masked cards", async () => {
    const a = await submit(withCard, "bank_security", "2026-11-20T06:00:00Z");
    // a draft of the same person holding the same card
    await createDraft(db, user - 1, "ru", marketplaceReport("ru").answers);
    const masked = { ...CARD, value: "•••• 6789" };
    const m1 = await submit(
      { ...bank, transfers: [{ ...bank.transfers[0], recipient: masked }] },
      "x",
      "2026-11-21T06:00:00Z",
    );
    await submit({ ...bank, transfers: [{ ...bank.transfers[0], recipient: masked }] }, "x", "2026-11-21T07:00:00Z");
    expect(await keyCounts(db, { kind: "card", value: CARD.value })).toEqual({
      reporters: 1,
      schemes: [{ id: "bank_security", count: 1 }],
    });
    expect(
      (await linkedReports(db, m1.reportId, ALL)).linked.filter((l) => l.shared.some((k) => k.kind === "card")),
    ).toEqual([]);
    await rowsOf(db, "UPDATE reports SET status = 'withdrawn' WHERE id = ?", a.reportId);
    expect((await keyCounts(db, { kind: "card", value: CARD.value })).reporters).toBe(0);
    expect(await reportsHolding(db, [{ kind: "card", value: CARD.value }], ALL)).toEqual([]);
  });

  it("counts the people who reported a key, not their reports: one person twice is one", async () => {
    await submit(withCard, "bank_security", "2026-11-20T06:00:00Z");
    const same = user - 1;
    const draft = await createDraft(db, same, "ru", withCard);
    await submitDraft(
      db,
      draft.id,
      () => ({ catalogVersion: "test", schemes: [], techniques: [] }),
      KEY,
      new Date("2026-11-21T06:00:00Z"),
    );
    expect((await keyCounts(db, { kind: "card", value: CARD.value })).reporters).toBe(1);
    await submit(withCard, "bank_security", "2026-11-22T06:00:00Z");
    expect((await keyCounts(db, { kind: "card", value: CARD.value })).reporters).toBe(2);
  });

  it("names recipients that recur across reports, most reports first", async () => {
    await submit(withCard, "bank_security", "2026-11-20T06:00:00Z");
    await submit(marketplaceReport("ru").answers, "marketplace_seller", "2026-11-21T06:00:00Z");
    for (let i = 0; i < 3; i++)
      await submit(relativeReport("ru").answers, "relative_in_trouble", `2026-11-2${i}T08:00:00Z`);
    expect(await recurringRecipients(db)).toEqual([
      { kind: "phone", value: "+77011112233", reports: 3 },
      { kind: "card", value: CARD.value, reports: 2 },
    ]);
  });
});

describe("report lists and statistics", () => {
  it("filters by incident date (not submission), region, scheme, bank, amount and case status, newest incident first", async () => {
    // filed a week after the fraud, and the other way round
    const a = await submit(
      { ...withCard, region: "almaty", incidentDate: "2026-11-10" },
      "bank_security",
      "2026-11-20T06:00:00Z",
    );
    const b = await submit(
      { ...marketplaceReport("ru").answers, region: "astana", incidentDate: "2026-11-19" },
      "marketplace_seller",
      "2026-11-19T20:00:00Z",
    );
    const page = async (filter: Omit<Parameters<typeof listReports>[1], "scope">) =>
      (await listReports(db, { scope: ALL, ...filter }, { offset: 0, limit: 10 })).rows.map((r) => r.number);
    expect(await page({})).toEqual([b.number, a.number]);
    expect(await page({ region: "almaty" })).toEqual([a.number]);
    expect(await page({ scheme: "marketplace_seller" })).toEqual([b.number]);
    expect(await page({ incidentFrom: "2026-11-10", incidentTo: "2026-11-10" })).toEqual([a.number]);
    expect(await page({ incidentFrom: "2026-11-20", incidentTo: "2026-11-20" })).toEqual([]);
    expect(await page({ submittedFrom: new Date("2026-11-20T00:00:00Z") })).toEqual([a.number]);
    // 450 000 KZT went to the card, 120 000 KZT to the seller
    expect(await page({ minAmountMinor: 450_000_00 })).toEqual([a.number]);
    expect(await page({ minAmountMinor: 100_000_00, maxAmountMinor: 200_000_00 })).toEqual([b.number]);
    expect(await page({ maxAmountMinor: 0 })).toEqual([]);
    // money left Kaspi and went to Halyk in one, the other way round in the other
    expect(await page({ bank: "kaspi" })).toEqual([b.number, a.number]);
    expect(await page({ bank: "halyk" })).toEqual([b.number, a.number]);
    expect(await page({ bank: "forte" })).toEqual([]);
    expect(await page({ status: "new" })).toHaveLength(2);
    expect(await page({ status: "registered" })).toEqual([]);
    expect(await page({ status: "updated" })).toEqual([]);
    await rowsOf(db, "UPDATE reports SET case_status = 'registered' WHERE id = ?", a.reportId);
    expect(await page({ status: "registered" })).toEqual([a.number]);
  });

  it("shows an officer the reports of their regions and the cases they took, and nothing else", async () => {
    const almaty = await submit({ ...withCard, region: "almaty" }, "bank_security", "2026-11-20T06:00:00Z");
    const karaganda = await submit(
      { ...marketplaceReport("ru").answers, region: "karaganda" },
      "marketplace_seller",
      "2026-11-21T06:00:00Z",
    );
    const nowhere = await submit(relativeReport("ru").answers, "relative_in_trouble", "2026-11-22T06:00:00Z");
    const officer = { all: false, regions: ["almaty"], officerId: 7 } as const;
    const numbers = async (scope: Parameters<typeof listReports>[1]["scope"]) =>
      (await listReports(db, { scope }, { offset: 0, limit: 10 })).rows.map((r) => r.number);
    expect(await numbers(officer)).toEqual([almaty.number]);
    expect(await numbers({ all: false, regions: [], officerId: 7 })).toEqual([]);
    expect(await numbers(ALL)).toHaveLength(3);
    expect(await linkedReports(db, almaty.reportId, officer)).toEqual({ linked: [], elsewhere: 1 });
    expect((await reportsHolding(db, [{ kind: "card", value: CARD.value }], officer)).map((r) => r.number)).toEqual([
      almaty.number,
    ]);
    expect((await computeStats(db, { scope: officer })).reports).toBe(1);
    await rowsOf(db, "UPDATE reports SET assignee_id = 7 WHERE id = ?", nowhere.reportId);
    expect(await numbers(officer)).toEqual([nowhere.number, almaty.number]);
    expect(await numbers(officer)).not.toContain(karaganda.number);
  });

  it("sums losses by scheme, region and week per currency", async () => {
    await submit({ ...withCard, region: "almaty" }, "bank_security", "2026-11-20T06:00:00Z");
    await submit({ ...relativeReport("ru").answers, region: "almaty" }, "relative_in_trouble", "2026-11-24T06:00:00Z");
    const stats = await computeStats(db, { scope: ALL });
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

  it("tells a submitted, a withdrawn and an unknown number apart", async () => {
    const a = await submit(withCard, "bank_security", "2026-11-20T06:00:00Z");
    expect(await numberState(db, a.number)).toMatchObject({ state: "submitted", id: a.reportId, version: 1 });
    await rowsOf(
      db,
      "INSERT INTO withdrawn_numbers (number, submitted_at, withdrawn_at) VALUES (?, ?, ?)",
      "SB-2026-000777",
      "2026-01-01T00:00:00Z",
      "2026-02-01T00:00:00Z",
    );
    expect(await numberState(db, "SB-2026-000777")).toMatchObject({ state: "withdrawn" });
    expect(await numberState(db, "SB-2026-000778")).toEqual({ state: "unknown" });
  });
});

describe("roles, invites and the audit log", () => {
  it("takes ADMIN_IDS first, then the stored role; revoking forgets unit and regions", async () => {
    await grantRole(db, 5, "police", { unit: "УП", regions: ["almaty", "karaganda"] }, T0);
    expect(effectiveRole([9], await storedRole(db, 5), 5)).toBe("police");
    expect(effectiveRole([9], await storedRole(db, 9), 9)).toBe("admin");
    expect(effectiveRole([9], await storedRole(db, 6), 6)).toBe("citizen");
    await grantRole(db, 5, "police", {}, T0);
    expect(await listStaff(db, [9])).toEqual([
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
    expect(await revokeRole(db, 5, T0)).toBe(true);
    expect(await revokeRole(db, 5, T0)).toBe(false);
    expect(await listStaff(db, [])).toEqual([]);
  });

  it("stores only a hash of an invite token, works once and not after 24 hours", async () => {
    const { token, expiresAt } = await createInvite(db, { role: "police", createdBy: 9, regions: ["astana"] }, T0);
    expect(expiresAt.toISOString()).toBe("2026-11-27T09:00:00.000Z");
    expect(JSON.stringify(await rowsOf(db, "SELECT * FROM invites"))).not.toContain(token);
    expect(inviteToken(`inv_${token}`)).toBe(token);
    expect(inviteToken("v_SB-2026-000001_1_x")).toBeUndefined();
    expect(await redeemInvite(db, token, 5, new Date("2026-11-27T08:59:00Z"))).toMatchObject({
      ok: true,
      role: "police",
      regions: ["astana"],
      allRegions: false,
    });
    expect(await redeemInvite(db, token, 6, T0)).toEqual({ ok: false, reason: "used" });
    const late = (await createInvite(db, { role: "police", createdBy: 9 }, T0)).token;
    expect(await redeemInvite(db, late, 7, new Date("2026-11-27T09:00:00Z"))).toEqual({ ok: false, reason: "expired" });
    expect(await redeemInvite(db, "nonsense", 7, T0)).toEqual({ ok: false, reason: "unknown" });
  });

  it("pages the audit log newest first", async () => {
    for (let i = 0; i < 5; i++) {
      await audit(db, {
        actor: { id: 1, role: "police" },
        action: "report.view",
        reportNumber: `SB-2026-00000${i}`,
        at: new Date(T0.getTime() + i * 1000),
      });
    }
    const { rows, total } = await auditPage(db, { offset: 0, limit: 2 });
    expect(total).toBe(5);
    expect(rows.map((r) => r.reportNumber)).toEqual(["SB-2026-000004", "SB-2026-000003"]);
  });
});

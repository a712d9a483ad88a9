import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserHandle } from "../emulator/index.js";
import { relativeReport } from "../fixtures/reports/index.js";
import { buttonTexts, Harness } from "../support/harness.js";
import { sqlOf, submitReport } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";

const START = new Date("2026-11-26T09:00:00Z");
const ADMIN = 9000;

describe("admin: roles, invites and the audit log", () => {
  let h: Harness;
  let now = START;
  let ru: UserHandle;
  let kk: UserHandle;
  const sql = <T>(query: string, ...params: unknown[]) => sqlOf(h)<T>(query, ...params);

  beforeAll(async () => {
    h = await Harness.create({ now: () => now, adminIds: [ADMIN] });
    await h.start();
    await submitReport(h, 101, "ru", relativeReport("ru").answers, new Date("2026-11-20T06:00:00Z"));
    ru = h.user(ADMIN, "ru");
    kk = h.user(ADMIN, "kk");
  });
  afterAll(async () => h.close());

  async function reply(u: UserHandle, act: () => void) {
    const before = u.messages().length;
    act();
    await u.nextReply();
    await h.settle({ quietMs: 120 });
    return u.messages().slice(before);
  }

  const linkIn = (text: string) => /start=(inv_[A-Za-z0-9_-]+)/.exec(text)?.[1];

  it("grants police with regions (any language) and unit, lists staff with names, and revokes", async () => {
    const [granted] = await reply(ru, () =>
      ru.command("grant", "701 police Карагандинская обл. УП Алмалинского района"),
    );
    expect(granted!.text).toBe(
      "✅ Пользователю 701 выдана роль «сотрудник полиции».\n• 701 — сотрудник полиции · УП Алмалинского района · Карагандинская обл.",
    );
    expect(await sql("SELECT role, police_unit, police_regions FROM users WHERE id = 701")).toEqual([
      { role: "police", police_unit: "УП Алмалинского района", police_regions: '["karaganda"]' },
    ]);
    const officer = h.user(701, "ru");
    expect((await reply(officer, () => officer.command("reports")))[0]!.text).toContain("Заявления: 1");
    const [more] = await reply(ru, () => ru.command("grant", "701 police Караганда, Астана"));
    expect(more!.text).toBe(
      `✅ Данные сотрудника 701 обновлены.\n• User701 (701) — сотрудник полиции · УП Алмалинского района · Карагандинская обл., Астана`,
    );
    const [same] = await reply(ru, () => ru.command("grant", "701 police Караганда, Астана"));
    expect(same!.text).toContain("У пользователя 701 уже есть роль «сотрудник полиции» с этими данными");
    const [bare] = await reply(ru, () => ru.command("grant", "708 police"));
    expect(bare!.text).toContain(
      label("ru", "admin:grant.no_regions")
        .replace(/<\/?code>/g, "")
        .replace("{{id}}", "708"),
    );

    const [admin] = await reply(kk, () => kk.command("grant", "702 admin"));
    expect(admin!.text).toBe("✅ 702 пайдаланушысына «әкімші» рөлі берілді.\n• 702 — әкімші");
    const [staff] = await reply(kk, () => kk.command("staff"));
    expect(staff!.text).toContain("9000 — әкімші · ADMIN_IDS тізімінен");
    expect(staff!.text).toContain(
      "User701 (701) — полиция қызметкері · УП Алмалинского района · Қарағанды облысы, Астана",
    );
    const second = h.user(702, "kk");
    expect((await reply(second, () => second.command("staff")))[0]!.text).toContain("Рөлдер");

    expect((await reply(ru, () => ru.command("revoke", "701")))[0]!.text).toBe("Роль пользователя 701 отозвана.");
    expect((await reply(ru, () => ru.command("revoke", "701")))[0]!.text).toBe("У пользователя 701 нет роли.");
    expect((await reply(ru, () => ru.command("revoke", String(ADMIN))))[0]!.text).toContain("ADMIN_IDS");
    expect((await reply(ru, () => ru.command("grant", "701 sheriff")))[0]!.text).toContain("/grant");
  });

  it("answers clearly when the person already has a higher role", async () => {
    const [outranked] = await reply(ru, () => ru.command("grant", "702 police Алматы"));
    expect(outranked!.text).toBe(
      "702 уже администратор: у администратора есть всё, что у полиции. Чтобы сделать его сотрудником полиции, сначала отзовите роль: /revoke 702.",
    );
    expect(await sql("SELECT role FROM users WHERE id = 702")).toEqual([{ role: "admin" }]);
    const [configured] = await reply(kk, () => kk.command("grant", `${ADMIN} police Алматы`));
    expect(configured!.text).toContain("ADMIN_IDS бойынша әкімші");
    const [same] = await reply(kk, () => kk.command("grant", "702 admin"));
    expect(same!.text).toMatch(/^702 пайдаланушысында осы деректермен «әкімші» рөлі бар — ештеңе өзгерген жоқ\./);
  });

  it("makes a one-time invite with the officer's regions that asks their unit, and works once", async () => {
    const [noRegion] = await reply(ru, () => ru.command("invite", "police"));
    expect(noRegion!.text).toContain("Для сотрудника полиции укажите регионы");
    const [created] = await reply(ru, () => ru.command("invite", "police Алматы"));
    expect(created!.text).toContain("Одноразовая ссылка для роли «сотрудник полиции»");
    expect(created!.text).toContain("Регионы: Алматы.");
    const payload = linkIn(created!.text)!;
    expect(payload).toBeDefined();
    expect((await sql<{ token_hash: string }>("SELECT token_hash FROM invites"))[0]!.token_hash).not.toContain(
      payload.slice(4),
    );

    const officer = h.user(703, "kk");
    const joined = await reply(officer, () => officer.command("start", payload));
    expect(joined.map((m) => m.text)).toEqual([
      "✅ Сізге «полиция қызметкері» рөлі берілді.",
      label("kk", "police:profile.ask_unit"),
    ]);
    const [saved] = await reply(officer, () => officer.send("Медеу ауданының полиция басқармасы"));
    expect(saved!.text).toContain("Медеу ауданының полиция басқармасы · өңірлер: Алматы");
    expect(await sql("SELECT role, police_unit, police_regions FROM users WHERE id = 703")).toEqual([
      { role: "police", police_unit: "Медеу ауданының полиция басқармасы", police_regions: '["almaty"]' },
    ]);
    // an officer cannot choose a region for themselves: the old button does nothing
    const before = officer.messages().length;
    officer.pressData(saved!.message_id, "preg:karaganda");
    await h.emulator.waitIdle({ quietMs: 150 });
    expect(officer.messages().slice(before)).toEqual([]);
    expect(await sql("SELECT police_regions FROM users WHERE id = 703")).toEqual([{ police_regions: '["almaty"]' }]);

    const late = h.user(704, "ru");
    expect((await reply(late, () => late.command("start", payload))).map((m) => m.text)).toEqual([
      "Эта ссылка-приглашение уже использована.",
    ]);
    expect(await sql("SELECT id FROM users WHERE id = 704")).toEqual([]);
  });

  it("expires an invite after 24 hours; one with unit and region asks nothing", async () => {
    const [first] = await reply(ru, () => ru.command("invite", "police astana УП Есильского района"));
    const [second] = await reply(ru, () => ru.command("invite", "police Астана УП Есильского района"));
    now = new Date(START.getTime() + 23 * 3600_000);
    const inTime = h.user(705, "ru");
    const joined = await reply(inTime, () => inTime.command("start", linkIn(first!.text)!));
    expect(joined.map((m) => m.text)).toEqual([
      "✅ Вам выдана роль «сотрудник полиции».",
      "✅ Данные сохранены: УП Есильского района · регионы: Астана.\nКоманды — в меню «/» и в /help.",
    ]);
    now = new Date(START.getTime() + 24 * 3600_000 + 60_000);
    const tooLate = h.user(706, "kk");
    expect((await reply(tooLate, () => tooLate.command("start", linkIn(second!.text)!))).map((m) => m.text)).toEqual([
      "Шақыру сілтемесінің мерзімі өтіп кеткен. Жаңасын сұраңыз.",
    ]);
    const refused = await reply(tooLate, () => tooLate.command("reports"));
    expect(refused.map((m) => m.text)).toEqual([label("kk", "police:denied")]);
  });

  it("shows the audit log page by page and exports it as CSV", async () => {
    for (let i = 0; i < 10; i++) await reply(ru, () => ru.command("staff"));
    const [page] = await reply(ru, () => ru.command("audit"));
    expect(page!.text).toContain("Журнал действий");
    expect(page!.text).toContain("стр. 1 из 2");
    expect(page!.text).toContain("audit.view");
    expect(buttonTexts(page!)).toEqual(["▶", "⬇️ Скачать CSV"]);
    ru.press("▶", page);
    const next = await ru.waitFor((m) => m.message_id === page!.message_id && m.text.includes("стр. 2 из 2"), {
      kinds: ["edit"],
    });
    expect(next.text).toContain("role.grant");
    ru.press("⬇️ Скачать CSV", next);
    const csv = await ru.waitFor((m) => m.file?.file_name?.endsWith(".csv") === true);
    const lines = csv
      .file!.bytes.toString("utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Время (UTC);Telegram ID;Роль;Оператор CLI (пользователь@сервер);Действие;Заявление;Подробности",
    );
    const count = (await sql<{ n: number }>("SELECT count(*) AS n FROM audit_log"))[0]!.n;
    expect(lines).toHaveLength(count + 1);
    kk.command("audit", "export");
    const kkCsv = await kk.waitFor((m) => m.file?.file_name?.endsWith(".csv") === true);
    expect(kkCsv.file!.bytes.toString("utf8")).toContain(
      "Уақыты (UTC);Telegram ID;Рөлі;CLI операторы (пайдаланушы@сервер);Әрекет;Арыз;Толығырақ",
    );
  });

  it("records every admin action with who, in which role, and the details", async () => {
    const rows = await sql<{ actor_id: number; actor_role: string; action: string; details: string }>(
      "SELECT actor_id, actor_role, action, details FROM audit_log ORDER BY id",
    );
    const of = (action: string) => rows.filter((r) => r.action === action);
    expect(of("role.grant").map((r) => JSON.parse(r.details).target)).toEqual([701, 701, 708, 702]);
    expect(of("role.grant").every((r) => r.actor_id === ADMIN && r.actor_role === "admin")).toBe(true);
    expect(of("role.revoke").map((r) => JSON.parse(r.details))).toEqual([{ target: 701 }]);
    expect(of("invite.create")).toHaveLength(3);
    expect(JSON.parse(of("invite.create")[0]!.details)).toMatchObject({ regions: ["almaty"], allRegions: false });
    expect(of("invite.create").some((r) => r.details.includes("inv_"))).toBe(false);
    expect(of("invite.accept").map((r) => [r.actor_id, r.actor_role])).toEqual([
      [703, "police"],
      [705, "police"],
    ]);
    expect(of("police.profile").map((r) => r.actor_id)).toEqual([703]);
    expect(of("role.list").length).toBeGreaterThanOrEqual(12);
    expect(of("audit.view").length).toBe(2);
    expect(of("audit.export").length).toBe(2);
    expect(of("reports.list").map((r) => r.actor_id)).toEqual([701]);
  });
});

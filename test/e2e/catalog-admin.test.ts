import { writeFileSync } from "node:fs";
import { hostname, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { readDefaultCatalogYaml } from "../../src/catalog/load.js";
import { command as catalogCli } from "../../src/cli/catalog.js";
import { SCHEME_IDS } from "../../src/core/model.js";
import type { UserHandle } from "../emulator/index.js";
import { runCli } from "../support/cli-in-process.js";
import { eventually } from "../support/eventually.js";
import { buttonTexts, Harness } from "../support/harness.js";
import { askerAtLookup, bankReportToSharedCard, depsOf, sqlOf, submitReport } from "../support/reports-db.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const shipped = parse(readDefaultCatalogYaml());
const OLD = shipped.version as string;
const OLD_TITLE = (shipped.schemes as { id: string; title: { ru: string } }[]).find((s) => s.id === "bank_security")!
  .title.ru;

function changed(version: string, edit: (doc: typeof shipped) => void): Buffer {
  const doc = parse(readDefaultCatalogYaml());
  doc.version = version;
  edit(doc);
  return Buffer.from(stringify(doc), "utf8");
}

const good = changed("2026.12.1", (doc) => {
  const bank = doc.schemes.find((s: { id: string }) => s.id === "bank_security");
  bank.title = { ru: "Звонок «из банка»: новая редакция", kk: "«Банктен» қоңырау: жаңа редакция" };
  bank.prevention[0].ru = "Положите трубку и перезвоните в банк сами.";
});
const broken = changed("2026.12.2", (doc) => {
  doc.schemes[3].title.kk = "";
});

describe("admins keep the scheme catalogue current from the chat", () => {
  let h: Harness;
  let admin: UserHandle;
  const sql = <T>(query: string, ...params: unknown[]) => sqlOf(h)<T>(query, ...params);

  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW, adminIds: [9000, 9001] });
    await h.start();
    await submitReport(h, 101, "ru", bankReportToSharedCard("ru"), new Date("2026-11-20T06:00:00Z"));
    await submitReport(h, 102, "ru", bankReportToSharedCard("ru"), new Date("2026-11-21T06:00:00Z"));
    admin = h.user(9000, "ru");
  });
  afterAll(async () => h.close());

  async function reply(u: UserHandle, act: () => void) {
    const before = u.messages().length;
    act();
    await u.nextReply({ timeoutMs: 60_000 });
    await h.settle({ quietMs: 120 });
    return u.messages().slice(before);
  }

  /** What a victim sees for the card two people reported: the scheme title comes from the live catalogue. */
  async function citizenSees(): Promise<string> {
    const u = await askerAtLookup(h, 101, "ru");
    u.send("4400 4301 2345 6789");
    return (await u.nextReply()).text;
  }

  it("shows the active version with a summary of each scheme", async () => {
    const [summary] = await reply(admin, () => admin.command("catalog"));
    expect(summary!.text).toContain(`Каталог схем, версия ${OLD}`);
    expect(summary!.text).toContain(`схем: ${SCHEME_IDS.length}`);
    expect(summary!.text).toContain(`bank_security — ${OLD_TITLE}`);
    expect(await citizenSees()).toContain(OLD_TITLE);
  });

  it("validates an upload, shows the diff, and «Activate» makes it live at once", async () => {
    const [diff] = await reply(admin, () =>
      admin.sendDocument({ name: "catalog.yaml", mime: "application/x-yaml", bytes: good }),
    );
    expect(diff!.text).toContain("Загружена версия 2026.12.1");
    expect(diff!.text).toContain(`действующей (${OLD})`);
    expect(diff!.text).toContain("bank_security: title, prevention");
    expect(buttonTexts(diff!)).toEqual(["✅ Включить"]);
    expect(depsOf(h).catalogs.version).toBe(OLD);
    const [switched] = await reply(admin, () => admin.press("✅ Включить", diff));
    expect(switched!.text).toBe(`✅ Каталог переключён: ${OLD} → 2026.12.1. Изменения уже действуют.`);
    expect(await citizenSees()).toContain("Звонок «из банка»: новая редакция");
  });

  it("rejects a broken upload with the place of each error, and the active catalogue stays", async () => {
    const kk = h.user(9001, "kk");
    const [rejected] = await reply(kk, () => kk.sendDocument({ name: "broken.yml", bytes: broken }));
    expect(rejected!.text).toContain("Файл қабылданбады — қателер саны: 1. Бұрынғы 2026.12.1 нұсқасы жұмыс істеп тұр.");
    // the scheme by its id, the field and the line, in the admin's language (Kazakh here)
    expect(rejected!.text).toMatch(/[a-z_]+ схемасы, title\.kk өрісі, \d+-жол: бос/);
    expect(rejected!.text).not.toMatch(/empty|schemes\[/);
    expect(depsOf(h).catalogs.version).toBe("2026.12.1");
    expect(await sql("SELECT version FROM catalog_versions WHERE version = '2026.12.2'")).toEqual([]);
    expect(await citizenSees()).toContain("Звонок «из банка»: новая редакция");

    const citizen = h.user(601, "ru");
    await reply(citizen, () => citizen.sendDocument({ name: "catalog.yaml", bytes: good }));
    expect((await sql<{ n: number }>("SELECT count(*) AS n FROM catalog_versions"))[0]!.n).toBe(2);
  });

  it("lists versions, exports the active YAML, and rolls back", async () => {
    const [list] = await reply(admin, () => admin.command("catalog", "list"));
    expect(list!.text).toMatch(/✅ 2026\.12\.1/);
    expect(list!.text).toContain(OLD);
    const [exported] = await reply(admin, () => admin.command("catalog", "export"));
    expect(exported!.file?.file_name).toBe("catalog-2026.12.1.yaml");
    expect(parse(exported!.file!.bytes.toString("utf8")).version).toBe("2026.12.1");

    const [back] = await reply(admin, () => admin.command("catalog", `rollback ${OLD}`));
    expect(back!.text).toBe(`✅ Каталог переключён: 2026.12.1 → ${OLD}. Изменения уже действуют.`);
    expect(depsOf(h).catalogs.version).toBe(OLD);
    expect(await citizenSees()).toContain(OLD_TITLE);
    const [again] = await reply(admin, () => admin.command("catalog", `rollback ${OLD}`));
    expect(again!.text).toBe(`Не удалось: версия «${OLD}» уже действует.`);
  });

  it("records every catalogue change: who, when, from which version to which", async () => {
    const rows = await sql<{ actor_id: number; actor_role: string; action: string; details: string }>(
      "SELECT actor_id, actor_role, action, details FROM audit_log WHERE action LIKE 'catalog.%' AND actor_id IS NOT NULL ORDER BY id",
    );
    const changes = rows
      .filter((r) => ["catalog.import", "catalog.activate", "catalog.rollback", "catalog.rejected"].includes(r.action))
      .map((r) => ({ who: r.actor_id, role: r.actor_role, action: r.action, details: JSON.parse(r.details) }));
    expect(changes).toEqual([
      { who: 9000, role: "admin", action: "catalog.import", details: { version: "2026.12.1", active: OLD } },
      { who: 9000, role: "admin", action: "catalog.activate", details: { from: OLD, to: "2026.12.1" } },
      {
        who: 9001,
        role: "admin",
        action: "catalog.rejected",
        details: { problems: 1, first: "schemes[3].title.kk: empty" },
      },
      { who: 9000, role: "admin", action: "catalog.rollback", details: { from: "2026.12.1", to: OLD } },
    ]);
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(["catalog.view", "catalog.list", "catalog.export"]),
    );
  });

  it("a version activated from the command line reaches the running bot within seconds, and the next switch in chat records the right «from»", async () => {
    const file = join(h.dir, "catalog-cli.yaml");
    writeFileSync(
      file,
      changed("2026.12.3", (doc) => {
        const bank = doc.schemes.find((s: { id: string }) => s.id === "bank_security");
        bank.title = {
          ru: "Звонок «из банка»: редакция из командной строки",
          kk: "«Банктен» қоңырау: командалық жолдан",
        };
      }),
    );
    const env = h.env();
    expect((await runCli(catalogCli, ["import", file], env)).code).toBe(0);
    expect(await runCli(catalogCli, ["activate", "2026.12.3"], env)).toMatchObject({
      code: 0,
      out: "active: 2026.12.3\n",
    });
    // the bot notices the active version change on its own (no restart, no chat command)
    await eventually(() => depsOf(h).catalogs.version === "2026.12.3", 20_000);
    const [summary] = await reply(admin, () => admin.command("catalog"));
    expect(summary!.text).toContain("Каталог схем, версия 2026.12.3");
    expect(await citizenSees()).toContain("Звонок «из банка»: редакция из командной строки");

    const [back] = await reply(admin, () => admin.command("catalog", `rollback ${OLD}`));
    expect(back!.text).toBe(`✅ Каталог переключён: 2026.12.3 → ${OLD}. Изменения уже действуют.`);
    const changes = (
      await sql<{ actor_role: string; operator: string | null; action: string; details: string }>(
        "SELECT actor_role, operator, action, details FROM audit_log WHERE action IN ('catalog.activate', 'catalog.rollback') ORDER BY id",
      )
    ).slice(-2);
    expect(changes.map((c) => ({ ...c, details: JSON.parse(c.details) }))).toEqual([
      {
        actor_role: "cli",
        operator: `${userInfo().username}@${hostname()}`,
        action: "catalog.activate",
        details: { from: OLD, to: "2026.12.3" },
      },
      { actor_role: "admin", operator: null, action: "catalog.rollback", details: { from: "2026.12.3", to: OLD } },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALERTS_PER_SECOND, deliverAlerts } from "../../src/bot/jobs/alerts.js";
import { remindDrafts } from "../../src/bot/jobs/draft-reminders.js";
import { BROADCAST_PER_SECOND } from "../../src/bot/jobs/pace.js";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import type { Lang } from "../../src/core/model.js";
import { createDraft } from "../../src/db/drafts.js";
import type { UserHandle } from "../emulator/index.js";
import { rows } from "../support/db-reader.js";
import { buttonTexts, Harness } from "../support/harness.js";
import { sqlOf } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const ADMIN = 4000;
const catalog = loadDefaultCatalog();
const plain = (lang: Lang, key: string, options?: Record<string, unknown>) =>
  label(lang, key)
    .replace(/<[^>]+>/g, "")
    .replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(options?.[k] ?? ""));

async function subscribe(h: Harness, id: number, lang: Lang): Promise<UserHandle> {
  const u = await consentedUser(h, id, lang);
  u.press(label(lang, "menu:items.alerts"));
  await u.waitFor((m) => buttonTexts(m).includes(label(lang, "alerts:buttons.subscribe")));
  u.press(label(lang, "alerts:buttons.subscribe"));
  await u.waitFor((m) => buttonTexts(m).includes(label(lang, "alerts:buttons.unsubscribe")), { kinds: ["edit"] });
  return u;
}

/** The admin writes an alert (Kazakh, then Russian), sees the preview and presses «Send». */
async function sendAlert(admin: UserHandle, kk: string, ru: string): Promise<void> {
  admin.command("alert");
  await admin.waitFor((m) => m.text.includes(plain("ru", "alerts:admin.ask_kk", { max: 1000 })));
  admin.send(kk);
  await admin.waitFor((m) => m.text.includes(plain("ru", "alerts:admin.ask_ru", { max: 1000 })));
  admin.send(ru);
  const preview = await admin.waitFor((m) => buttonTexts(m).includes(label("ru", "alerts:buttons.send")));
  expect(preview.text).toContain(kk);
  expect(preview.text).toContain(ru);
  admin.press(label("ru", "alerts:buttons.send"));
}

const alertsIn = (h: Harness, chatId: number, text: string) =>
  h.emulator.sentTo(chatId).filter((m) => m.text.includes(text)).length;

describe("alerts to subscribers", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ adminIds: [ADMIN] });
    await h.start();
  });
  afterAll(async () => h.close());

  it("refuses /alert to a citizen, and a forged «Send» too", async () => {
    const citizen = await consentedUser(h, 4106, "kk");
    citizen.command("alert");
    const refusal = await citizen.nextReply();
    expect(refusal.text).toBe(plain("kk", "police:denied"));
    citizen.pressData(refusal.message_id, "al:send:1");
    await expect.poll(() => citizen.callbackAnswers().some((a) => a.text === plain("kk", "police:denied"))).toBe(true);
    expect(await sqlOf(h)("SELECT * FROM alerts")).toEqual([]);
    expect(await sqlOf(h)("SELECT * FROM pending_inputs")).toEqual([]);
  });

  it("reaches every subscriber once, in their language, and not the unsubscribed or blocked", async () => {
    const ru = await subscribe(h, 4101, "ru");
    const kk = await subscribe(h, 4102, "kk");
    const leaver = await subscribe(h, 4103, "ru");
    leaver.press(label("ru", "alerts:buttons.unsubscribe"));
    await leaver.waitFor((m) => buttonTexts(m).includes(label("ru", "alerts:buttons.subscribe")), { kinds: ["edit"] });
    const blocker = await subscribe(h, 4104, "kk");
    blocker.block();
    await consentedUser(h, 4105, "ru");

    const admin = h.user(ADMIN, "ru");
    await sendAlert(
      admin,
      "Жаңа схема: «Kaspi қауіпсіздік қызметі» WhatsApp-та бейнеқоңырау шалады.",
      "Новая схема: «служба безопасности Kaspi» звонит по видео в WhatsApp.",
    );
    // Blocking the bot was noticed at once (my_chat_member), so that person is not even tried.
    const sending = await admin.waitFor((m) => m.text.includes(plain("ru", "alerts:admin.sending", { count: 2 })));
    expect(sending.text).toBeTruthy();
    const finished = await admin.waitFor((m) => m.text.startsWith("✅"), { timeoutMs: 60_000 });
    expect(finished.text).toBe(plain("ru", "alerts:admin.finished", { id: 1, sent: 2, failed: 0 }));

    const alertRu = await ru.waitFor((m) => m.text.includes("служба безопасности Kaspi"));
    expect(alertRu.text).toContain(plain("ru", "alerts:message", { text: "" }).trim());
    // The alert is about a scheme of the library: its page is one tap away.
    expect(buttonTexts(alertRu)).toEqual([
      label("ru", "schemes:buttons.more"),
      label("ru", "alerts:buttons.unsubscribe"),
    ]);
    expect(alertsIn(h, 4101, "служба безопасности Kaspi")).toBe(1);
    expect(alertsIn(h, 4102, "Kaspi қауіпсіздік қызметі")).toBe(1);
    expect(alertsIn(h, 4102, "служба безопасности Kaspi")).toBe(0);
    for (const id of [4103, 4104, 4105, 4106]) expect(alertsIn(h, id, "Kaspi")).toBe(0);

    expect(await sqlOf(h)("SELECT user_id, status FROM alert_deliveries ORDER BY user_id")).toEqual([
      { user_id: 4101, status: "sent" },
      { user_id: 4102, status: "sent" },
    ]);
    expect(await sqlOf(h)("SELECT blocked_bot FROM users WHERE id = 4104")).toEqual([{ blocked_bot: 1 }]);
    const [entry] = await sqlOf(h)<{ actor_id: number; actor_role: string; details: string }>(
      "SELECT actor_id, actor_role, details FROM audit_log WHERE action = 'alert.send'",
    );
    expect(entry).toMatchObject({ actor_id: ADMIN, actor_role: "admin" });
    expect(JSON.parse(entry!.details)).toEqual({ alertId: 1, recipients: 2 });

    // One tap under the alert unsubscribes; the next alert skips this person and the one who blocked the bot.
    ru.press(label("ru", "alerts:buttons.unsubscribe"), alertRu);
    const unsubscribed = await ru.waitFor(
      (m) => buttonTexts(m).includes(label("ru", "alerts:buttons.subscribe_again")),
      { kinds: ["edit"] },
    );
    expect(buttonTexts(unsubscribed)).toEqual([
      label("ru", "schemes:buttons.more"),
      label("ru", "alerts:buttons.subscribe_again"),
    ]);
    expect(await sqlOf(h)("SELECT alerts_subscribed FROM users WHERE id = 4101")).toEqual([{ alerts_subscribed: 0 }]);
    await sendAlert(admin, "Екінші ескерту: курьер кодты сұрайды.", "Второе предупреждение: «курьер» просит код.");
    await admin.waitFor((m) => m.text.includes(plain("ru", "alerts:admin.sending", { count: 1 })));
    await kk.waitFor((m) => m.text.includes("Екінші ескерту"));
    await admin.waitFor((m) => m.text.startsWith("✅"), { timeoutMs: 60_000 });
    expect(alertsIn(h, 4101, "Второе предупреждение")).toBe(0);
    expect(alertsIn(h, 4102, "Екінші ескерту")).toBe(1);
    expect(await sqlOf(h)("SELECT user_id FROM alert_deliveries WHERE alert_id = 2")).toEqual([{ user_id: 4102 }]);
  });

  it("links an alert about a new scheme to its library page, in each subscriber's language", async () => {
    const kk = await subscribe(h, 4111, "kk");
    const admin = h.user(ADMIN, "ru");
    admin.command("alert");
    await admin.nextReply();
    admin.send("Абай болыңыз: алаяқтар WhatsApp-та сәлемдеменің суреті деп APK файл жібереді, оны орнатпаңыз.");
    await admin.nextReply();
    admin.send("Осторожно: мошенники рассылают в WhatsApp APK-файлы под видом фото посылки. Не устанавливайте их.");
    const preview = await admin.waitFor((m) => buttonTexts(m).includes(label("ru", "alerts:buttons.send")));
    const scheme = catalog.scheme("malicious_app")!;
    expect(preview.text).toContain(plain("ru", "alerts:admin.linked", { title: scheme.title.ru }));
    admin.press(label("ru", "alerts:buttons.send"));
    const alert = await kk.waitFor((m) => m.text.includes("APK файл жібереді"));
    expect(buttonTexts(alert)).toEqual([
      label("kk", "schemes:buttons.more"),
      label("kk", "alerts:buttons.unsubscribe"),
    ]);
    kk.press(label("kk", "schemes:buttons.more"), alert);
    const page = await kk.waitFor((m) => m.text.includes(scheme.howItGoes.kk));
    expect(page.text).toContain(scheme.title.kk);
    await admin.waitFor((m) => m.text.startsWith("✅"), { timeoutMs: 10_000 });
  });

  it("sends nothing when the admin cancels the preview", async () => {
    const admin = h.user(ADMIN, "ru");
    admin.command("alert");
    await admin.nextReply();
    admin.send("Жоба");
    await admin.nextReply();
    admin.send("Черновик");
    const preview = await admin.waitFor((m) => buttonTexts(m).includes(label("ru", "alerts:buttons.cancel")));
    expect(preview.text).toContain(plain("ru", "alerts:admin.not_linked"));
    admin.press(label("ru", "alerts:buttons.cancel"));
    const done = await admin.nextReply();
    expect(done.text).toBe(plain("ru", "alerts:admin.cancelled"));
    expect(await sqlOf(h)("SELECT status FROM alerts WHERE text_ru = 'Черновик'")).toEqual([{ status: "cancelled" }]);
    expect(
      await sqlOf(h)(
        "SELECT COUNT(*) AS n FROM alert_deliveries WHERE alert_id = (SELECT id FROM alerts WHERE text_ru = 'Черновик')",
      ),
    ).toEqual([{ n: 0 }]);
  });
});

describe("alert delivery across a restart", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ adminIds: [ADMIN] });
    await h.start();
  });
  afterAll(async () => h.close());

  it("resumes where it stopped, paced, and nobody gets the alert twice", async () => {
    const ids = Array.from({ length: 40 }, (_, k) => 5000 + k);
    const insert =
      "INSERT INTO users (id, language, consent_at, alerts_subscribed) VALUES (?, ?, '2026-11-01T00:00:00Z', 1)";
    for (const id of ids) {
      // Through the bot's own connection: another writer beside it waits on its lock.
      await sqlOf(h)(insert, id, id % 2 ? "kk" : "ru");
      // As if each had written to the bot before: Telegram lets a bot write only to people who did.
      h.user(id).chatRecord.known = true;
    }
    const admin = h.user(ADMIN, "ru");
    await sendAlert(admin, "Қайта іске қосу сынағы", "Проверка перезапуска");
    const got = (id: number) => alertsIn(h, id, id % 2 ? "Қайта іске қосу сынағы" : "Проверка перезапуска");
    await expect
      .poll(() => ids.filter((id) => got(id) > 0).length, { timeout: 60_000, interval: 20 })
      .toBeGreaterThan(4);
    await h.stopBot();
    // A message already on its way when the bot stopped still lands (its row was claimed before it was sent).
    await h.emulator.waitIdle({ quietMs: 300, timeoutMs: 60_000 });

    const before = ids.filter((id) => got(id) > 0).length;
    expect(before).toBeLessThan(ids.length);
    // The bot is stopped: read its database directly.
    const [pending] = await rows(h, "SELECT COUNT(*) AS n FROM alert_deliveries WHERE status = 'pending'");
    expect(pending).toEqual({ n: ids.length - before });

    await h.start();
    // A run finds the broadcast lock taken while the reminders job of the start holds it (PostgreSQL): it goes again.
    await expect
      .poll(
        async () => {
          await deliverAlerts(h.app!.deps);
          return ids.filter((id) => got(id) > 0).length;
        },
        { timeout: 60_000, interval: 200 },
      )
      .toBe(ids.length);
    for (const id of ids) expect(got(id)).toBe(1);
    expect(await sqlOf(h)("SELECT status FROM alerts")).toEqual([{ status: "sent" }]);

    // Never more than ALERTS_PER_SECOND alerts in any one second.
    const times = h.emulator
      .callsOf("sendMessage")
      .filter((c) => ids.includes(Number(c.params.chat_id)))
      .map((c) => c.time);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(busiest).toBeLessThanOrEqual(ALERTS_PER_SECOND);
  });
});

describe("alerts and draft reminders at the same time", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ adminIds: [ADMIN + 1] });
    await h.start();
  });
  afterAll(async () => h.close());

  it("share one pace: never more than 25 broadcast messages in any one second, each sent once", async () => {
    const subscribers = Array.from({ length: 40 }, (_, k) => 6000 + k);
    const idle = Array.from({ length: 40 }, (_, k) => 6100 + k);
    const insert =
      "INSERT INTO users (id, language, consent_at, alerts_subscribed) VALUES (?, ?, '2026-11-01T00:00:00Z', ?)";
    const deps = h.app!.deps;
    const twoDaysAgo = new Date(deps.now().getTime() - 48 * 3600_000);
    for (const id of [...subscribers, ...idle]) {
      await sqlOf(h)(insert, id, "ru", subscribers.includes(id) ? 1 : 0);
      h.user(id).chatRecord.known = true;
    }
    // Each idle person left a report unfinished two days ago: a reminder is due.
    for (const id of idle) await createDraft(deps.db, id, "ru", {}, twoDaysAgo);

    await sendAlert(h.user(ADMIN + 1, "ru"), "Бірге жіберу сынағы", "Проверка общего темпа");
    const reminders = remindDrafts(h.app!.bot, deps);
    await expect
      .poll(() => subscribers.filter((id) => alertsIn(h, id, "Проверка общего темпа") === 1).length, {
        timeout: 120_000,
        interval: 50,
      })
      .toBe(subscribers.length);
    expect(await reminders).toBe(idle.length);

    const broadcast = h.emulator
      .callsOf("sendMessage")
      .filter((c) => [...subscribers, ...idle].includes(Number(c.params.chat_id)));
    expect(broadcast).toHaveLength(subscribers.length + idle.length);
    const times = broadcast.map((c) => c.time);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(busiest).toBeLessThanOrEqual(BROADCAST_PER_SECOND);
  });
});

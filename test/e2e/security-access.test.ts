/**
 * Access: every police and admin command, every deep link and forged button data
 * tried by a citizen (with and without consent) and, for the admin-only ones, by
 * a police officer. Not one byte of another person's report reaches someone
 * without the role; nothing changes that only an admin may change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { verifyStartPayload } from "../../src/core/report/signature.js";
import type { UserHandle } from "../emulator/index.js";
import { rows } from "../support/db-reader.js";
import { Harness, nextQuestion } from "../support/harness.js";
import { keysFromSeed } from "../support/keys.js";
import { play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const VICTIM = 9401;
const CITIZEN = 9402;
const STRANGER = 9403;
const POLICE = 9404;
const ADMIN = 9405;
const plain = (html: string) => html.replace(/<\/?[a-z]+[^>]*>/g, "");

/** What the victim's report holds (scenario 1 in Russian): none of it may reach the others. */
const REPORT_CONTENT = [
  "службы безопасности банка",
  "Ерлан",
  "77012345678",
  "701 234 56 78",
  "4400430123456789",
  "4400 4301 2345 6789",
  "Айгүл",
  "KB-2026-1187",
  "450 000",
  "450000",
];

type Attack = { name: string; send: (u: UserHandle) => void; typed?: string[] };

describe("access to reports, police and admin tools", () => {
  let h: Harness;
  let reportId: number;
  let number: string;
  let genuineLink: string;
  const snapshot = async () => ({
    roles: await rows(h, "SELECT id, role FROM users ORDER BY id"),
    invites: await rows(h, "SELECT token_hash FROM invites"),
    catalogs: await rows(h, "SELECT version, active FROM catalog_versions ORDER BY version"),
    alerts: await rows(h, "SELECT id, status FROM alerts"),
    report: await rows(h, "SELECT status, version, updated_at FROM reports WHERE id = ?", reportId),
    versions: await rows(h, "SELECT version FROM report_versions WHERE report_id = ?", reportId),
    steps: await rows(h, "SELECT step FROM report_steps_done WHERE report_id = ?", reportId),
  });

  beforeAll(async () => {
    h = await Harness.create({ adminIds: [ADMIN] });
    await h.start();
    const victim = await consentedUser(h, VICTIM, "ru");
    victim.press(label("ru", "menu:items.report"));
    await nextQuestion(victim);
    const review = await play(victim, scenarios[0]!.script("ru"));
    victim.press(label("ru", "questionnaire:review.submit"), review);
    await victim.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 60_000 });
    await h.emulator.waitIdle();
    const [row] = await rows<{ id: number; number: string }>(
      h,
      "SELECT id, number FROM reports WHERE user_id = ?",
      VICTIM,
    );
    reportId = row!.id;
    number = row!.number;
    genuineLink = verifyStartPayload(number, 1, h.app!.deps.keys);
    const admin = await consentedUser(h, ADMIN, "ru");
    await consentedUser(h, POLICE, "kk");
    admin.command("grant", `${POLICE} police`);
    await admin.nextReply();
    expect(await rows(h, "SELECT role FROM users WHERE id = ?", POLICE)).toEqual([{ role: "police" }]);
  }, 240_000);
  afterAll(async () => h.close());

  const callback = (data: string): Attack => ({ name: `button ${data}`, send: (u) => u.pressData(1, data) });
  const command = (name: string, args = ""): Attack => ({
    name: `/${name} ${args}`.trim(),
    send: (u) => u.command(name, args || undefined),
  });

  /** Police and admin commands and buttons, and report deep links, with the victim's real report id and number. */
  const policeAttacks = (): Attack[] => [
    command("open", number),
    command("open", number.replace("SB-", "")),
    command("reports"),
    command("reports", "2020-01-01..2035-12-31"),
    command("export", "2020-01-01 2035-12-31"),
    command("stats"),
    command("stats", "2020-01-01 2035-12-31"),
    { ...command("lookup", "4400 4301 2345 6789"), typed: ["4400 4301 2345 6789", "4400430123456789"] },
    { ...command("lookup", "+7 701 234 56 78"), typed: ["701 234 56 78", "77012345678"] },
    callback(`pol:o:${reportId}:`),
    callback(`pol:p:${reportId}:ru`),
    callback(`pol:p:${reportId}:kk`),
    callback(`pol:j:${reportId}:`),
    callback(`pol:e:${reportId}:`),
    callback("pls:::::0"),
    callback("pls:20200101:20351231::::0"),
    callback("preg:almaty"),
  ];
  const adminAttacks = (): Attack[] => [
    command("grant", `${CITIZEN} police`),
    command("grant", `${CITIZEN} admin`),
    command("grant", `${POLICE} admin`),
    command("revoke", `${POLICE}`),
    command("revoke", `${ADMIN}`),
    command("invite", "police"),
    command("invite", "admin"),
    command("staff"),
    command("audit"),
    command("audit", "export"),
    command("catalog"),
    command("catalog", "list"),
    command("catalog", "export"),
    command("catalog", "activate 2026.11.1"),
    command("catalog", "rollback 2026.11.1"),
    command("alert"),
    callback("aud:0"),
    callback("audx"),
    callback("adcat:2026.11.1"),
    callback("al:send:1"),
    callback("al:cancel:1"),
    {
      name: "a catalogue YAML upload",
      send: (u) =>
        u.sendDocument({ name: "catalog.yaml", mime: "application/x-yaml", bytes: Buffer.from("version: x\n") }),
    },
  ];
  /** Things anyone can press or open, aimed at someone else's report. */
  const ownerAttacks = (): Attack[] => [
    callback(`pdf:${reportId}:1:ru`),
    callback(`pdf:${reportId}:1:kk`),
    callback(`chk:${reportId}:0:done`),
    callback(`chk:${reportId}:1:next`),
    callback(`mr:open:${reportId}:`),
    callback(`mr:json:${reportId}:`),
    callback(`mr:letters:${reportId}:`),
    callback(`mr:versions:${reportId}:`),
    callback(`mr:version:${reportId}:1`),
    callback(`mr:checklist:${reportId}:`),
    callback(`mr:add:${reportId}:`),
    callback(`ai:transfer:${reportId}`),
    callback(`ai:note:${reportId}`),
    callback("pv:export:"),
    { name: "the QR deep link", send: (u) => u.command("start", genuineLink) },
    {
      name: "a QR link for a newer version",
      send: (u) => u.command("start", verifyStartPayload(number, 2, keysFromSeed("another server"))),
    },
    { name: "a QR link with a forged token", send: (u) => u.command("start", genuineLink.replace(/.{4}$/, "AAAA")) },
    {
      name: "a QR link for another number",
      send: (u) => u.command("start", genuineLink.replace(number, "SB-2026-999999")),
    },
    { name: "/start with the number", send: (u) => u.command("start", number) },
    { name: "/start with the report id", send: (u) => u.command("start", `r_${reportId}`) },
    { name: "an invite that was never made", send: (u) => u.command("start", `inv_${"A".repeat(22)}`) },
    { name: "an empty invite", send: (u) => u.command("start", "inv_") },
  ];

  /** Everything the person received while the attacks ran: texts, toasts and document bytes. */
  async function attack(u: UserHandle, attacks: Attack[]): Promise<{ leaks: string[]; documents: string[] }> {
    const leaks: string[] = [];
    const documents: string[] = [];
    for (const a of attacks) {
      const before = u.messages().length;
      const answersBefore = u.callbackAnswers().length;
      a.send(u);
      await h.settle({ quietMs: 60, timeoutMs: 60_000 });
      const got = [
        ...u
          .messages()
          .slice(before)
          .map((m) => `${m.text}\n${m.file ? m.file.bytes.toString("utf8") : ""}`),
        ...u
          .callbackAnswers()
          .slice(answersBefore)
          .map((x) => x.text ?? ""),
      ].join("\n");
      for (const m of u.messages().slice(before)) if (m.file) documents.push(`${a.name}: ${m.file.file_name}`);
      const own = a.typed ?? [];
      for (const marker of REPORT_CONTENT.filter((x) => !own.includes(x))) {
        if (got.includes(marker)) leaks.push(`${a.name} → "${marker}"`);
      }
      if (got.includes(number) && a.name !== "the QR deep link") leaks.push(`${a.name} → the report number`);
    }
    return { leaks, documents };
  }

  for (const [who, id, lang, consented] of [
    ["a citizen", CITIZEN, "kk", true],
    ["someone who never agreed", STRANGER, "ru", false],
  ] as [string, number, Lang, boolean][]) {
    it(`${who} gets no byte of another person's report from any police or admin command, deep link or forged button (${lang})`, async () => {
      const u = consented ? await consentedUser(h, id, lang) : h.user(id, lang);
      const before = await snapshot();
      const { leaks, documents } = await attack(u, [...policeAttacks(), ...adminAttacks(), ...ownerAttacks()]);
      expect(leaks).toEqual([]);
      // Their own data export is theirs; nothing else is a document.
      // (Known by its name, not by the attack it arrived after: on a loaded machine it can arrive a move late.)
      expect(documents.filter((d) => !/: saqbol-my-data-\d{4}-\d{2}-\d{2}\.json$/.test(d))).toEqual([]);
      expect(await snapshot()).toEqual(before);
      // Each police and admin command got the one plain refusal, in their language.
      const denied = plain(label(lang, "police:denied"));
      const refusals = u.messages().filter((m) => m.text === denied).length;
      const refusedToasts = u.callbackAnswers().filter((a) => a.text === denied).length;
      expect(refusals + refusedToasts).toBeGreaterThanOrEqual(policeAttacks().length + adminAttacks().length - 8);
      expect(h.logs.join("")).not.toContain('"update failed"');
    }, 240_000);
  }

  it("a police officer gets no admin tool, cannot raise their own role and sees no audit log (kk)", async () => {
    const u = h.user(POLICE, "kk");
    const before = await snapshot();
    const start = u.messages().length;
    const { leaks } = await attack(u, adminAttacks());
    expect(leaks).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(await rows(h, "SELECT role FROM users WHERE id = ?", POLICE)).toEqual([{ role: "police" }]);
    const denied = plain(label("kk", "police:denied"));
    const told = u
      .messages()
      .slice(start)
      .filter((m) => m.text === denied).length;
    const toasts = u.callbackAnswers().filter((a) => a.text === denied).length;
    expect(told + toasts).toBeGreaterThanOrEqual(adminAttacks().length - 1);
  }, 240_000);

  it("with the role, the same QR link and button open the report — the test's markers are real", async () => {
    const u = h.user(POLICE, "kk");
    const start = u.messages().length;
    u.command("start", genuineLink);
    await h.settle({ quietMs: 100 });
    u.pressData(1, `pol:j:${reportId}:`);
    await h.settle({ quietMs: 100 });
    const got = u
      .messages()
      .slice(start)
      .map((m) => `${m.text}\n${m.file ? m.file.bytes.toString("utf8") : ""}`)
      .join("\n");
    expect(got).toContain(number);
    expect(got).toContain("4400430123456789");
  });
});

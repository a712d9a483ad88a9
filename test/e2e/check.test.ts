import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import type { Lang } from "../../src/core/model.js";
import { rows } from "../support/db-reader.js";
import { buttonTexts, Harness } from "../support/harness.js";
import { label } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const catalog = loadDefaultCatalog();
const plain = (lang: Lang, key: string) => label(lang, key).replace(/<[^>]+>/g, "");
const { identities, requests, verdict } = catalog.callCheck;
const dangerousFor = (identity: string) => requests.filter((r) => catalog.callCheck.cell(identity, r.id) === "danger");
const labelOf = (id: string, lang: Lang) => identities.find((i) => i.id === id)!.label[lang];
const requestLabel = (id: string, lang: Lang) => requests.find((r) => r.id === id)!.label[lang];

/** Rows in the tables that hold anything about a person. */
async function personalRows(h: Harness): Promise<Record<string, number>> {
  // The audit log also holds the system's own catalogue import: only people's actions count here.
  const tables = ["users", "reports", "pending_inputs", "alert_deliveries", "audit_log"];
  const where = (t: string) => (t === "audit_log" ? " WHERE actor_id IS NOT NULL" : "");
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = (await rows<{ n: number }>(h, `SELECT COUNT(*) AS n FROM ${t}${where(t)}`))[0]!.n;
  return counts;
}

describe("«someone is calling me now»", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(() => h.close());

  const bank = (lang: Lang) => identities.find((i) => i.id === "bank")!.label[lang];

  for (const lang of ["kk", "ru"] as const) {
    it(`says «hang up» at once for every request that is danger from a «bank» caller (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 1001 : 1002, lang);
      for (const request of dangerousFor("bank")) {
        u.command("check");
        const who = await u.waitFor((m) => buttonTexts(m).includes(bank(lang)));
        expect(who.text).toBe(plain(lang, "check:who"));
        u.press(bank(lang));
        await u.waitFor((m) => buttonTexts(m).includes(request.label[lang]));
        u.press(request.label[lang]);
        const answer = await u.waitFor((m) => m.text.includes(verdict.danger.headline[lang]));
        expect(answer.text).toContain(request.why[lang]);
        expect(answer.text).toContain(verdict.danger.next[lang]);
        expect(answer.text).toContain(catalog.scheme("bank_security")!.title[lang]);
        expect(buttonTexts(answer)).toContain(label(lang, "check:buttons.already"));
      }
    });

    it(`answers a «KNB» call where «nothing of this» was asked with «hang up and call back», never «safe» (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 1003 : 1004, lang);
      u.command("menu");
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "menu:items.check")));
      u.press(label(lang, "menu:items.check"));
      await u.waitFor((m) => buttonTexts(m).includes(labelOf("knb", lang)));
      u.press(labelOf("knb", lang));
      const nothing = requestLabel("nothing", lang);
      const asked = await u.waitFor((m) => buttonTexts(m).includes(nothing));
      // Every request the issue found missing is on the list.
      for (const id of [
        "pay_or_transfer",
        "cash_courier",
        "open_link",
        "buy_crypto",
        "criminal_case",
        "move_to_messenger",
      ]) {
        expect(buttonTexts(asked)).toContain(requestLabel(id, lang));
      }
      u.press(nothing);
      const answer = await u.waitFor((m) => m.text.includes(verdict.call_back.headline[lang]));
      expect(answer.text).toContain(identities.find((i) => i.id === "knb")!.note![lang]);
      expect(answer.text).toContain(verdict.call_back.next[lang]);
      expect(answer.text).not.toMatch(/✅|Признаков обмана|белгілері жоқ/);
      expect(buttonTexts(answer)).toContain(label(lang, "check:buttons.already"));
      expect(buttonTexts(answer)).toContain(label(lang, "check:buttons.again"));
    });

    it(`lets a request that does not decide alone be ticked, and decides when a grave one follows (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 1012 : 1013, lang);
      u.command("check");
      await u.waitFor((m) => buttonTexts(m).includes(labelOf("relative_or_friend", lang)));
      u.press(labelOf("relative_or_friend", lang));
      const messenger = requestLabel("move_to_messenger", lang);
      await u.waitFor((m) => buttonTexts(m).includes(messenger));
      u.press(messenger);
      await u.waitFor((m) => buttonTexts(m).includes(`✅ ${messenger}`), { kinds: ["edit"] });
      u.press(label(lang, "check:buttons.end"));
      await u.waitFor((m) => m.text.includes(verdict.call_back.headline[lang]));

      u.command("check");
      await u.waitFor((m) => buttonTexts(m).includes(labelOf("relative_or_friend", lang)));
      u.press(labelOf("relative_or_friend", lang));
      await u.waitFor((m) => buttonTexts(m).includes(messenger));
      u.press(messenger);
      await u.waitFor((m) => buttonTexts(m).includes(`✅ ${messenger}`), { kinds: ["edit"] });
      u.press(requestLabel("cash_courier", lang));
      const grave = await u.waitFor((m) => m.text.includes(verdict.danger.headline[lang]));
      expect(grave.text).toContain(requests.find((r) => r.id === "cash_courier")!.why[lang]);
    });

    it(`recognises a described call and a forwarded message (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 1005 : 1006, lang);
      u.command("check");
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "check:buttons.text")));
      u.press(label(lang, "check:buttons.text"));
      await u.waitFor((m) => m.text === plain(lang, "check:text.prompt"));
      u.send(
        lang === "kk"
          ? "Банктің қауіпсіздік қызметінен хабарласып, SMS-кодты айтуды сұрап жатыр"
          : "Звонят из службы безопасности банка, просят продиктовать код из смс",
      );
      const described = await u.waitFor((m) => m.text.includes(verdict.danger.headline[lang]));
      expect(described.text).toContain(catalog.scheme("bank_security")!.title[lang]);
      expect(described.text).toContain(requests.find((r) => r.id === "code")!.why[lang]);

      u.press(label(lang, "check:buttons.again"));
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "check:buttons.text")));
      u.press(label(lang, "check:buttons.text"));
      await u.nextReply();
      u.forward(
        lang === "kk"
          ? "Сіздің SIM-картаңыздың мерзімі бітіп жатыр, ұзарту үшін SMS-кодты айтыңыз"
          : "Ваша SIM-карта истекает, для продления назовите код из SMS",
      );
      const forwarded = await u.waitFor((m) => m.text.includes(verdict.danger.headline[lang]));
      expect(forwarded.text).toContain(catalog.scheme("gov_or_operator_code")!.title[lang]);
    });

    it(`says it is not sure about a call it cannot place (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 1007 : 1008, lang);
      u.command("check");
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "check:buttons.text")));
      u.press(label(lang, "check:buttons.text"));
      await u.nextReply();
      u.send(lang === "kk" ? "Бір адам қоңырау шалып, үндемей тұр" : "Звонит какой-то человек и молчит в трубку");
      const answer = await u.nextReply();
      expect(answer.text).toContain(label(lang, "check:text.unsure"));
      expect(answer.text).toContain(verdict.call_back.headline[lang]);
      expect(answer.text).not.toContain(verdict.danger.headline[lang]);
      expect(buttonTexts(answer)).toContain(label(lang, "check:buttons.by_buttons"));
    });
  }

  it("stores nothing about the person or the call before consent", async () => {
    expect(await personalRows(h)).toEqual({
      users: 0,
      reports: 0,
      pending_inputs: 0,
      alert_deliveries: 0,
      audit_log: 0,
    });
  });

  it("after consent waits for the description in the database and forgets it once answered", async () => {
    const u = await consentedUser(h, 1010, "ru");
    u.command("check");
    await u.waitFor((m) => buttonTexts(m).includes(label("ru", "check:buttons.text")));
    u.press(label("ru", "check:buttons.text"));
    await u.nextReply();
    expect((await personalRows(h)).pending_inputs).toBe(1);
    u.send(
      "Звонит следователь, говорит что я подозреваемый по делу о финансировании терроризма, никому не рассказывать",
    );
    const answer = await u.waitFor((m) => m.text.includes(verdict.danger.headline.ru));
    expect(answer.text).toContain(catalog.scheme("law_enforcement")!.title.ru);
    expect((await personalRows(h)).pending_inputs).toBe(0);
  });

  it("answers a tampered or outdated button politely and does nothing else", async () => {
    const u = h.user(1011, "ru");
    u.command("check");
    const who = await u.waitFor((m) => m.buttons.length > 0);
    u.pressData(who.message_id, "cc:pick:99:0:1");
    u.pressData(who.message_id, "cc:pick:0:0:99");
    await expect.poll(() => u.callbackAnswers().length).toBe(2);
    expect(u.callbackAnswers().map((a) => a.text)).toEqual([label("ru", "common:stale"), label("ru", "common:stale")]);
  });
});

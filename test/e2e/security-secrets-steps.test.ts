/**
 * Secrets typed where the question does not expect them (issue 15, item 7) are
 * recognised from what the step asks, masked before the update is written to the
 * inbox (so the raw value never reaches the WAL), and the person is told gently:
 * three digits where the last four of the card are asked (a CVV), a code where
 * no digits are asked, a whole card typed with its expiry where a recipient is
 * asked. A recipient's card told in the story stays whole for the police; the
 * person's own is cut. Direction overrides never reach a stored name.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { rows } from "../support/db-reader.js";
import { atNarrative, atStep, draftOf } from "../support/drafts.js";
import { Harness, nextQuestion } from "../support/harness.js";
import { label } from "../support/scenarios.js";

const plain = (html: string) => html.replace(/<\/?[bi]>/g, "");
const latin1 = (s: string) => Buffer.from(s, "utf8").toString("latin1");

describe("secrets typed at steps that do not ask for them", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(async () => h.close());

  /** The database file and its WAL, as bytes: what a copy of the disk would show. */
  const onDisk = () => readFileSync(h.dbPath).toString("latin1") + readFileSync(`${h.dbPath}-wal`).toString("latin1");
  const told = (lang: Lang, id: number) =>
    h.emulator.sentTo(id).some((m) => m.text === plain(label(lang, "common:redacted")));

  for (const [id, lang] of [
    [8601, "ru"],
    [8602, "kk"],
  ] as [number, Lang][]) {
    it(`three digits where the last four of the card are asked are a CVV: masked before the inbox, the person told (${lang})`, async () => {
      const u = await atStep(h, id, lang, "own_card_last4");
      u.send("417");
      await u.waitFor((m) => m.text === plain(label(lang, "common:redacted")), { timeoutMs: 15_000 });
      const again = await nextQuestion(u);
      expect(again.text).toContain(plain(label(lang, "questionnaire:steps.own_card_last4.q")).slice(0, 30));
      await h.emulator.waitIdle({ quietMs: 300 });
      const stored = (
        await rows<{ own_card_last4: string | null }>(h, "SELECT own_card_last4 FROM reports WHERE user_id = ?", id)
      )[0];
      expect(stored?.own_card_last4).toBeNull();
      expect(onDisk()).not.toContain('"text":"417"');
      expect(onDisk()).toContain(latin1('"text":"•••"'));
      // The right answer is still taken.
      u.send("6789");
      await nextQuestion(u);
      expect(await rows(h, "SELECT own_card_last4 FROM reports WHERE user_id = ?", id)).toEqual([
        { own_card_last4: "6789" },
      ]);
    }, 60_000);
  }

  it("a code where a name is asked is masked before the inbox, and the name is asked again", async () => {
    const id = 8603;
    const u = await atStep(h, id, "ru", "contact_name");
    u.send("593184");
    await u.waitFor((m) => m.text === plain(label("ru", "common:redacted")), { timeoutMs: 15_000 });
    await nextQuestion(u);
    await h.emulator.waitIdle({ quietMs: 300 });
    expect(onDisk()).not.toContain("593184");
    const contacts = await rows<{ claimed_name: string | null }>(
      h,
      "SELECT c.claimed_name FROM report_contacts c JOIN reports r ON r.id = c.report_id WHERE r.user_id = ?",
      id,
    );
    expect(contacts.map((c) => c.claimed_name).filter(Boolean)).toEqual([]);
  }, 60_000);

  it("a whole card with its expiry where the recipient is asked is card data: cut and masked before the inbox", async () => {
    const id = 8604;
    const u = await atStep(h, id, "kk", "transfer_recipient");
    u.send("4400430123456789 12/27 Айгүл Б.");
    await u.waitFor((m) => m.text === plain(label("kk", "common:redacted")), { timeoutMs: 15_000 });
    await h.emulator.waitIdle({ quietMs: 300 });
    expect(onDisk()).not.toContain("4400430123456789");
    expect(onDisk()).not.toContain("12/27");
    expect(told("kk", id)).toBe(true);
  }, 60_000);

  it("a recipient's card typed alone where the recipient is asked stays whole, and direction marks are dropped from the name", async () => {
    const id = 8605;
    const u = await atStep(h, id, "ru", "transfer_recipient");
    u.send("4400 4301 2345 6789 Айгүл\u202e Б.\u2069");
    await nextQuestion(u);
    await h.emulator.waitIdle({ quietMs: 300 });
    const [transfer] = await rows<{ recipient_value: string; recipient_name: string }>(
      h,
      "SELECT t.recipient_value, t.recipient_name FROM report_transfers t JOIN reports r ON r.id = t.report_id WHERE r.user_id = ?",
      id,
    );
    expect(transfer?.recipient_value).toBe("4400430123456789");
    expect(transfer?.recipient_name).toBe("Айгүл Б.");
    expect(onDisk()).not.toContain(latin1("\u202e"));
    expect(told("ru", id)).toBe(false);
  }, 60_000);

  it("in the story a recipient's card stays whole for the police and the person's own card is cut", async () => {
    const id = 8606;
    const u = await atNarrative(h, id, "ru");
    u.send(
      "Позвонили из банка. С моей карты 5536 9100 1234 5676 я перевела 150 000 тенге на карту 4400 4301 2345 6789, как сказал «сотрудник».",
    );
    await nextQuestion(u);
    const narrative = (await draftOf(h, id))!.narrative!;
    expect(narrative).toContain("на карту 4400 4301 2345 6789");
    expect(narrative).toContain("С моей карты •••• 5676");
    expect(narrative).toContain("150 000 тенге");
    await h.emulator.waitIdle({ quietMs: 300 });
    expect(onDisk()).not.toContain("5536 9100 1234 5676");
  }, 60_000);
});

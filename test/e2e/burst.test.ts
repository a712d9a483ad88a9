/**
 * Answers are not braked: 300 people sending /start at the same moment to the bot
 * in its own process are all answered, and the answers go out faster than a
 * global limit of ~30 messages a second would ever let them (auto-retry handles
 * Telegram's 429s; only broadcasts are paced). The rate is compared with that
 * limit, not held to a wall-clock bound: `npm run bench` measures the time
 * (burst_300_start_s).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness } from "../support/harness.js";
import { waitStarted } from "../support/kill-switch.js";

const PEOPLE = 300;
/** The global limit the bot had on every reply (transformer-throttler's reservoir). */
const THROTTLED_PER_SECOND = 30;

describe("a burst of people", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
  });
  afterAll(async () => h.close());

  it("answers 300 people who send /start at once, faster than twice a 30-a-second limit", async () => {
    const bot = h.spawnBot({ LOG_LEVEL: "info" });
    await waitStarted(bot, 60_000);
    const people = Array.from({ length: PEOPLE }, (_, i) => h.user(19_300_000 + i, i % 2 ? "kk" : "ru"));
    const answers = people.map((u) => {
      u.command("start");
      // A welcome, then the consent notice with its buttons.
      return u.waitFor((m) => m.buttons.length > 0, { kinds: ["new"], timeoutMs: 120_000 });
    });
    await Promise.all(answers);

    const ids = new Set(people.map((u) => u.chatId));
    const times = h.emulator
      .callsOf("sendMessage")
      .filter((c) => ids.has(Number(c.params.chat_id)))
      .map((c) => c.time);
    expect(times).toHaveLength(2 * PEOPLE);
    const spanS = (Math.max(...times) - Math.min(...times)) / 1000;
    const perSecond = (times.length - 1) / spanS;
    console.info(
      `burst: ${times.length} messages to ${PEOPLE} people in ${spanS.toFixed(2)} s (${perSecond.toFixed(0)} a second)`,
    );
    // Under a 30-a-second limit these messages would take ≥ 20 s; they must go out at least twice as fast.
    expect(perSecond).toBeGreaterThan(2 * THROTTLED_PER_SECOND);
    expect(bot.output.join("")).not.toContain("update failed");
  }, 180_000);
});

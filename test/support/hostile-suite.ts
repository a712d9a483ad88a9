/**
 * One hostile-input e2e file: the whole corpus at the given places, a Russian
 * and a Kazakh speaker at each, in parallel. Afterwards: no crash, no unhandled
 * rejection, no "update failed" in the logs, and not one message the emulator
 * refused (it rejects invalid HTML, over-long texts, unknown chats…).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { hostileCorpus } from "../fixtures/hostile/corpus.js";
import { Harness } from "./harness.js";
import { type CaseResult, HandledWatch, type PlaceName, runCases } from "./hostile.js";

export function hostileSuite(places: PlaceName[], firstId: number): void {
  describe(`hostile input at ${places.join(", ")}`, () => {
    let h: Harness;
    let watch: HandledWatch;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    beforeAll(async () => {
      process.on("unhandledRejection", onRejection);
      h = await Harness.create();
      await h.start();
      watch = new HandledWatch(h.app!.deps.db);
    });
    afterAll(async () => {
      process.off("unhandledRejection", onRejection);
      await h.close();
    });

    const corpus = hostileCorpus();
    let tried = 0;
    places.forEach((place, p) => {
      it(`${place}: each of ${corpus.length} cases gets a clear reply in the person's language or a safe ignore`, async () => {
        const langs: Lang[] = ["ru", "kk"];
        const results: CaseResult[][] = await Promise.all(
          langs.map((lang, k) =>
            runCases(
              h,
              watch,
              place,
              lang,
              firstId + p * 10 + k,
              corpus.filter((_, i) => i % 2 === k),
            ),
          ),
        );
        const all = results.flat();
        tried += all.length;
        const failed = all.filter((r) => r.problems.length > 0);
        expect(failed.map((r) => `${r.place} ${r.lang} ${r.id}: ${r.problems.join("; ")}`)).toEqual([]);
        expect(all).toHaveLength(corpus.length);
      }, 240_000);
    });

    it("nothing crashed, nothing was refused by Telegram", () => {
      const logs = h.logs.join("");
      const failures = logs
        .split("\n")
        .filter((l) => l.includes('"update failed"') || l.includes("update handling failed"));
      expect(failures.map((l) => l.slice(0, 400))).toEqual([]);
      expect(rejections).toEqual([]);
      const refused = h.emulator.calls.filter((c) => c.outcome === "error" && c.error?.error_code === 400);
      expect(refused.map((c) => `${c.method}: ${c.error?.description}`)).toEqual([]);
      console.info(`hostile cases tried at ${places.join(", ")}: ${tried} (${corpus.length} distinct cases)`);
    });
  });
}

/**
 * Recognition measured on labelled stories (test/support/narratives.ts). The tuning sets are the
 * ones the catalogue was written against; the held-out set was written before any tuning and is
 * only ever evaluated here. Every figure is printed, so a catalogue change shows its effect.
 * The sets live in the repository: a missing file fails the test, it never skips.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { SCHEME_IDS } from "../../src/core/model.js";
import {
  classify,
  formatReport,
  HOLDOUT_FILE,
  NONE,
  type Outcome,
  precisionFrom,
  readNarratives,
  summarise,
  TUNING_FILES,
  tuningNarratives,
} from "../support/narratives.js";

const catalog = loadDefaultCatalog();
const NEW_IDS = ["malicious_app", "fake_charity", "crypto_p2p", "mistaken_transfer"];
const all = () => [...tuningNarratives(), ...readNarratives(HOLDOUT_FILE)];

describe("the labelled stories", () => {
  it("are all in the repository", async () => {
    for (const file of [...TUNING_FILES, HOLDOUT_FILE]) expect(existsSync(file), file).toBe(true);
  });

  it("cover every scheme id, each new one with at least 15 stories, and 40 that are no fraud, half in Kazakh", async () => {
    const stories = all();
    const count = (id: string) => stories.filter((n) => n.expect === id).length;
    for (const id of SCHEME_IDS) expect(count(id), id).toBeGreaterThan(0);
    for (const id of NEW_IDS) expect(count(id), id).toBeGreaterThanOrEqual(15);
    const none = stories.filter((n) => n.expect === NONE);
    expect(none.length).toBeGreaterThanOrEqual(40);
    expect(none.filter((n) => n.lang === "kk").length).toBeGreaterThanOrEqual(none.length / 2);
    for (const n of stories) expect([...SCHEME_IDS, NONE], n.id).toContain(n.expect);
    expect(new Set(stories.map((n) => n.id)).size).toBe(stories.length);
  });

  it("keeps the held-out stories apart from every tuning set", async () => {
    const tuning = new Set(tuningNarratives().map((n) => n.text));
    for (const n of readNarratives(HOLDOUT_FILE)) expect(tuning.has(n.text), n.id).toBe(false);
  });
});

describe("recognition on the tuning sets", () => {
  it.each(TUNING_FILES)("names the right scheme, or none, for at least 90 percent of %s", (file) => {
    const outcomes = classify(catalog, readNarratives(file));
    console.log(formatReport(file, outcomes));
    const s = summarise(outcomes);
    expect(s.top1).toBeGreaterThanOrEqual(0.9);
    expect(s.noneKept).toBeGreaterThanOrEqual(0.9);
  });
});

describe("recognition on the held-out set", () => {
  let cached: Outcome[] | undefined;
  const heldOut = () => (cached ??= classify(catalog, readNarratives(HOLDOUT_FILE)));

  it("names the right scheme first for at least 95 percent of the fraud stories and none for 90 percent of the rest", async () => {
    console.log(formatReport(`held-out ${HOLDOUT_FILE}`, heldOut()));
    const s = summarise(heldOut());
    expect(s.fraud).toBeGreaterThanOrEqual(80);
    expect(s.none).toBeGreaterThanOrEqual(20);
    expect(s.top1).toBeGreaterThanOrEqual(0.95);
    expect(s.noneKept).toBeGreaterThanOrEqual(0.9);
  });

  it("is right at least 95 times in 100 when the score is 0.8 or more", async () => {
    const high = precisionFrom(heldOut(), 0.8);
    expect(high.named).toBeGreaterThan(0);
    expect(high.right / high.named).toBeGreaterThanOrEqual(0.95);
  });
});

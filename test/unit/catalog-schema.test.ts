import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { catalogProblems as problemsOf } from "../support/catalog-problems.js";

describe("catalogue validation", () => {
  it("names the place of a missing language", async () => {
    expect(problemsOf((d) => delete d.schemes[3].summary.kk)).toContain("schemes[3].summary.kk: missing");
  });

  it("names the place of an empty text", async () => {
    expect(problemsOf((d) => (d.schemes[2].red_flags[1].ru = "  "))).toContain("schemes[2].red_flags[1].ru: empty");
    expect(problemsOf((d) => (d.actions.block_card.text.kk = ""))).toContain("actions.block_card.text.kk: empty");
  });

  it("rejects unknown identity, channel, technique, answer, action and contact ids", async () => {
    const problems = problemsOf((d) => {
      d.schemes[0].signals.identities.banker = 0.5;
      d.schemes[0].signals.channels.pigeon = 0.5;
      d.schemes[1].signals.techniques.magic = 0.5;
      d.schemes[1].signals.answers["codesShared:pigeon"] = 0.5;
      d.schemes[4].urgent_steps.push("pray");
      d.actions.call_102.contact = "batman";
      d.call_check.identities[0].id = "alien";
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "schemes[0].signals.identities.banker: unknown identity id",
        "schemes[0].signals.channels.pigeon: unknown channel id",
        "schemes[1].signals.techniques.magic: unknown technique id",
        'schemes[1].signals.answers["codesShared:pigeon"]: unknown answer id',
        'schemes[4].urgent_steps[4]: unknown action "pray"',
        'actions.call_102.contact: unknown contact "batman"',
        'call_check.identities[0].id: unknown identity "alien"',
      ]),
    );
  });

  it("rejects a duplicate scheme id and a missing built-in scheme", async () => {
    expect(problemsOf((d) => (d.schemes[5].id = "bank_security"))).toEqual(
      expect.arrayContaining([
        'schemes[5].id: duplicate scheme id "bank_security" (also schemes[0])',
        'schemes: built-in scheme "investment" is missing',
      ]),
    );
  });

  it("accepts a new scheme with any lowercase id", async () => {
    const problems = problemsOf((d) => d.schemes.push({ ...structuredClone(d.schemes[0]), id: "qr_parking_fine" }));
    expect(problems).toEqual([]);
    expect(problemsOf((d) => d.schemes.push({ ...structuredClone(d.schemes[0]), id: "Parking Fine" }))).toContain(
      "schemes[18].id: must be a lowercase id (a-z, 0-9, _)",
    );
  });

  it("takes everyday phrases only as weights against the schemes, and an older document without them", async () => {
    expect(
      problemsOf((d) => {
        d.everyday.phrases.ru["забыл* пин*"] = 0.4;
        d.everyday.phrases.kk["ал*"] = -0.5;
      }),
    ).toEqual([
      'everyday.phrases.kk["ал*"]: bad pattern: "ал*" is too short to match (at least 3 letters)',
      'everyday.phrases.ru["забыл* пин*"]: must be below 0 (it weighs against every scheme)',
    ]);
    expect(problemsOf((d) => delete d.everyday)).toEqual([]);
  });

  it("rejects a bad pattern, naming the pattern", async () => {
    const problems = problemsOf((d) => {
      d.schemes[0].signals.phrases.ru["код $мс"] = 0.5;
      d.techniques.cvv_disclosed.phrases.kk["ал*"] = 0.5;
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'schemes[0].signals.phrases.ru["код $мс"]: bad pattern: unexpected character "$"',
        'techniques.cvv_disclosed.phrases.kk["ал*"]: bad pattern: "ал*" is too short to match (at least 3 letters)',
      ]),
    );
  });

  it("rejects a weight outside -1..1 and a missing technique or required action", async () => {
    expect(problemsOf((d) => (d.schemes[0].signals.identities.bank = 3))).toEqual([
      "schemes[0].signals.identities.bank: must be between -1 and 1",
    ]);
    const problems = problemsOf((d) => {
      delete d.techniques.crypto_purchased;
      delete d.actions.egov_stop_credit;
      delete d.contacts.police;
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'techniques: technique "crypto_purchased" is missing',
        'actions: action "egov_stop_credit" is missing',
        'contacts: contact "police" is missing',
      ]),
    );
  });

  it("checks governance fields, contacts and triage bands", async () => {
    const problems = problemsOf((d) => {
      d.version = 2026.11;
      d.reviewed = "yesterday";
      d.status = "live";
      d.schemes[0].colour = "red";
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'version: must be text in quotes, e.g. "2026.11.1"',
        "reviewed: must be a date (YYYY-MM-DD)",
        "status: must be active or draft",
        'schemes[0]: unknown field "colour"',
      ]),
    );
    const second = problemsOf((d) => {
      delete d.contacts.kaspi.phone;
      d.triage[1].until_hours = 2;
      d.triage[3].until_hours = 500;
    });
    expect(second).toEqual(
      expect.arrayContaining([
        "contacts.kaspi: needs a phone or a url",
        "triage[1].until_hours: must be larger than the band before",
        "triage[3].until_hours: the last band must be null (no upper limit)",
      ]),
    );
  });

  it("reports YAML syntax errors with a line number", async () => {
    const result = loadCatalog("version: '1'\nschemes: [\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^yaml line \d+: /);
    const duplicate = loadCatalog("version: '1'\nversion: '2'\n");
    expect(duplicate.ok ? "" : duplicate.problems[0]).toMatch(/unique/);
  });
});

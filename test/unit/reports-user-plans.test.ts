/**
 * A person's own lookups (their draft, their submitted reports) must read their
 * rows only. With an index on (user_id, status) alone, SQLite preferred the
 * (status, updated_at) index to save a sort and walked every draft of every
 * person: ~2 ms a /report with 10,000 drafts kept. The plans are checked, not
 * the time (no stats: SQLite plans the same on an empty table as on a full one).
 */
import { describe, expect, it } from "vitest";
import {
  activeDraftId,
  createDraft,
  deactivateDrafts,
  findDraft,
  lastSubmittedFromQuestionnaire,
} from "../../src/db/drafts.js";
import { sqliteConnection } from "../../src/db/sqlite-engine.js";
import { hasSubmittedReport, submittedReportsOf } from "../../src/db/user-reports.js";
import { recordConsent } from "../../src/db/users.js";
import { openTestDatabase, TEST_ENGINE } from "../support/database.js";

describe.runIf(TEST_ENGINE === "sqlite")(
  "a person's own reports are found by their id, not by walking everyone's",
  () => {
    it("every statement filtering reports by user_id searches an index led by user_id", async () => {
      const t = await openTestDatabase();
      try {
        const connection = sqliteConnection(t.db)!;
        const seen: string[] = [];
        const prepare = connection.prepare.bind(connection);
        // The engine compiles each text once, on its first use in this fresh database.
        connection.prepare = ((text: string) => {
          seen.push(text);
          return prepare(text);
        }) as typeof connection.prepare;

        await recordConsent(t.db, 7, "ru");
        await createDraft(t.db, 7, "ru", {});
        await findDraft(t.db, 7);
        await activeDraftId(t.db, 7);
        await deactivateDrafts(t.db, 7);
        await lastSubmittedFromQuestionnaire(t.db, 7);
        await submittedReportsOf(t.db, 7);
        await hasSubmittedReport(t.db, 7);

        const byUser = seen.filter((text) => text.includes('"reports"."user_id" = ?'));
        expect(byUser.length).toBeGreaterThanOrEqual(6);
        for (const text of byUser) {
          const params = Array.from(text.matchAll(/\?/g), () => 1);
          const plan = (prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[])
            .map((row) => row.detail)
            .filter((detail) => / reports /.test(detail));
          expect(plan, text).not.toHaveLength(0);
          for (const detail of plan)
            expect(detail, text).toMatch(/USING (COVERING )?INDEX reports_user_\w+ \(user_id=\?/);
        }
      } finally {
        await t.close();
      }
    });
  },
);

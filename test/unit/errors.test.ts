/**
 * Errors are logged with their message and cause whatever shape they arrive in
 * (the conversations plugin hands back what a step threw as a plain object), and
 * a write the database refused is told apart from other errors.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { describeError, isStorageFailure } from "../../src/errors.js";

describe("describeError", () => {
  it("an Error keeps its message, code and causes", () => {
    const inner = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    const outer = new Error("saving the answer failed", { cause: inner });
    expect(describeError(outer)).toMatchObject({
      message: "saving the answer failed",
      cause: { message: "database or disk is full", code: "SQLITE_FULL" },
    });
  });

  it("a plain object (an error that lost its class) is described by its fields, never [object Object]", () => {
    const plain = JSON.parse(JSON.stringify({ message: "SQLITE_FULL: database or disk is full", code: "SQLITE_FULL" }));
    expect(describeError(plain)).toMatchObject({
      message: "SQLITE_FULL: database or disk is full",
      code: "SQLITE_FULL",
    });
    expect(describeError({ reason: 42 }).message).toBe('{"reason":42}');
    expect(describeError("boom").message).toBe("boom");
    expect(describeError(undefined).message).toBe("undefined");
  });
});

describe("isStorageFailure", () => {
  it("knows SQLite's refusals to write, as errors or as the objects they become", () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (x)");
    db.pragma("query_only = 1");
    let refused: unknown;
    try {
      db.exec("INSERT INTO t VALUES (1)");
    } catch (error) {
      refused = error;
    }
    expect(isStorageFailure(refused)).toBe(true);
    expect(isStorageFailure(JSON.parse(JSON.stringify({ message: "database or disk is full" })))).toBe(true);
    expect(isStorageFailure(new Error("x", { cause: { code: "SQLITE_IOERR_WRITE", message: "disk I/O error" } }))).toBe(
      true,
    );
    expect(isStorageFailure(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(
      isStorageFailure(Object.assign(new Error("UNIQUE constraint failed"), { code: "SQLITE_CONSTRAINT_UNIQUE" })),
    ).toBe(false);
  });
});

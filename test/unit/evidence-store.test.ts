import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Evidence } from "../../src/core/report/answers.js";
import {
  deleteEvidence,
  type FileSource,
  keepEvidence,
  readEvidence,
  sniffType,
} from "../../src/services/evidence-store.js";

const dir = mkdtempSync(join(tmpdir(), "saqbol-evidence-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Bot API that serves `bytes` for any file: the download is a data: URL. */
const source = (bytes: Buffer): FileSource => ({
  getFile: async () => ({ file_path: "photos/file_1.jpg", file_size: bytes.length }),
  downloadUrl: () => `data:application/octet-stream;base64,${bytes.toString("base64")}`,
});
const photo: Evidence = { fileId: "AgAC", fileUniqueId: "AQAD", kind: "photo", receivedAt: "2026-11-25T12:00:00.000Z" };
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);

describe("evidence storage", () => {
  it("records the SHA-256, the real size and the type read from the bytes, and stores a 0600 copy", async () => {
    const kept = await keepEvidence(source(jpeg), { dir, maxBytes: 10_000 }, 7, photo);
    expect(kept).toMatchObject({
      sha256: createHash("sha256").update(jpeg).digest("hex"),
      size: jpeg.length,
      mime: "image/jpeg",
      stored: true,
    });
    expect(kept.sha256).toMatch(/^[0-9a-f]{64}$/);
    const copy = join(dir, "7", kept.sha256!);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(await readEvidence({ dir, maxBytes: 10_000 }, 7, kept)).toEqual(jpeg);
  });

  it("keeps a file larger than the cap by its Telegram id only, copying nothing", async () => {
    const kept = await keepEvidence(source(jpeg), { dir, maxBytes: 1000 }, 8, photo);
    expect(kept).toEqual(photo);
    expect(readdirSync(dir)).not.toContain("8");
  });

  it("deletes the copies of the given reports", async () => {
    await keepEvidence(source(jpeg), { dir, maxBytes: 10_000 }, 9, photo);
    await deleteEvidence({ dir, maxBytes: 10_000 }, [7, 9]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ["%PDF-1.7", "application/pdf"],
    ["\x89PNG\r\n", "image/png"],
    ["OggS\0\0", "audio/ogg"],
    ["\0\0\0\x18ftypmp42", "video/mp4"],
    ["RIFF\0\0\0\0WEBP", "image/webp"],
    ["hello", undefined],
  ])("reads the type of %j", (head, type) => {
    expect(sniffType(Buffer.from(head, "latin1"))).toBe(type);
  });
});

import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CHECKPOINT_FOLDER,
  type Checkpoint,
  checkpointPath,
  readCheckpoint,
  writeCheckpoint,
} from "../../../../../pipeline/stages/ingest/upload";
import { CheckpointWriter } from "../../../../../pipeline/stages/ingest/upload/checkpoint";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-checkpoint-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const base: Omit<Checkpoint, "parts"> = {
  version: 1,
  bucket: "horror-lake",
  key: "Raw/Local/CSV/Movies/2026/11/25/movies.csv",
  uploadId: "2~abc",
  partSize: 8 * 1024 * 1024,
  size: 180_000_118,
  sha256: "f".repeat(64),
  startedAt: "2026-11-25T20:00:00.000Z",
};

describe("upload checkpoints", () => {
  it("live in .lakebook/ingest-uploads/, one file per bucket and key", () => {
    const file = checkpointPath(dir, "horror-lake", base.key);
    expect(path.dirname(file)).toBe(path.join(dir, CHECKPOINT_FOLDER));
    expect(path.basename(file)).toMatch(/^[0-9a-f]{24}\.json$/);
    expect(checkpointPath(dir, "horror-lake", base.key)).toBe(file);
    expect(checkpointPath(dir, "other-lake", base.key)).not.toBe(file);
    expect(checkpointPath(dir, "horror-lake", `${base.key}.bak`)).not.toBe(file);
  });

  it("round-trip, parts sorted, with no temp file left", async () => {
    const file = checkpointPath(dir, base.bucket, base.key);
    const checkpoint: Checkpoint = {
      ...base,
      parts: [
        { partNumber: 2, etag: "b".repeat(32), size: base.partSize },
        { partNumber: 1, etag: "a".repeat(32), size: base.partSize },
      ],
    };
    await writeCheckpoint(file, checkpoint);
    expect(await readCheckpoint(file)).toEqual({
      ...checkpoint,
      parts: [checkpoint.parts[1], checkpoint.parts[0]],
    });
    expect(await readdir(path.dirname(file))).toEqual([path.basename(file)]);
    expect(await readFile(file, "utf8")).not.toMatch(/secret|AKIA/i);
  });

  it("read as missing when absent, not JSON, or of another shape: the upload then starts over", async () => {
    const file = path.join(dir, "c.json");
    expect(await readCheckpoint(file)).toBeUndefined();
    await writeFile(file, "{ half a");
    expect(await readCheckpoint(file)).toBeUndefined();
    await writeFile(file, JSON.stringify({ ...base, version: 2, parts: [] }));
    expect(await readCheckpoint(file)).toBeUndefined();
    await writeFile(file, JSON.stringify({ ...base, parts: [{ partNumber: 0, etag: "x", size: 1 }] }));
    expect(await readCheckpoint(file)).toBeUndefined();
  });

  it("record parts finishing out of order, one write at a time, all of them kept", async () => {
    const file = checkpointPath(dir, base.bucket, base.key);
    const writer = new CheckpointWriter(file, base, [{ partNumber: 1, etag: "1", size: 1 }]);
    await Promise.all([5, 3, 2, 4].map((n) => writer.record({ partNumber: n, etag: String(n), size: 1 })));
    await writer.flushed();
    expect((await readCheckpoint(file))?.parts.map((p) => p.partNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(writer.stored.map((p) => p.partNumber)).toEqual([1, 2, 3, 4, 5]);
  });
});

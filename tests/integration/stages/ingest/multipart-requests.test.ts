import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LakebookError } from "../../../../pipeline/contract";
import { S3Store } from "../../../../pipeline/lake";
import { findSourceFile, ingestCsvFiles, type S3UploadTuning } from "../../../../pipeline/stages/ingest";
import {
  checkpointPath,
  multipartEtag,
  partRanges,
  readCheckpoint,
  writeCheckpoint,
} from "../../../../pipeline/stages/ingest/upload";
import { EXAMPLE_CREDENTIALS, EXAMPLE_KEY_ID, EXAMPLE_SECRET } from "../../../helpers/example-aws-keys";
import { type FakeS3, startFakeS3 } from "../../../helpers/fake-s3";
import { type IngestBench, ingestBench, moviesCsv } from "./helpers";

/**
 * The multipart calls s3rver lacks, against a fake S3 that records every request: resuming with
 * ListParts, starting over when the upload is gone, clearing stale uploads, retrying throttling.
 */
let fake: FakeS3;
let bench: IngestBench;
let client: S3Client;
let bytes: Buffer;
let delays: number[];

const KEY = "Raw/Local/CSV/Movies/2026/11/25/movies.csv";
const PART = 128 * 1024;
const SECRET = EXAMPLE_SECRET;

beforeEach(async () => {
  // 128 KiB parts keep these files small; the fake enforces S3's 5 MiB minimum unless lowered.
  fake = await startFakeS3({ minPartSize: PART });
  bench = await ingestBench();
  // One attempt per SDK call: the retries seen here are Lakebook's own policy.
  client = new S3Client({
    endpoint: fake.endpoint,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: { accessKeyId: EXAMPLE_KEY_ID, secretAccessKey: SECRET },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 1,
  });
  bytes = await readFile(await bench.writeFile("data/movies.csv", moviesCsv(2000)));
  delays = [];
});
afterEach(async () => {
  client.destroy();
  await fake.stop();
  await bench.close();
});

const stateDir = () => path.join(bench.dir, ".lakebook");
const checkpointFile = () => checkpointPath(stateDir(), fake.bucket, KEY);
const total = () => partRanges(bytes.length, PART).length;
const slice = (n: number) => bytes.subarray((n - 1) * PART, n * PART);
const md5 = (data: Uint8Array) => createHash("md5").update(data).digest();
const sha256 = createHash("sha256");

async function ingest(tuning: S3UploadTuning = {}) {
  const store = new S3Store({ bucket: fake.bucket, client });
  const file = await findSourceFile(bench.dir, "data/movies.csv");
  return ingestCsvFiles({
    files: [file],
    date: { year: 2026, month: 11, day: 25 },
    store,
    stateDir: stateDir(),
    tuning: {
      partSize: PART,
      concurrency: 1,
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
      ...tuning,
    },
    log: (level, text) => bench.logs.push(`${level}: ${text}`),
  });
}

async function checkpointFor(uploadId: string, parts: number[]) {
  await writeCheckpoint(checkpointFile(), {
    version: 1,
    bucket: fake.bucket,
    key: KEY,
    uploadId,
    partSize: PART,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    startedAt: new Date().toISOString(),
    parts: parts.map((n) => ({ partNumber: n, etag: md5(slice(n)).toString("hex"), size: slice(n).length })),
  });
}

const partNumbers = () =>
  fake.requests.filter((r) => r.op === "UploadPart").map((r) => Number(r.query.partNumber));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("multipart requests, exactly", () => {
  it("uploads in parts with Content-MD5 and sha256 metadata, and verifies the AWS multipart ETag", async () => {
    const [result] = await ingest();
    expect(fake.ops()).toEqual([
      "HeadObject",
      "CreateMultipartUpload",
      "ListMultipartUploads",
      ...range(1, total()).map(() => "UploadPart"),
      "CompleteMultipartUpload",
      "HeadObject",
    ]);
    const create = fake.requests.find((r) => r.op === "CreateMultipartUpload");
    expect(create?.headers).toMatchObject({
      "content-type": "text/csv; charset=utf-8",
      "x-amz-meta-sha256": sha256.copy().update(bytes).digest("hex"),
    });
    expect(fake.requests.find((r) => r.op === "ListMultipartUploads")?.query).toEqual({
      uploads: "",
      prefix: KEY,
    });
    const first = fake.requests.find((r) => r.op === "UploadPart");
    expect(first?.headers["content-md5"]).toBe(md5(slice(1)).toString("base64"));
    expect(first?.query).toMatchObject({ partNumber: "1", uploadId: expect.any(String) });
    const etag = multipartEtag(range(1, total()).map((n) => md5(slice(n))));
    expect(fake.objects.get(KEY)?.etag).toBe(etag);
    expect(result?.stored.verified).toBe(`size and multipart ETag (MD5 of the ${total()} part MD5s)`);
    expect(Buffer.compare(fake.objects.get(KEY)?.body ?? Buffer.alloc(0), bytes)).toBe(0);
  });

  it("resumes a checkpointed upload: ListParts confirms the stored parts, only the rest are sent", async () => {
    const uploadId = fake.addUpload(KEY, [slice(1), slice(2), slice(3)]);
    // The checkpoint says 1-3, but S3 lost part 3's bytes for another: only 1 and 2 count.
    fake.uploads.get(uploadId)?.parts.set(3, Buffer.from("not part three"));
    await checkpointFor(uploadId, [1, 2, 3]);
    const [result] = await ingest();
    const listParts = fake.requests.find((r) => r.op === "ListParts");
    expect(listParts).toMatchObject({ method: "GET", key: KEY, query: { uploadId } });
    expect(fake.ops().slice(0, 3)).toEqual(["HeadObject", "ListParts", "ListMultipartUploads"]);
    expect(fake.ops()).not.toContain("CreateMultipartUpload");
    expect(partNumbers()).toEqual(range(3, total()));
    expect(
      fake.requests.filter((r) => r.op === "UploadPart").every((r) => r.query.uploadId === uploadId),
    ).toBe(true);
    expect(result?.stored).toMatchObject({ resumedParts: 2, sentParts: total() - 2 });
    expect(Buffer.compare(fake.objects.get(KEY)?.body ?? Buffer.alloc(0), bytes)).toBe(0);
    expect(await readCheckpoint(checkpointFile())).toBeUndefined();
  });

  it("starts over when the checkpointed upload is gone from S3 (NoSuchUpload)", async () => {
    await checkpointFor("expired-upload-id", [1, 2]);
    await ingest();
    expect(fake.ops().slice(0, 4)).toEqual([
      "HeadObject",
      "ListParts",
      "CreateMultipartUpload",
      "ListMultipartUploads",
    ]);
    expect(partNumbers()).toEqual(range(1, total()));
    expect(bench.logs.some((line) => line.includes("no longer exists in S3"))).toBe(true);
  });

  it("aborts the stale uploads of this exact key and no others", async () => {
    const staleA = fake.addUpload(KEY, [slice(1)]);
    const staleB = fake.addUpload(KEY);
    const other = fake.addUpload(`${KEY}.bak`);
    await ingest();
    const aborted = fake.requests.filter((r) => r.op === "AbortMultipartUpload");
    expect(aborted.map((r) => ({ method: r.method, key: r.key, uploadId: r.query.uploadId }))).toEqual([
      { method: "DELETE", key: KEY, uploadId: staleA },
      { method: "DELETE", key: KEY, uploadId: staleB },
    ]);
    expect([...fake.uploads.keys()]).toEqual([other]);
    expect(bench.logs).toContain(
      `info: Aborted 2 unfinished multipart uploads of ${KEY} left by earlier runs.`,
    );
  });

  it("aborts the upload of a checkpoint for other bytes (the file changed) and starts a new one", async () => {
    const uploadId = fake.addUpload(KEY, [Buffer.from("old bytes")]);
    await checkpointFor(uploadId, [1]);
    const saved = await readCheckpoint(checkpointFile());
    await writeCheckpoint(checkpointFile(), {
      ...(saved as NonNullable<typeof saved>),
      sha256: "0".repeat(64),
    });
    await ingest();
    expect(fake.ops().slice(0, 3)).toEqual(["HeadObject", "AbortMultipartUpload", "CreateMultipartUpload"]);
    expect(fake.requests[1]).toMatchObject({
      method: "DELETE",
      key: KEY,
      query: { uploadId, "x-id": "AbortMultipartUpload" },
    });
    expect(partNumbers()).toEqual(range(1, total()));
  });

  it("retries throttling and 5xx with growing, jittered waits", async () => {
    fake.failNext("UploadPart", 503, "SlowDown", 2);
    fake.failNext("CompleteMultipartUpload", 500, "InternalError");
    const [result] = await ingest();
    expect(result?.stored.alreadyIngested).toBe(false);
    expect(partNumbers().slice(0, 3)).toEqual([1, 1, 1]);
    // random() = 0.5: half the cap; throttling caps at 1 s then 2 s, a 5xx at 250 ms.
    expect(delays).toEqual([500, 1000, 125]);
    expect(
      bench.logs.filter((line) => line.startsWith("warn: S3 asked to slow down on part 1")),
    ).toHaveLength(2);
    expect(Buffer.compare(fake.objects.get(KEY)?.body ?? Buffer.alloc(0), bytes)).toBe(0);
  });

  it("gives up after the policy's attempts, keeps the checkpoint, and says how to resume, without secrets", async () => {
    fake.failNext("UploadPart", 503, "SlowDown", 10);
    await ingest({ retry: { maxAttempts: 3 }, concurrency: 1 }).then(
      () => expect.unreachable(),
      async (error: unknown) => {
        expect(error).toBeInstanceOf(LakebookError);
        const failure = error as LakebookError;
        expect(failure).toMatchObject({ code: "S3_ERROR", retryable: true });
        expect(failure.hint).toContain(
          `0 of ${total()} parts are stored in S3; run the ingest again to resume`,
        );
        expect(JSON.stringify(failure.toJSON())).not.toMatch(EXAMPLE_CREDENTIALS);
      },
    );
    expect(partNumbers()).toEqual([1, 1, 1]);
    expect((await readCheckpoint(checkpointFile()))?.uploadId).toBe([...fake.uploads.keys()][0]);
    expect(bench.logs.join("\n")).not.toMatch(EXAMPLE_CREDENTIALS);
  });

  it("sees that a multipart object already holds these bytes and sends nothing", async () => {
    await ingest();
    const before = fake.requests.length;
    const [again] = await ingest();
    expect(again?.stored.alreadyIngested).toBe(true);
    expect(fake.requests.slice(before).map((r) => r.op)).toEqual(["HeadObject"]);
  });
});

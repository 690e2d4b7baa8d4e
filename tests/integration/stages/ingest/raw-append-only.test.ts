import { createHash } from "node:crypto";
import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LakebookError } from "../../../../pipeline/contract";
import { S3Store } from "../../../../pipeline/lake";
import { findSourceFile, ingestCsvFiles } from "../../../../pipeline/stages/ingest";
import { checkpointPath, readCheckpoint } from "../../../../pipeline/stages/ingest/upload";
import { EXAMPLE_KEY_ID, EXAMPLE_SECRET } from "../../../helpers/example-aws-keys";
import { type FakeS3, type FakeS3Options, startFakeS3 } from "../../../helpers/fake-s3";
import { type IngestBench, ingestBench, moviesCsv } from "./helpers";

/**
 * What lands in RAW on S3 is proven whatever the bucket's encryption, and RAW is append-only: a
 * key that holds other bytes is never overwritten, and a failed check never removes what this run
 * did not write. Against the fake S3, which answers conditional writes and encrypted buckets as S3.
 */
let fake: FakeS3;
let bench: IngestBench;
let client: S3Client;

const KEY = "Raw/Local/CSV/Movies/2026/11/25/movies.csv";
const PART = 128 * 1024;
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

async function start(options: FakeS3Options = {}) {
  // 128 KiB parts keep these files small; the fake enforces S3's 5 MiB minimum unless lowered.
  fake = await startFakeS3({ minPartSize: PART, ...options });
  client = new S3Client({
    endpoint: fake.endpoint,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: { accessKeyId: EXAMPLE_KEY_ID, secretAccessKey: EXAMPLE_SECRET },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 1,
  });
}

beforeEach(async () => {
  bench = await ingestBench();
});
afterEach(async () => {
  client?.destroy();
  await fake?.stop();
  await bench.close();
});

async function ingest(csv: string) {
  await bench.writeFile("data/movies.csv", csv);
  const file = await findSourceFile(bench.dir, "data/movies.csv");
  return ingestCsvFiles({
    files: [file],
    date: { year: 2026, month: 11, day: 25 },
    store: new S3Store({ bucket: fake.bucket, client }),
    stateDir: path.join(bench.dir, ".lakebook"),
    tuning: {
      partSize: PART,
      concurrency: 1,
      retry: { maxAttempts: 2, baseDelayMs: 1, throttleBaseDelayMs: 1, maxDelayMs: 2 },
    },
    log: (level, text) => bench.logs.push(`${level}: ${text}`),
  });
}

async function failure(promise: Promise<unknown>): Promise<LakebookError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LakebookError);
  return error as LakebookError;
}

/** Runs `act` when the client is about to send `command` (before it leaves). */
function beforeSending(command: string, act: () => void) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === command) act();
      return next(args);
    },
    { step: "initialize" },
  );
}

/** Runs `act` once S3 has answered `command`. */
function afterSending(command: string, act: () => void) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === command) act();
      return result;
    },
    { step: "initialize" },
  );
}

const big = () => moviesCsv(3000); // ~1.3 MB: eleven 128 KiB parts
const small = () => moviesCsv(20);

describe("verifying what landed, whatever the bucket's encryption", () => {
  // S3 API reference, Object.ETag: objects encrypted with SSE-C or SSE-KMS have ETags that are not an
  // MD5 digest of their data, and a multipart object's never is
  // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html); DSSE-KMS is KMS encryption too.
  for (const encryption of ["aws:kms", "aws:kms:dsse"] as const) {
    it(`stores a multipart file in a ${encryption} bucket and proves it by reading it back`, async () => {
      await start({ encryption });
      const csv = big();
      const [result] = await ingest(csv);
      expect(result?.stored.sentParts).toBeGreaterThan(1);
      expect(result?.stored.verified).toMatch(/SHA-256 of the stored object, read back/);
      expect(fake.objects.get(KEY)?.body.toString("utf8")).toBe(csv);
      expect(fake.ops()).not.toContain("DeleteObject");
    });

    it(`stores a small file in one PutObject in a ${encryption} bucket and proves it`, async () => {
      await start({ encryption });
      const csv = small();
      const [result] = await ingest(csv);
      expect(result?.stored.verified).toMatch(/read back/);
      expect(fake.objects.get(KEY)?.body.toString("utf8")).toBe(csv);
    });
  }

  it("catches an encrypted object whose bytes differ, and removes it since this run wrote it", async () => {
    await start({ encryption: "aws:kms:dsse" });
    afterSending("CompleteMultipartUploadCommand", () => {
      const object = fake.objects.get(KEY);
      if (object) object.body[100] = (object.body[100] ?? 0) ^ 0xff; // rot after assembly, same ETag
    });
    const error = await failure(ingest(big()));
    expect(error.code).toBe("INGEST_VERIFY_FAILED");
    expect(error.message).toMatch(/read back/);
    expect(error.message).toMatch(/It was removed/);
    expect(fake.objects.has(KEY)).toBe(false);
  });

  it("never removes an object it did not write: another writer's copy stays when the check fails", async () => {
    await start();
    const other = Buffer.from(moviesCsv(25));
    afterSending("PutObjectCommand", () => {
      // Someone else replaced the object between this run's write and its check.
      fake.objects.set(KEY, {
        body: other,
        etag: createHash("md5").update(other).digest("hex"),
        metadata: {},
      });
    });
    const error = await failure(ingest(small()));
    expect(error.code).toBe("INGEST_VERIFY_FAILED");
    expect(error.message).toMatch(/left in place/);
    expect(fake.objects.get(KEY)?.body.equals(other)).toBe(true);
    expect(fake.ops()).not.toContain("DeleteObject");
  });
});

describe("RAW is append-only", () => {
  it("refuses a changed file under the same key before sending anything, and keeps the first copy", async () => {
    await start();
    const first = big();
    await ingest(first);
    const sent = fake.requests.length;
    const error = await failure(ingest(moviesCsv(3001)));
    expect(error.code).toBe("INGEST_RAW_EXISTS");
    expect(error.message).toContain(`s3://${fake.bucket}/${KEY} already holds a different file`);
    expect(error.message).toContain(sha256(Buffer.from(first)).slice(0, 12));
    expect(error.hint).toMatch(/another processing date/);
    expect(fake.requests.slice(sent).map((r) => r.op)).toEqual(["HeadObject"]);
    expect(fake.objects.get(KEY)?.body.toString("utf8")).toBe(first);
  });

  it("stays idempotent for the same file: same SHA-256, nothing to do", async () => {
    await start();
    await ingest(small());
    const sent = fake.requests.length;
    const [again] = await ingest(small());
    expect(again?.stored.alreadyIngested).toBe(true);
    expect(fake.requests.slice(sent).map((r) => r.op)).toEqual(["HeadObject"]);
  });

  // Conditional writes: with If-None-Match: * S3 writes only if the key holds no object, else 412
  // PreconditionFailed (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html).
  it("sends PutObject with If-None-Match: * and refuses when an object landed after the check (412)", async () => {
    await start();
    const theirs = Buffer.from("someone else's bytes\n");
    beforeSending("PutObjectCommand", () => {
      fake.objects.set(KEY, { body: theirs, etag: "abc", metadata: {} });
    });
    const error = await failure(ingest(small()));
    expect(error.code).toBe("INGEST_RAW_EXISTS");
    expect(fake.requests.find((r) => r.op === "PutObject")?.headers["if-none-match"]).toBe("*");
    expect(fake.objects.get(KEY)?.body.equals(theirs)).toBe(true);
  });

  it("completes a multipart upload only if the key is free; a 412 aborts the upload and drops its checkpoint", async () => {
    await start();
    const theirs = Buffer.from("someone else's bytes\n");
    beforeSending("CompleteMultipartUploadCommand", () => {
      fake.objects.set(KEY, { body: theirs, etag: "abc", metadata: {} });
    });
    const error = await failure(ingest(big()));
    expect(error.code).toBe("INGEST_RAW_EXISTS");
    expect(error.hint).toContain(`remove it first (aws s3 rm s3://${fake.bucket}/${KEY})`);
    const complete = fake.requests.find((r) => r.op === "CompleteMultipartUpload");
    expect(complete?.headers["if-none-match"]).toBe("*");
    expect(fake.ops()).toContain("AbortMultipartUpload");
    expect(fake.uploads.size).toBe(0);
    expect(await readCheckpoint(checkpointPath(path.join(bench.dir, ".lakebook"), fake.bucket, KEY))).toBe(
      undefined,
    );
    expect(fake.objects.get(KEY)?.body.equals(theirs)).toBe(true);
  });

  it("says to run again when a concurrent write conflicts (409 ConditionalRequestConflict)", async () => {
    await start();
    fake.failNext("PutObject", 409, "ConditionalRequestConflict");
    const error = await failure(ingest(small()));
    expect(error.code).toBe("INGEST_WRITE_CONFLICT");
    expect(error.retryable).toBe(true);
    expect(fake.objects.has(KEY)).toBe(false);
  });
});

import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { CreateBucketCommand, GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CellOutputSchema, LakebookError } from "../../../../pipeline/contract";
import { createS3Client, readAll, S3Store } from "../../../../pipeline/lake";
import {
  findSourceFile,
  ingestCsvFiles,
  ingestStage,
  type S3UploadTuning,
} from "../../../../pipeline/stages/ingest";
import { checkpointPath, partRanges, readCheckpoint } from "../../../../pipeline/stages/ingest/upload";
import { type RunningS3rver, startS3rver } from "../../../helpers/s3rver";
import { startDropProxy } from "./drop-proxy";
import { type IngestBench, ingestBench, ingestCell, moviesCsv } from "./helpers";

let server: RunningS3rver;
let buckets = 0;
let bench: IngestBench;
const clients: S3Client[] = [];

beforeAll(async () => {
  server = await startS3rver();
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(async () => {
  bench = await ingestBench();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await bench.close();
});

const KEY = "Raw/Local/CSV/Movies/2026/11/25/movies.csv";
const DATE = { year: 2026, month: 11, day: 25 };
const PART = 128 * 1024;
const FAST_RETRIES: S3UploadTuning["retry"] = {
  maxAttempts: 2,
  baseDelayMs: 1,
  throttleBaseDelayMs: 1,
  maxDelayMs: 5,
};

/** A client to s3rver (or a proxy in front of it) that counts the commands it sends. */
function countingClient(endpoint = server.endpoint): { client: S3Client; sent: Record<string, number> } {
  const client = createS3Client({ endpoint, credentials: server.credentials });
  clients.push(client);
  const sent: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => (args) => {
      const name = (context.commandName ?? "").replace(/Command$/, "");
      sent[name] = (sent[name] ?? 0) + 1;
      return next(args);
    },
    { step: "initialize" },
  );
  return { client, sent };
}

async function freshStore(client: S3Client, prefix = ""): Promise<S3Store> {
  buckets += 1;
  const bucket = `ingest-${buckets}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return new S3Store({ bucket, prefix, client });
}

async function stored(client: S3Client, bucket: string, key: string): Promise<Buffer> {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return readAll(response.Body as AsyncIterable<Uint8Array>);
}

async function failure(promise: Promise<unknown>): Promise<LakebookError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LakebookError);
  return error as LakebookError;
}

/** ~1.3 MB of movies: eleven 128 KiB parts. */
async function bigMovies(): Promise<{ path: string; bytes: Buffer }> {
  const file = await bench.writeFile("data/movies.csv", moviesCsv(3000));
  return { path: file, bytes: await readFile(file) };
}

function ingest(store: S3Store, tuning: S3UploadTuning, signal?: AbortSignal) {
  return findSourceFile(bench.dir, "data/movies.csv").then((file) =>
    ingestCsvFiles({
      files: [file],
      date: DATE,
      store,
      stateDir: path.join(bench.dir, ".lakebook"),
      tuning,
      ...(signal ? { signal } : {}),
      log: (level, text) => bench.logs.push(`${level}: ${text}`),
    }),
  );
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("the ingest cell on an S3 lake (s3rver)", () => {
  it("stores a small file byte-identical in one PutObject, with its SHA-256 as metadata, and is idempotent", async () => {
    const { client, sent } = countingClient();
    const store = await freshStore(client, "lake");
    const csv = moviesCsv(20);
    await bench.writeFile("data/movies.csv", csv);
    const cell = ingestCell("file: data/movies.csv\ndate: 2026-11-25");
    const outcome = await ingestStage.run(cell, bench.context({ store }));
    const output = CellOutputSchema.parse(outcome.output);
    if (output.type !== "ingest") throw new Error("not an ingest output");
    const [file] = output.files;
    expect(file).toMatchObject({
      key: `lake/${KEY}`,
      location: `s3://${store.bucket}/lake/${KEY}`,
      bytes: Buffer.byteLength(csv),
      sha256: sha256(Buffer.from(csv)),
      alreadyIngested: false,
      verified: "size and MD5 (ETag)",
      table: null,
    });
    expect(file?.boto3).toContain(`bucket = "${store.bucket}"\nkey = "lake/${KEY}"`);
    expect((await stored(client, store.bucket, `lake/${KEY}`)).toString("utf8")).toBe(csv);
    expect((await store.head(KEY))?.metadata).toEqual({ sha256: sha256(Buffer.from(csv)) });
    expect(sent.PutObject).toBe(1);

    const again = CellOutputSchema.parse((await ingestStage.run(cell, bench.context({ store }))).output);
    expect(again.type === "ingest" && again.files[0]?.alreadyIngested).toBe(true);
    expect(sent.PutObject).toBe(1);
    expect(sent.UploadPart).toBeUndefined();
  });

  it("uploads a large file in parts, byte-identical, checks the ETag, and leaves no checkpoint", async () => {
    const { client, sent } = countingClient();
    const store = await freshStore(client);
    const { bytes } = await bigMovies();
    const [result] = await ingest(store, { partSize: PART });
    const parts = partRanges(bytes.length, PART).length;
    expect(parts).toBeGreaterThan(8);
    expect(result?.stored).toMatchObject({
      alreadyIngested: false,
      resumedParts: 0,
      sentParts: parts,
      // s3rver answers a multipart upload with the plain MD5 of the whole object.
      verified: "size and MD5 of the whole object (ETag)",
    });
    expect(sent.UploadPart).toBe(parts);
    expect(sent.CreateMultipartUpload).toBe(1);
    // s3rver has no ListMultipartUploads: the stale sweep is skipped, not an error.
    expect(sent.ListMultipartUploads).toBe(1);
    expect(sha256(await stored(client, store.bucket, KEY))).toBe(sha256(bytes));
    expect(
      await readCheckpoint(checkpointPath(path.join(bench.dir, ".lakebook"), store.bucket, KEY)),
    ).toBeUndefined();
  });

  it("resumes after the connection dropped mid-upload: only the missing parts are sent, and the object is identical", async () => {
    const direct = countingClient();
    const store = await freshStore(direct.client);
    const { bytes } = await bigMovies();
    const total = partRanges(bytes.length, PART).length;
    const port = Number(new URL(server.endpoint).port);
    // Parts go one at a time; the line drops in the middle of the fourth.
    const proxy = await startDropProxy(port, Math.round(3.5 * PART));
    const viaProxy = countingClient(proxy.endpoint);
    const interrupted = new S3Store({ bucket: store.bucket, client: viaProxy.client });
    const error = await failure(ingest(interrupted, { partSize: PART, concurrency: 1, retry: FAST_RETRIES }));
    await proxy.stop();
    expect(proxy.dropped()).toBe(true);
    expect(error.code).toBe("S3_ERROR");
    expect(error.retryable).toBe(true);
    expect(error.hint).toMatch(/run the ingest again to resume/);
    // Never half an object under the final key.
    expect(await store.head(KEY)).toBeUndefined();
    const checkpoint = await readCheckpoint(
      checkpointPath(path.join(bench.dir, ".lakebook"), store.bucket, KEY),
    );
    const kept = checkpoint?.parts.length ?? 0;
    // Parts 1-3 were confirmed before the drop; part 4 was cut off and is not in the checkpoint.
    expect(kept).toBe(3);
    expect(error.message).toContain(`s3://${store.bucket}/${KEY}`);
    expect(checkpoint).toMatchObject({
      bucket: store.bucket,
      key: KEY,
      partSize: PART,
      sha256: sha256(bytes),
    });

    const [resumed] = await ingest(store, { partSize: PART, concurrency: 1 });
    expect(resumed?.stored).toMatchObject({ resumedParts: kept, sentParts: total - kept });
    expect(direct.sent.UploadPart).toBe(total - kept);
    expect(direct.sent.CreateMultipartUpload).toBeUndefined();
    expect(bench.logs.some((line) => line.includes(`${kept} of ${total} parts are already in S3`))).toBe(
      true,
    );
    const landed = await stored(direct.client, store.bucket, KEY);
    expect(Buffer.compare(landed, bytes)).toBe(0);
    expect(
      await readCheckpoint(checkpointPath(path.join(bench.dir, ".lakebook"), store.bucket, KEY)),
    ).toBeUndefined();
  });

  it("pauses when cancelled after some parts and continues from there on the next run", async () => {
    const { client, sent } = countingClient();
    const store = await freshStore(client);
    const { bytes } = await bigMovies();
    const total = partRanges(bytes.length, PART).length;
    const controller = new AbortController();
    let storedParts = 0;
    const error = await failure(
      ingest(
        store,
        {
          partSize: PART,
          concurrency: 2,
          onPartStored: () => {
            storedParts += 1;
            if (storedParts === 3) controller.abort();
          },
        },
        controller.signal,
      ),
    );
    expect(error.code).toBe("CANCELLED");
    expect(error.hint).toMatch(/resume/);
    const checkpoint = await readCheckpoint(
      checkpointPath(path.join(bench.dir, ".lakebook"), store.bucket, KEY),
    );
    const kept = checkpoint?.parts.length ?? 0;
    expect(kept).toBe(storedParts);
    expect(await store.head(KEY)).toBeUndefined();
    const before = sent.UploadPart ?? 0;

    const [resumed] = await ingest(store, { partSize: PART });
    expect(resumed?.stored.resumedParts).toBe(kept);
    expect((sent.UploadPart ?? 0) - before).toBe(total - kept);
    expect(Buffer.compare(await stored(client, store.bucket, KEY), bytes)).toBe(0);
  });

  it("catches an object that landed damaged: INGEST_VERIFY_FAILED, and the object is removed", async () => {
    const { client } = countingClient();
    const store = await freshStore(client);
    await bigMovies();
    // Storage rot between the parts arriving and the object being assembled: flip a byte of part 2 on s3rver's disk.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "CompleteMultipartUploadCommand") {
          const input = args.input as { Bucket: string; UploadId: string };
          const part = path.join(server.directory, input.Bucket, "._S3rver_uploads", input.UploadId, "2");
          const data = await readFile(part);
          data[100] = (data[100] ?? 0) ^ 0xff;
          await writeFile(part, data);
        }
        return next(args);
      },
      { step: "initialize" },
    );
    const error = await failure(ingest(store, { partSize: PART }));
    expect(error.code).toBe("INGEST_VERIFY_FAILED");
    expect(error.message).toContain(`s3://${store.bucket}/${KEY}`);
    expect(error.message).toMatch(/ETag/);
    expect(await store.head(KEY)).toBeUndefined();
  });

  it("refuses a changed file under the same key by checking first, since s3rver ignores If-None-Match", async () => {
    // On AWS the conditional write (If-None-Match: *) is the guarantee
    // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html); s3rver would
    // overwrite, so the HeadObject before any write is what keeps RAW append-only here.
    const { client, sent } = countingClient();
    const store = await freshStore(client);
    const first = moviesCsv(20);
    await bench.writeFile("data/movies.csv", first);
    await ingest(store, { partSize: PART });
    await bench.writeFile("data/movies.csv", moviesCsv(21));
    const error = await failure(ingest(store, { partSize: PART }));
    expect(error.code).toBe("INGEST_RAW_EXISTS");
    expect(error.hint).toMatch(/another processing date/);
    expect(sent.PutObject).toBe(1);
    expect((await stored(client, store.bucket, KEY)).toString("utf8")).toBe(first);
  });

  it("stops with INGEST_SOURCE_CHANGED when the file changes between validation and upload", async () => {
    const { client, sent } = countingClient();
    const store = await freshStore(client);
    const { path: file, bytes } = await bigMovies();
    const changed = Buffer.from(bytes);
    changed[bytes.length - 10] = "X".charCodeAt(0);
    const source = await findSourceFile(bench.dir, "data/movies.csv");
    const error = await failure(
      ingestCsvFiles({
        files: [source],
        date: DATE,
        store,
        stateDir: path.join(bench.dir, ".lakebook"),
        tuning: { partSize: PART },
        progress: (update) => {
          if (update.message?.startsWith("Uploading") && update.done === 0) writeFileSync(file, changed);
        },
      }),
    );
    expect(error.code).toBe("INGEST_SOURCE_CHANGED");
    expect(error.message).toContain("data/movies.csv changed while it was being ingested");
    expect(await store.head(KEY)).toBeUndefined();
    expect(sent.CompleteMultipartUpload).toBeUndefined();
  });
});

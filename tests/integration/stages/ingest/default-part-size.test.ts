import { readFile } from "node:fs/promises";
import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { afterEach, beforeEach, expect, it } from "vitest";
import { S3Store } from "../../../../pipeline/lake";
import { findSourceFile, ingestCsvFiles } from "../../../../pipeline/stages/ingest";
import { EXAMPLE_KEY_ID, EXAMPLE_SECRET } from "../../../helpers/example-aws-keys";
import { type FakeS3, S3_MIN_PART_SIZE, startFakeS3 } from "../../../helpers/fake-s3";
import { type IngestBench, ingestBench, moviesCsv } from "./helpers";

/**
 * The part size real uploads use (8 MiB), against a fake S3 that enforces S3's own rules: every
 * part but the last at least 5 MiB, ascending part numbers, Content-MD5 checked. The other
 * multipart tests use small parts on a fake with the minimum lowered.
 */
let fake: FakeS3;
let bench: IngestBench;
let client: S3Client;

beforeEach(async () => {
  fake = await startFakeS3();
  bench = await ingestBench();
  client = new S3Client({
    endpoint: fake.endpoint,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: { accessKeyId: EXAMPLE_KEY_ID, secretAccessKey: EXAMPLE_SECRET },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 1,
  });
});
afterEach(async () => {
  client.destroy();
  await fake.stop();
  await bench.close();
});

it("uploads a 17 MiB file in 8 MiB parts that S3's rules accept, byte-identical", async () => {
  // One sample's rows again and again (the CSV checks allow repeated rows) up to 17 MiB.
  const sample = moviesCsv(5_000);
  const header = sample.slice(0, sample.indexOf("\n") + 1);
  const rows = sample.slice(header.length);
  const copies = Math.ceil((17 * 1024 * 1024) / Buffer.byteLength(rows));
  const csv = header + rows.repeat(copies);
  const bytes = await readFile(await bench.writeFile("data/movies.csv", csv));
  const file = await findSourceFile(bench.dir, "data/movies.csv");
  const [result] = await ingestCsvFiles({
    files: [file],
    date: { year: 2026, month: 11, day: 25 },
    store: new S3Store({ bucket: fake.bucket, client }),
    stateDir: path.join(bench.dir, ".lakebook"),
    log: () => {},
  });

  const parts = fake.requests.filter((r) => r.op === "UploadPart");
  // Four parts are in flight at once, so they arrive in any order; the completion lists them in order.
  expect(parts.map((r) => Number(r.query.partNumber)).sort()).toEqual([1, 2, 3]);
  expect(fake.ops().filter((op) => op === "CompleteMultipartUpload")).toHaveLength(1);
  expect(parts.every((r) => r.headers["content-md5"])).toBe(true);
  const key = result?.stored.key ?? "";
  const stored = fake.objects.get(key);
  expect(stored?.etag).toMatch(/-3$/);
  expect(Buffer.compare(stored?.body ?? Buffer.alloc(0), bytes)).toBe(0);
  expect(S3_MIN_PART_SIZE).toBeLessThan(8 * 1024 * 1024);
});

import { createHash } from "node:crypto";
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXAMPLE_KEY_ID, EXAMPLE_SECRET } from "../../helpers/example-aws-keys";
import { type FakeS3, startFakeS3 } from "../../helpers/fake-s3";

// The fake S3 the multipart tests use refuses what S3 refuses, with S3's error codes
// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html, Errors).
let fake: FakeS3;
let client: S3Client;
const MiB = 1024 * 1024;
const md5 = (data: Uint8Array) => createHash("md5").update(data).digest();

beforeEach(async () => {
  fake = await startFakeS3({ minPartSize: MiB });
  client = new S3Client({
    endpoint: fake.endpoint,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: { accessKeyId: EXAMPLE_KEY_ID, secretAccessKey: EXAMPLE_SECRET },
    requestChecksumCalculation: "WHEN_REQUIRED",
    maxAttempts: 1,
  });
});
afterEach(async () => {
  client.destroy();
  await fake.stop();
});

const Bucket = "fake-lake";
const Key = "Raw/x.csv";

async function uploadParts(sizes: number[]) {
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key }));
  const parts: { PartNumber: number; ETag: string }[] = [];
  for (const [index, size] of sizes.entries()) {
    const Body = Buffer.alloc(size, index + 1);
    const PartNumber = index + 1;
    const ContentMD5 = md5(Body).toString("base64");
    const { ETag } = await client.send(
      new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body, ContentMD5 }),
    );
    parts.push({ PartNumber, ETag: ETag ?? "" });
  }
  return { UploadId, parts };
}

const complete = (UploadId: string | undefined, Parts: { PartNumber: number; ETag: string }[]) =>
  client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts } }));

describe("the fake S3 keeps S3's rules", () => {
  it("completes parts at the minimum size with a smaller last one", async () => {
    const { UploadId, parts } = await uploadParts([MiB, MiB, 10]);
    await expect(complete(UploadId, parts)).resolves.toMatchObject({ ETag: expect.stringMatching(/-3"$/) });
  });

  it("refuses a part under the minimum that is not the last: EntityTooSmall", async () => {
    const { UploadId, parts } = await uploadParts([MiB, 10, MiB]);
    await expect(complete(UploadId, parts)).rejects.toMatchObject({ name: "EntityTooSmall" });
  });

  it("refuses parts out of ascending order: InvalidPartOrder", async () => {
    const { UploadId, parts } = await uploadParts([MiB, MiB]);
    await expect(complete(UploadId, [...parts].reverse())).rejects.toMatchObject({
      name: "InvalidPartOrder",
    });
  });

  it("refuses a part whose ETag is not the stored one: InvalidPart", async () => {
    const { UploadId, parts } = await uploadParts([MiB, 10]);
    const wrong = parts.map((part, i) => (i === 1 ? { ...part, ETag: '"0123"' } : part));
    await expect(complete(UploadId, wrong)).rejects.toMatchObject({ name: "InvalidPart" });
  });

  it("checks Content-MD5 when it is sent: BadDigest", async () => {
    const ContentMD5 = md5(Buffer.from("other bytes")).toString("base64");
    await expect(
      client.send(new PutObjectCommand({ Bucket, Key, Body: "bytes", ContentMD5 })),
    ).rejects.toMatchObject({
      name: "BadDigest",
    });
    await expect(client.send(new PutObjectCommand({ Bucket, Key, Body: "bytes" }))).resolves.toBeDefined();
  });

  // Conditional writes: If-None-Match: * writes only when the key is free, else 412
  // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html).
  it("honours If-None-Match: * on PutObject and CompleteMultipartUpload: 412 PreconditionFailed", async () => {
    await client.send(new PutObjectCommand({ Bucket, Key, Body: "first", IfNoneMatch: "*" }));
    await expect(
      client.send(new PutObjectCommand({ Bucket, Key, Body: "second", IfNoneMatch: "*" })),
    ).rejects.toMatchObject({ name: "PreconditionFailed", $metadata: { httpStatusCode: 412 } });
    const { UploadId, parts } = await uploadParts([MiB, 10]);
    await expect(
      client.send(
        new CompleteMultipartUploadCommand({
          Bucket,
          Key,
          UploadId,
          MultipartUpload: { Parts: parts },
          IfNoneMatch: "*",
        }),
      ),
    ).rejects.toMatchObject({ name: "PreconditionFailed" });
    const kept = await client.send(new GetObjectCommand({ Bucket, Key }));
    expect(await kept.Body?.transformToString()).toBe("first");
  });

  // SSE-KMS and DSSE-KMS ETags are not MD5s (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html).
  it("plays a DSSE-KMS bucket: opaque ETags and the encryption named on every answer", async () => {
    client.destroy();
    await fake.stop();
    fake = await startFakeS3({ encryption: "aws:kms:dsse" });
    client = new S3Client({
      endpoint: fake.endpoint,
      forcePathStyle: true,
      region: "us-east-1",
      credentials: { accessKeyId: EXAMPLE_KEY_ID, secretAccessKey: EXAMPLE_SECRET },
      requestChecksumCalculation: "WHEN_REQUIRED",
      maxAttempts: 1,
    });
    const put = await client.send(new PutObjectCommand({ Bucket, Key, Body: "bytes" }));
    expect(put.ServerSideEncryption).toBe("aws:kms:dsse");
    expect(put.ETag).not.toBe(`"${md5(Buffer.from("bytes")).toString("hex")}"`);
    const head = await client.send(new HeadObjectCommand({ Bucket, Key }));
    expect([head.ServerSideEncryption, head.ETag]).toEqual(["aws:kms:dsse", put.ETag]);
  });
});

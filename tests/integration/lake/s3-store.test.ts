import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3Client, readAll, S3Store } from "../../../pipeline/lake";
import { EXAMPLE_CREDENTIALS, EXAMPLE_KEY_ID, EXAMPLE_SECRET } from "../../helpers/example-aws-keys";
import { type RunningS3rver, startS3rver } from "../../helpers/s3rver";
import { collect, describeObjectStoreContract, expectCode } from "./object-store-contract";

let server: RunningS3rver;
let client: S3Client;
let buckets = 0;

beforeAll(async () => {
  server = await startS3rver();
  client = createS3Client({ endpoint: server.endpoint, credentials: server.credentials });
});
afterAll(async () => {
  client?.destroy();
  await server?.stop();
});

/** Each test gets a bucket of its own, so listings only ever see that test's objects. */
async function freshBucket(): Promise<string> {
  buckets += 1;
  const bucket = `lake-${buckets}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

// Pages of 7 keys: the 30-key listing in the contract spans five ListObjectsV2 pages.
describeObjectStoreContract("S3Store (s3rver, bucket root)", async () => ({
  store: new S3Store({ bucket: await freshBucket(), client, listPageSize: 7 }),
  cleanup: async () => undefined,
}));

describeObjectStoreContract("S3Store (s3rver, under a prefix)", async () => {
  const bucket = await freshBucket();
  // An object beside the prefix must never show up in the store's listings.
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: "other-app/Raw/x.csv", Body: "x" }));
  return {
    store: new S3Store({ bucket, prefix: "/team/lakebook/", client, listPageSize: 7 }),
    cleanup: async () => undefined,
  };
});

describe("S3Store against s3rver", () => {
  it("stores a streamed put byte-identical: no aws-chunked framing inside the object", async () => {
    const bucket = await freshBucket();
    const store = new S3Store({ bucket, client });
    const body = Buffer.concat([Buffer.from("id|tituloPincipal|tituloOriginal\n"), randomBytes(300_000)]);
    const chunks = Array.from({ length: 10 }, (_, i) => body.subarray(i * 30_004, (i + 1) * 30_004));
    await store.put("Raw/Local/CSV/Movies/2026/01/05/movies.csv", Readable.from(chunks));
    // Read it back with a plain client call, not through the store, to see exactly what S3 holds.
    const raw = await client.send(
      new GetObjectCommand({ Bucket: bucket, Key: "Raw/Local/CSV/Movies/2026/01/05/movies.csv" }),
    );
    const stored = await readAll(raw.Body as Readable);
    expect(stored.length).toBe(body.length);
    expect(createHash("sha256").update(stored).digest("hex")).toBe(
      createHash("sha256").update(body).digest("hex"),
    );
    expect(stored.subarray(0, 33).toString()).toBe("id|tituloPincipal|tituloOriginal\n");
  });

  it("stores user metadata with the object and returns it from head", async () => {
    const store = new S3Store({ bucket: await freshBucket(), client });
    await store.put("Raw/a.csv", "a", { metadata: { sha256: "ca978112ca1bbdcafac231b39a23dc4d" } });
    await store.put("Raw/b.csv", Readable.from([Buffer.from("b")]), {
      metadata: { sha256: "3e23e8160039594a" },
    });
    expect((await store.head("Raw/a.csv"))?.metadata).toEqual({ sha256: "ca978112ca1bbdcafac231b39a23dc4d" });
    expect((await store.head("Raw/b.csv"))?.metadata).toEqual({ sha256: "3e23e8160039594a" });
    await store.put("Raw/c.csv", "c");
    expect((await store.head("Raw/c.csv"))?.metadata).toBeUndefined();
  });

  it("keeps keys under the prefix in the bucket and returns them prefix-relative", async () => {
    const bucket = await freshBucket();
    const store = new S3Store({ bucket, prefix: "lake", client });
    expect(store.location).toBe(`s3://${bucket}/lake/`);
    const info = await store.put("Refined/dim_genre/part-0.parquet", "p");
    expect(info.key).toBe("Refined/dim_genre/part-0.parquet");
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(["lake/Refined/dim_genre/part-0.parquet"]);
    expect((await collect(store.list(""))).map((o) => o.key)).toEqual(["Refined/dim_genre/part-0.parquet"]);
  });

  it("reports the ETag of a multipart upload as s3rver's plain MD5", async () => {
    const store = new S3Store({ bucket: await freshBucket(), client });
    const body = randomBytes(9 * 1024 * 1024);
    const info = await store.put("big.bin", Readable.from([body]));
    expect(info.size).toBe(body.length);
    expect(info.etag).toBe(createHash("md5").update(body).digest("hex"));
  });

  it("cancels a multipart upload in flight and stores nothing", async () => {
    const store = new S3Store({ bucket: await freshBucket(), client });
    const controller = new AbortController();
    async function* partsThenStall() {
      for (let i = 0; i < 3; i += 1) yield randomBytes(4 * 1024 * 1024);
      await new Promise(() => undefined);
    }
    const put = store.put("Raw/big.csv", partsThenStall(), {
      signal: controller.signal,
      // Abort once the first 8 MiB part is on its way, i.e. mid multipart upload.
      onProgress: () => controller.abort(),
    });
    await expectCode(put, "CANCELLED");
    expect(await store.head("Raw/big.csv")).toBeUndefined();
  });

  it("skips zero-byte folder markers made by the S3 console", async () => {
    const bucket = await freshBucket();
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: "Raw/", Body: "" }));
    const store = new S3Store({ bucket, client });
    await store.put("Raw/a.csv", "a");
    expect((await collect(store.list(""))).map((o) => o.key)).toEqual(["Raw/a.csv"]);
  });

  it("explains a missing bucket as S3_ERROR with a hint to create it", async () => {
    const store = new S3Store({ bucket: "no-such-bucket", client });
    const error = await expectCode(store.put("a.txt", "a"), "S3_ERROR");
    expect(error.message).toContain("s3://no-such-bucket/a.txt");
    expect(error.hint).toMatch(/create it/);
    await expectCode(store.get("a.txt"), "S3_ERROR");
    await expectCode(collect(store.list("")), "S3_ERROR");
  });

  it("explains wrong credentials without echoing them", async () => {
    const store = new S3Store({
      bucket: server.bucket,
      endpoint: server.endpoint,
      credentials: {
        accessKeyId: EXAMPLE_KEY_ID,
        secretAccessKey: EXAMPLE_SECRET,
      },
    });
    try {
      const error = await expectCode(store.put("a.txt", "a"), "S3_ERROR");
      expect(JSON.stringify(error.toJSON())).not.toMatch(EXAMPLE_CREDENTIALS);
      expect(error.hint).toMatch(/credentials/);
    } finally {
      store.destroy();
    }
  });

  it("makes its own client from endpoint settings when none is given", async () => {
    const store = new S3Store({
      bucket: server.bucket,
      endpoint: server.endpoint,
      credentials: server.credentials,
    });
    try {
      await store.put("hello.txt", "hi");
      expect((await store.head("hello.txt"))?.size).toBe(2);
    } finally {
      store.destroy();
    }
  });

  it("refuses an invalid bucket name", () => {
    expect(() => new S3Store({ bucket: "My_Bucket", client })).toThrow(/not a valid S3 bucket name/);
  });
});

describe("S3Store listing", () => {
  it("follows ListObjectsV2 continuation tokens across pages", async () => {
    const counting = createS3Client({ endpoint: server.endpoint, credentials: server.credentials });
    let listCalls = 0;
    counting.middlewareStack.add(
      (next, context) => (args) => {
        if (context.commandName === "ListObjectsV2Command") listCalls += 1;
        return next(args);
      },
      { step: "initialize" },
    );
    try {
      const store = new S3Store({ bucket: await freshBucket(), client: counting, listPageSize: 7 });
      const keys = Array.from(
        { length: 30 },
        (_, i) => `Raw/TMDB/JSON/2026/01/05/movies-${String(i).padStart(4, "0")}.json`,
      );
      await Promise.all(keys.map((key) => store.put(key, "{}")));
      expect((await collect(store.list("Raw/"))).map((o) => o.key)).toEqual(keys);
      expect(listCalls).toBe(5);
    } finally {
      counting.destroy();
    }
  });
});

import { S3Client } from "@aws-sdk/client-s3";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { lambdaRoleActions } from "../../../../../pipeline/aws/iam";
import { readAll, type S3Store } from "../../../../../pipeline/lake";
import { checkpointKey } from "../../../../../pipeline/stages/tmdb/enrich";
import {
  createEnrichHandler,
  type EnrichHandler,
  lambdaRunKey,
  leaseKey,
  takeLease,
} from "../../../../../pipeline/stages/tmdb/lambda";
import { checkedRequests } from "../../../../helpers/aws-models/watched-requests";
import { EXAMPLE_KEY_ID, EXAMPLE_SECRET } from "../../../../helpers/example-aws-keys";
import { startFakeS3 } from "../../../../helpers/fake-s3";
import type { FakeTmdb } from "../../../../helpers/fake-tmdb";
import { iamActionOfRequest } from "../../../../helpers/iam-action-of";
import { type RunningS3rver, startS3rver } from "../../../../helpers/s3rver";
import { DATE, eventOf, lakeOf, rawObjects, s3ClientOf, startTmdb, TOKEN } from "./lambda-fixtures";

/**
 * One writer per checkpoint. Lambda retries a failed asynchronous invocation twice by default
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html), and a
 * user may rerun the cell while an invocation still runs: the lease in the lake, created with a
 * conditional write (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html),
 * lets only one of them write.
 */
const secrets = mockClient(SecretsManagerClient);
const ROOMY = { getRemainingTimeInMillis: () => 900_000 };
let s3: RunningS3rver;
let s3Client: S3Client;
let fake: FakeTmdb;
let handler: EnrichHandler;

beforeAll(async () => {
  [s3, fake] = await Promise.all([startS3rver(), startTmdb()]);
  s3Client = s3ClientOf(s3);
  handler = createEnrichHandler({
    s3Client: () => s3Client,
    secretsClient: (region) => new SecretsManagerClient({ region }),
    tmdbBaseUrl: fake.baseUrl,
  });
});
afterAll(async () => {
  s3Client?.destroy();
  await Promise.all([s3?.stop(), fake?.stop()]);
});
beforeEach(() => {
  secrets.reset();
  secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ readAccessToken: TOKEN }) });
});

const LEASE = leaseKey(DATE, "tmdb");

async function statusOf(store: S3Store, runId: string) {
  const key = lambdaRunKey(DATE, runId, "status.json");
  if (!(await store.head(key))) return undefined;
  return JSON.parse((await readAll(await store.get(key))).toString());
}

async function holdLease(store: S3Store, runId: string, expiresInMs: number) {
  const now = Date.now();
  await store.put(
    LEASE,
    JSON.stringify({
      runId,
      invocation: 1,
      takenAt: new Date(now).toISOString(),
      expiresAt: new Date(now + expiresInMs).toISOString(),
    }),
  );
}

describe("the TMDB function's lease (s3rver + fake TMDB)", () => {
  it("turns away a second invocation while the first one runs: it writes nothing and says so in status.json", async () => {
    const store = lakeOf(s3, s3Client, "overlap");
    let second: Promise<unknown> | undefined;
    // The first invocation holds the lease from before it reads the secret: start the user's rerun
    // right then, and let the first go on only once the rerun has given up.
    secrets.on(GetSecretValueCommand).callsFake(async () => {
      second ??= handler(eventOf(s3, "overlap", { runId: "run-2" }), ROOMY);
      await second;
      return { SecretString: JSON.stringify({ readAccessToken: TOKEN }) };
    });
    const first = await handler(eventOf(s3, "overlap", { runId: "run-1" }), ROOMY);
    const rerun = await second;

    expect(first).toMatchObject({ state: "done", result: { found: 144 } });
    expect(rerun).toMatchObject({ state: "failed", error: { code: "TMDB_LAMBDA_BUSY" } });
    const status = await statusOf(store, "run-2");
    expect(status).toMatchObject({ runId: "run-2", invocation: 1, state: "failed" });
    expect(status.error.message).toContain("Another invocation (run run-1, invocation 1");
    expect(status.error.message).toContain("this one wrote nothing");
    expect(status.error.hint).toMatch(/run the cell again/);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect((await rawObjects(store)).size).toBe(3);
    // Released when the first one finished.
    expect(await store.head(LEASE)).toBeUndefined();
  });

  it("a lease held by another run keeps RAW and the checkpoint untouched", async () => {
    const store = lakeOf(s3, s3Client, "held");
    await holdLease(store, "run-1", 600_000);
    const report = await handler(eventOf(s3, "held", { runId: "run-2" }), ROOMY);
    expect(report).toMatchObject({ state: "failed", error: { code: "TMDB_LAMBDA_BUSY" } });
    expect((await rawObjects(store)).size).toBe(0);
    expect(await store.head(checkpointKey(DATE, "tmdb"))).toBeUndefined();
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
    expect((await statusOf(store, "run-2"))?.error.code).toBe("TMDB_LAMBDA_BUSY");
  });

  it("a second delivery of the same invocation leaves the holder's status.json alone", async () => {
    const store = lakeOf(s3, s3Client, "duplicate");
    await holdLease(store, "run-1", 600_000);
    const report = await handler(eventOf(s3, "duplicate", { runId: "run-1" }), ROOMY);
    expect(report).toMatchObject({ state: "failed", error: { code: "TMDB_LAMBDA_BUSY" } });
    expect(await statusOf(store, "run-1")).toBeUndefined();
  });

  it("takes over a lease whose holder died (expired), runs, and releases it", async () => {
    const store = lakeOf(s3, s3Client, "expired");
    await holdLease(store, "run-0", -1);
    const report = await handler(eventOf(s3, "expired", { runId: "run-1" }), ROOMY);
    expect(report).toMatchObject({ state: "done" });
    expect(await store.head(LEASE)).toBeUndefined();
  });
});

describe("a lease that cannot be read", () => {
  it("fails the invocation in status.json without writing anything else", async () => {
    const denied = s3ClientOf(s3);
    denied.middlewareStack.add(
      (next, context) => async (args) => {
        const key = (args.input as { Key?: string }).Key ?? "";
        if (context.commandName === "GetObjectCommand" && key.includes("/lease-")) {
          throw Object.assign(new Error("Access Denied"), { name: "AccessDenied", $metadata: {} });
        }
        return next(args);
      },
      { step: "initialize" },
    );
    const guarded = createEnrichHandler({ s3Client: () => denied, tmdbBaseUrl: fake.baseUrl });
    try {
      const store = lakeOf(s3, s3Client, "denied");
      const report = await guarded(eventOf(s3, "denied", { runId: "run-1" }), ROOMY);
      expect(report).toMatchObject({ state: "failed", error: { code: "S3_ERROR" } });
      expect((await statusOf(store, "run-1"))?.error.message).toContain("take the lease on");
      expect((await rawObjects(store)).size).toBe(0);
    } finally {
      denied.destroy();
    }
  });
});

describe("takeLease against S3's conditional write (fake S3)", () => {
  it("gives the lease to exactly one of two invocations claiming it at once", async () => {
    const s3fake = await startFakeS3();
    const client = new S3Client({
      endpoint: s3fake.endpoint,
      forcePathStyle: true,
      region: "us-east-1",
      credentials: { accessKeyId: EXAMPLE_KEY_ID, secretAccessKey: EXAMPLE_SECRET },
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    try {
      const target = { client, bucket: s3fake.bucket, key: LEASE };
      const [a, b] = await Promise.all([
        takeLease(target, { runId: "run-a", invocation: 1, holdMs: 60_000 }),
        takeLease(target, { runId: "run-b", invocation: 1, holdMs: 60_000 }),
      ]);
      expect([a.taken, b.taken].filter(Boolean)).toHaveLength(1);
      const loser = a.taken ? b : a;
      const winner = a.taken ? "run-a" : "run-b";
      expect(loser).toMatchObject({ taken: false, holder: { runId: winner } });
      const puts = s3fake.requests.filter((r) => r.op === "PutObject");
      expect(puts.map((r) => r.headers["if-none-match"])).toEqual(["*", "*"]);
      if (a.taken) await a.release();
      if (b.taken) await b.release();
      expect(s3fake.objects.has(LEASE)).toBe(false);
    } finally {
      client.destroy();
      await s3fake.stop();
    }
  });
});

describe("the function's role", () => {
  // Last in this file: every request the tests above sent (the function's, and the few the tests
  // send through the same clients to set up) must be one the role's policy grants.
  it("grants every action the function sent in these runs, the lease's DeleteObject included", () => {
    const role = new Set(
      lambdaRoleActions(
        {
          partition: "aws",
          account: "123456789012",
          region: "us-east-1",
          bucket: "lake",
          prefix: "",
          workgroup: "primary",
        },
        { functionName: "lakebook-tmdb-enrich", secretName: "lakebook/tmdb" },
      ).flatMap((need) => need.actions),
    );
    const sent = [...checkedRequests.keys()].map(iamActionOfRequest).filter((a): a is string => a !== null);
    expect(sent).toContain("s3:DeleteObject");
    expect(sent).toContain("secretsmanager:GetSecretValue");
    expect([...new Set(sent)].filter((action) => !role.has(action))).toEqual([]);
  });
});

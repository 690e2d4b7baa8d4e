import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LocalFolderStore, readAll } from "../../../../../pipeline/lake";
import { TmdbClient } from "../../../../../pipeline/stages/tmdb/client";
import { DEFAULT_FIELDS, enrichTitles, loadCheckpoint } from "../../../../../pipeline/stages/tmdb/enrich";
import {
  createEnrichHandler,
  type EnrichHandler,
  lambdaRunKey,
} from "../../../../../pipeline/stages/tmdb/lambda";
import type { FakeTmdb } from "../../../../helpers/fake-tmdb";
import { type RunningS3rver, startS3rver } from "../../../../helpers/s3rver";
import {
  DATE,
  eventOf,
  lakeOf,
  pathsSince,
  rawObjects,
  s3ClientOf,
  startTmdb,
  TITLES,
  TOKEN,
} from "./lambda-fixtures";

const secrets = mockClient(SecretsManagerClient);
const ROOMY = { getRemainingTimeInMillis: () => 900_000 };
let s3: RunningS3rver;
let s3Client: S3Client;
let fake: FakeTmdb;
let dir: string;
let handler: EnrichHandler;
let reference: Map<string, Buffer>;

beforeAll(async () => {
  [s3, fake, dir] = await Promise.all([
    startS3rver(),
    startTmdb(),
    mkdtemp(path.join(tmpdir(), "lakebook-lambda-handler-")),
  ]);
  s3Client = s3ClientOf(s3);
  handler = createEnrichHandler({
    s3Client: () => s3Client,
    secretsClient: (region) => new SecretsManagerClient({ region }),
    tmdbBaseUrl: fake.baseUrl,
  });
  // The local run the Lambda must match, byte for byte.
  const local = new LocalFolderStore(path.join(dir, "local-lake"));
  const result = await enrichTitles({
    store: local,
    getter: new TmdbClient({
      baseUrl: fake.baseUrl,
      credentials: { readAccessToken: TOKEN },
      requestsPerSecond: 1000,
    }),
    titles: TITLES,
    settings: { fields: [...DEFAULT_FIELDS], concurrency: 8, name: "tmdb", date: DATE },
  });
  expect(result).toMatchObject({ total: 147, found: 144, notFound: 3, partial: false });
  reference = await rawObjects(local);
});
afterAll(async () => {
  s3Client?.destroy();
  await Promise.all([s3?.stop(), fake?.stop(), rm(dir, { recursive: true, force: true })]);
});
beforeEach(() => {
  secrets.reset();
  secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ readAccessToken: TOKEN }) });
});

describe("the TMDB Lambda handler (s3rver + fake TMDB, Secrets Manager mocked)", () => {
  it("writes RAW objects byte-identical to a local run, and reports done", async () => {
    const store = lakeOf(s3, s3Client, "same");
    const report = await handler(eventOf(s3, "same"), ROOMY);

    expect(report).toMatchObject({
      state: "done",
      result: { total: 147, found: 144, notFound: 3, fetched: 147 },
    });
    expect(secrets.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([
      { SecretId: "lakebook/tmdb" },
    ]);
    const objects = await rawObjects(store);
    expect([...objects.keys()]).toEqual([...reference.keys()]);
    expect([...reference.keys()]).toHaveLength(3);
    for (const [key, bytes] of reference) expect(objects.get(key)?.equals(bytes), key).toBe(true);

    const status = JSON.parse(
      (await readAll(await store.get(lambdaRunKey(DATE, "run-1", "status.json")))).toString(),
    );
    expect(status).toMatchObject({ runId: "run-1", invocation: 1, state: "done", result: { found: 144 } });
    // The token went to TMDB as a Bearer header, and nowhere into the lake.
    expect(fake.received.some((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(JSON.stringify(status)).not.toContain(TOKEN);
  });

  it("reads the titles from titles.json in the lake when the event names it", async () => {
    const store = lakeOf(s3, s3Client, "from-file");
    const titlesKey = lambdaRunKey(DATE, "run-1", "titles.json");
    await store.put(titlesKey, JSON.stringify({ titles: TITLES.slice(0, 5), skipped: ["nm0000001"] }));
    const { titles: _titles, ...event } = eventOf(s3, "from-file");
    const report = await handler({ ...event, titlesKey }, ROOMY);
    expect(report).toMatchObject({ state: "done", result: { total: 5, found: 5, skipped: ["nm0000001"] } });
  });

  it("stops before the deadline with partial, and a second invocation finishes without fetching a title twice", async () => {
    const store = lakeOf(s3, s3Client, "deadline");
    const start = fake.received.length;
    const context = {
      getRemainingTimeInMillis: () => (fake.received.length - start < 120 ? 900_000 : 60_000),
    };
    const first = await handler(eventOf(s3, "deadline"), context);
    if (first.state !== "partial") throw new Error(`${first.state}, not partial`);
    expect(first.result?.filesWritten.length).toBeGreaterThan(0);
    expect(first.result && "partial" in first.result).toBe(false);
    expect(first.progress.done).toBeGreaterThan(0);
    expect(first.progress.done).toBeLessThan(147);
    const checkpoint = await loadCheckpoint(store, DATE, "tmdb");
    expect(checkpoint.files.flatMap((f) => f.ids).length + checkpoint.notFound.length).toBe(
      first.progress.done,
    );

    const second = await handler(eventOf(s3, "deadline", { invocation: 2 }), ROOMY);
    expect(second).toMatchObject({ state: "done", result: { found: 144, notFound: 3, failed: 0 } });
    const paths = pathsSince(fake, start);
    const twice = paths.filter((p, i) => paths.indexOf(p) !== i);
    expect(twice).toEqual([]);

    const records = (objects: Map<string, Buffer>) =>
      [...objects.values()]
        .flatMap((bytes) => (JSON.parse(bytes.toString()) as { records: { imdb_id: string }[] }).records)
        .sort((a, b) => a.imdb_id.localeCompare(b.imdb_id));
    expect(records(await rawObjects(store))).toEqual(records(reference));
  });

  it("reports failed without the token when TMDB refuses it", async () => {
    const wrong = "eyJ-WRONG-SECRET-token-9876543210";
    secrets.reset();
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ readAccessToken: wrong }) });
    const store = lakeOf(s3, s3Client, "refused");
    const report = await handler(eventOf(s3, "refused"), ROOMY);
    expect(report).toMatchObject({ state: "failed", error: { code: "TMDB_UNAUTHORIZED" } });
    const stored = (await readAll(await store.get(lambdaRunKey(DATE, "run-1", "status.json")))).toString();
    expect(stored).toContain('"failed"');
    expect(stored).not.toContain(wrong);
    expect(JSON.stringify(report)).not.toContain(wrong);
  });

  it("reports failed when the secret is not a TMDB credential, without quoting it", async () => {
    secrets.reset();
    secrets.on(GetSecretValueCommand).resolves({ SecretString: "plain-SECRET-text" });
    const report = await handler(eventOf(s3, "bad-secret"), ROOMY);
    expect(report).toMatchObject({ state: "failed", error: { code: "TMDB_SECRET_INVALID" } });
    expect(JSON.stringify(report)).not.toContain("plain-SECRET-text");
  });
});

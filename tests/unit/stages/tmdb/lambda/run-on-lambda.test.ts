import {
  CreateFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  PutFunctionEventInvokeConfigCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-lambda";
import type { S3Client } from "@aws-sdk/client-s3";
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LakebookError } from "../../../../../pipeline/contract";
import { DEFAULT_FIELDS } from "../../../../../pipeline/stages/tmdb/enrich";
import {
  createEnrichHandler,
  runTmdbOnLambda,
  type TmdbLambdaEvent,
  type TmdbLambdaRunOptions,
} from "../../../../../pipeline/stages/tmdb/lambda";
import type { FakeTmdb } from "../../../../helpers/fake-tmdb";
import { type RunningS3rver, startS3rver } from "../../../../helpers/s3rver";
import { DATE, lakeOf, rawObjects, s3ClientOf, startTmdb, TITLES, TOKEN } from "./lambda-fixtures";

const lambda = mockClient(LambdaClient);
const secrets = mockClient(SecretsManagerClient);
const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:lakebook/tmdb-AbCdEf";
const ROLE = "arn:aws:iam::123456789012:role/lakebook-tmdb";
const CODE = { zip: new Uint8Array([80, 75, 5, 6]), sha256: "c2hh", bundleBytes: 4 };
let s3: RunningS3rver;
let s3Client: S3Client;
let fake: FakeTmdb;
/** What the mocked Secrets Manager holds, and the invocations the mocked Lambda is running. */
let stored: string | undefined;
let running: Promise<unknown>[];

beforeAll(async () => {
  [s3, fake] = await Promise.all([startS3rver(), startTmdb()]);
  s3Client = s3ClientOf(s3);
});
afterAll(async () => {
  s3Client?.destroy();
  await Promise.all([s3?.stop(), fake?.stop()]);
});

/** A mocked Lambda whose asynchronous Invoke runs the real handler in this process. */
function mockAws(remaining: (invocation: number) => () => number = () => () => 900_000) {
  lambda.reset();
  secrets.reset();
  stored = undefined;
  running = [];
  secrets.on(CreateSecretCommand).callsFake((input: { SecretString: string }) => {
    stored = input.SecretString;
    return { ARN: SECRET_ARN };
  });
  secrets.on(GetSecretValueCommand).callsFake(() => ({ ARN: SECRET_ARN, SecretString: stored }));
  lambda
    .on(GetFunctionCommand)
    .rejects(new ResourceNotFoundException({ message: "Function not found", $metadata: {} }));
  lambda.on(CreateFunctionCommand).resolves({ State: "Pending" });
  lambda.on(GetFunctionConfigurationCommand).resolves({ State: "Active", LastUpdateStatus: "Successful" });
  const handler = createEnrichHandler({ s3Client: () => s3Client, tmdbBaseUrl: fake.baseUrl });
  lambda.on(InvokeCommand).callsFake((input: { Payload: Uint8Array }) => {
    const event = JSON.parse(new TextDecoder().decode(input.Payload)) as TmdbLambdaEvent;
    running.push(handler(event, { getRemainingTimeInMillis: remaining(event.invocation) }));
    return { StatusCode: 202 };
  });
}

function options(prefix: string, extra: Partial<TmdbLambdaRunOptions> = {}): TmdbLambdaRunOptions {
  return {
    store: lakeOf(s3, s3Client, prefix),
    titles: TITLES,
    settings: {
      fields: [...DEFAULT_FIELDS],
      name: "tmdb",
      requestsPerSecond: 1000,
      concurrency: 8,
      date: DATE,
      lambda: { functionName: "lakebook-tmdb-enrich", roleArn: ROLE, memoryMb: 512, runtime: "nodejs22.x" },
    },
    credentials: { readAccessToken: TOKEN },
    aws: { region: "us-east-1" },
    runId: "run-1",
    packageCode: async () => CODE,
    statusPolling: { firstDelayMs: 5, maxDelayMs: 20, factor: 1.5, silenceMs: 30_000 },
    lambdaPolling: { firstDelayMs: 1, maxDelayMs: 1, factor: 1, maxWaitMs: 1000 },
    ...extra,
  };
}

function events(): TmdbLambdaEvent[] {
  return lambda
    .commandCalls(InvokeCommand)
    .map(
      (call) =>
        JSON.parse(new TextDecoder().decode(call.args[0].input.Payload as Uint8Array)) as TmdbLambdaEvent,
    );
}

beforeEach(() => mockAws());

describe("runTmdbOnLambda (mocked Lambda running the real handler, s3rver, fake TMDB)", () => {
  it("stores the secret, creates the function, invokes it and polls status.json to done", async () => {
    const progress: number[] = [];
    const result = await runTmdbOnLambda(options("whole", { onProgress: (p) => progress.push(p.done) }));
    await Promise.all(running);

    expect(result).toMatchObject({ total: 147, found: 144, notFound: 3, fetched: 147, date: "2026-01-05" });
    expect(result.files).toHaveLength(144); // one file a record found
    expect((await rawObjects(lakeOf(s3, s3Client, "whole"))).size).toBe(144);
    expect(JSON.parse(stored ?? "{}")).toEqual({ readAccessToken: TOKEN });
    expect(secrets.commandCalls(CreateSecretCommand)[0]?.args[0].input).toMatchObject({
      Name: "lakebook/tmdb",
    });
    expect(lambda.commandCalls(CreateFunctionCommand)[0]?.args[0].input).toEqual({
      FunctionName: "lakebook-tmdb-enrich",
      Role: ROLE,
      Runtime: "nodejs22.x",
      Handler: "index.handler",
      Description: "Lakebook: TMDB enrichment of the lake's RAW zone.",
      Timeout: 900,
      MemorySize: 512,
      Environment: { Variables: {} },
      PackageType: "Zip",
      Code: { ZipFile: CODE.zip },
      Architectures: ["arm64"],
    });
    // Lambda retries a failed asynchronous invocation twice by default
    // (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html): a retry
    // would run beside the user's rerun, so they are turned off before the first invoke.
    expect(lambda.commandCalls(PutFunctionEventInvokeConfigCommand).map((c) => c.args[0].input)).toEqual([
      { FunctionName: "lakebook-tmdb-enrich", MaximumRetryAttempts: 0 },
    ]);
    expect(
      lambda
        .calls()
        .map((c) => c.args[0].constructor.name)
        .indexOf("PutFunctionEventInvokeConfigCommand"),
    ).toBeLessThan(
      lambda
        .calls()
        .map((c) => c.args[0].constructor.name)
        .indexOf("InvokeCommand"),
    );
    expect(events()).toEqual([
      {
        bucket: s3.bucket,
        prefix: "whole/",
        region: "us-east-1",
        secretId: SECRET_ARN,
        runId: "run-1",
        invocation: 1,
        titlesKey: "_lakebook/tmdb/2026-01-05/lambda/run-1/titles.json",
        settings: {
          fields: [...DEFAULT_FIELDS],
          name: "tmdb",
          date: "2026-01-05",
          requestsPerSecond: 1000,
          concurrency: 8,
        },
      },
    ]);
    // The token is in the secret only: not in the function's settings, nor in any event.
    const everyRequest = JSON.stringify(lambda.calls().map((call) => call.args[0].input));
    expect(everyRequest).not.toContain(TOKEN);
    expect(progress.length).toBeGreaterThan(0);
  });

  it("invokes again on partial, and returns one run's totals", async () => {
    const start = fake.received.length;
    mockAws((invocation) =>
      invocation === 1 ? () => (fake.received.length - start < 100 ? 900_000 : 60_000) : () => 900_000,
    );
    const result = await runTmdbOnLambda(options("twice"));
    await Promise.all(running);
    expect(events().map((event) => event.invocation)).toEqual([1, 2]);
    expect(result).toMatchObject({ total: 147, found: 144, notFound: 3, failed: 0, fetched: 147 });
    expect(new Set(result.filesWritten).size).toBe(result.filesWritten.length);
  });

  it("turns a failed status into a LakebookError", async () => {
    const error = await runTmdbOnLambda(
      options("refused", { credentials: { readAccessToken: "eyJ-WRONG-SECRET-token" } }),
    ).catch((thrown: unknown) => thrown);
    await Promise.all(running);
    expect(error).toBeInstanceOf(LakebookError);
    expect((error as LakebookError).code).toBe("TMDB_UNAUTHORIZED");
    expect(JSON.stringify((error as LakebookError).toJSON())).not.toContain("WRONG-SECRET");
  });

  it("stops polling on cancel and says the invocation may still finish", async () => {
    const controller = new AbortController();
    // Queued, never runs; the cancel comes while polling (after the invoke, however slow the machine).
    lambda.on(InvokeCommand).callsFake(() => {
      setTimeout(() => controller.abort(), 50);
      return { StatusCode: 202 };
    });
    const error = await runTmdbOnLambda(options("cancelled", { signal: controller.signal })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ code: "CANCELLED" });
    expect((error as LakebookError).hint).toContain("may still finish");
  });
});

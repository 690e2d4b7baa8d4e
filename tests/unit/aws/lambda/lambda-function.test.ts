import {
  CreateFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  ResourceNotFoundException,
  TooManyRequestsException,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { ensureFunction, type LambdaFunctionSpec, type LambdaPolling } from "../../../../pipeline/aws/lambda";
import { LakebookError } from "../../../../pipeline/contract";

const lambda = mockClient(LambdaClient);
const client = new LambdaClient({ region: "eu-west-1" });
const ROLE = "arn:aws:iam::123456789012:role/lakebook-tmdb";
const ARN = "arn:aws:lambda:eu-west-1:123456789012:function:lakebook-tmdb-enrich";
const ZIP = new Uint8Array([80, 75, 5, 6]);
const SPEC: LambdaFunctionSpec = {
  functionName: "lakebook-tmdb-enrich",
  roleArn: ROLE,
  runtime: "nodejs22.x",
  handler: "index.handler",
  timeoutSeconds: 900,
  memoryMb: 512,
  architecture: "arm64",
  environment: {},
  description: "Lakebook: TMDB enrichment of the lake's RAW zone.",
  code: { zip: ZIP, sha256: "c2hhLW9mLXRoZS16aXA=" },
};
/** What GetFunction reports for a function that matches SPEC. */
const CURRENT = {
  FunctionName: SPEC.functionName,
  FunctionArn: ARN,
  Role: ROLE,
  Runtime: "nodejs22.x" as const,
  Handler: "index.handler",
  Description: SPEC.description,
  Timeout: 900,
  MemorySize: 512,
  Architectures: ["arm64" as const],
  CodeSha256: SPEC.code.sha256,
  State: "Active" as const,
  LastUpdateStatus: "Successful" as const,
};
const waits: number[] = [];
const POLLING: LambdaPolling = {
  firstDelayMs: 1000,
  maxDelayMs: 4000,
  factor: 2,
  maxWaitMs: 60_000,
  sleep: async (ms) => {
    waits.push(ms);
  },
  now: () => waits.reduce((a, b) => a + b, 0),
};
const notFound = () =>
  new ResourceNotFoundException({ message: `Function not found: ${ARN}`, $metadata: {} });

async function failure(promise: Promise<unknown>): Promise<LakebookError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LakebookError);
  return error as LakebookError;
}

beforeEach(() => {
  lambda.reset();
  waits.length = 0;
});

describe("ensureFunction", () => {
  it("creates a missing function with the exact request, then waits through Pending to Active", async () => {
    lambda.on(GetFunctionCommand).rejects(notFound());
    lambda.on(CreateFunctionCommand).resolves({ FunctionArn: ARN, State: "Pending" });
    lambda
      .on(GetFunctionConfigurationCommand)
      .resolvesOnce({ ...CURRENT, State: "Pending", StateReasonCode: "Creating" })
      .resolvesOnce({ ...CURRENT, State: "Pending", StateReasonCode: "Creating" })
      .resolves(CURRENT);

    const ensured = await ensureFunction(client, SPEC, POLLING);

    expect(ensured).toEqual({
      functionArn: ARN,
      created: true,
      codeUpdated: false,
      configurationUpdated: false,
    });
    expect(lambda.commandCalls(CreateFunctionCommand).map((call) => call.args[0].input)).toEqual([
      {
        FunctionName: "lakebook-tmdb-enrich",
        Role: ROLE,
        Runtime: "nodejs22.x",
        Handler: "index.handler",
        Description: SPEC.description,
        Timeout: 900,
        MemorySize: 512,
        Environment: { Variables: {} },
        PackageType: "Zip",
        Code: { ZipFile: ZIP },
        Architectures: ["arm64"],
      },
    ]);
    expect(lambda.commandCalls(GetFunctionConfigurationCommand).map((call) => call.args[0].input)).toEqual(
      Array(3).fill({ FunctionName: "lakebook-tmdb-enrich" }),
    );
    expect(waits).toEqual([1000, 2000]);
    expect(lambda.commandCalls(UpdateFunctionCodeCommand)).toHaveLength(0);
  });

  it("changes nothing when the code's SHA-256 and the settings match", async () => {
    lambda.on(GetFunctionCommand).resolves({ Configuration: CURRENT });
    const ensured = await ensureFunction(client, SPEC, POLLING);
    expect(ensured).toEqual({
      functionArn: ARN,
      created: false,
      codeUpdated: false,
      configurationUpdated: false,
    });
    expect(lambda.calls()).toHaveLength(1);
  });

  it("updates the code only when the SHA-256 differs, and waits through InProgress to Successful", async () => {
    lambda.on(GetFunctionCommand).resolves({ Configuration: { ...CURRENT, CodeSha256: "b2xkLWNvZGU=" } });
    lambda.on(UpdateFunctionCodeCommand).resolves({ ...CURRENT, LastUpdateStatus: "InProgress" });
    lambda
      .on(GetFunctionConfigurationCommand)
      .resolvesOnce({ ...CURRENT, LastUpdateStatus: "InProgress" })
      .resolves(CURRENT);

    const ensured = await ensureFunction(client, SPEC, POLLING);

    expect(ensured).toMatchObject({ created: false, codeUpdated: true, configurationUpdated: false });
    expect(lambda.commandCalls(UpdateFunctionCodeCommand).map((call) => call.args[0].input)).toEqual([
      { FunctionName: "lakebook-tmdb-enrich", ZipFile: ZIP, Architectures: ["arm64"] },
    ]);
    expect(lambda.commandCalls(UpdateFunctionConfigurationCommand)).toHaveLength(0);
    expect(waits).toEqual([1000]);
  });

  it("updates only the settings when they differ, after waiting out an update already in progress", async () => {
    lambda.on(GetFunctionCommand).resolves({ Configuration: { ...CURRENT, LastUpdateStatus: "InProgress" } });
    lambda
      .on(GetFunctionConfigurationCommand)
      .resolvesOnce({ ...CURRENT, MemorySize: 128, LastUpdateStatus: "InProgress" })
      .resolvesOnce({ ...CURRENT, MemorySize: 128 })
      .resolves(CURRENT);
    lambda.on(UpdateFunctionConfigurationCommand).resolves({});

    const ensured = await ensureFunction(client, SPEC, POLLING);

    expect(ensured).toMatchObject({ codeUpdated: false, configurationUpdated: true });
    expect(lambda.commandCalls(UpdateFunctionCodeCommand)).toHaveLength(0);
    expect(lambda.commandCalls(UpdateFunctionConfigurationCommand).map((call) => call.args[0].input)).toEqual(
      [
        {
          FunctionName: "lakebook-tmdb-enrich",
          Role: ROLE,
          Runtime: "nodejs22.x",
          Handler: "index.handler",
          Description: SPEC.description,
          Timeout: 900,
          MemorySize: 512,
          Environment: { Variables: {} },
        },
      ],
    );
  });

  it("reports a Failed state with Lambda's StateReason", async () => {
    lambda.on(GetFunctionCommand).rejects(notFound());
    lambda.on(CreateFunctionCommand).resolves({ FunctionArn: ARN, State: "Pending" });
    lambda
      .on(GetFunctionConfigurationCommand)
      .resolvesOnce({ ...CURRENT, State: "Pending" })
      .resolves({
        ...CURRENT,
        State: "Failed",
        StateReason: "The role defined for the function cannot be assumed by Lambda.",
      });
    const error = await failure(ensureFunction(client, SPEC, POLLING));
    expect(error.code).toBe("LAMBDA_FUNCTION_FAILED");
    expect(error.message).toContain("cannot be assumed by Lambda");
    expect(error.hint).toContain("lambda.amazonaws.com");
  });

  it("reports a failed update with LastUpdateStatusReason", async () => {
    lambda.on(GetFunctionCommand).resolves({ Configuration: { ...CURRENT, CodeSha256: "b2xk" } });
    lambda.on(UpdateFunctionCodeCommand).resolves({});
    lambda.on(GetFunctionConfigurationCommand).resolves({
      ...CURRENT,
      LastUpdateStatus: "Failed",
      LastUpdateStatusReason: "Code storage limit exceeded.",
    });
    const error = await failure(ensureFunction(client, SPEC, POLLING));
    expect(error).toMatchObject({ code: "LAMBDA_FUNCTION_FAILED" });
    expect(error.message).toContain("could not be updated: Code storage limit exceeded.");
  });

  it("gives up waiting after maxWaitMs", async () => {
    lambda.on(GetFunctionCommand).resolves({ Configuration: { ...CURRENT, State: "Pending" } });
    lambda.on(GetFunctionConfigurationCommand).resolves({ ...CURRENT, State: "Pending" });
    const error = await failure(ensureFunction(client, SPEC, { ...POLLING, maxWaitMs: 10_000 }));
    expect(error).toMatchObject({ code: "LAMBDA_WAIT_TIMEOUT", retryable: true });
  });

  it("maps AccessDenied, throttling and missing credentials to errors that say what to fix", async () => {
    const denied = Object.assign(
      new Error(
        "User: arn:aws:iam::123456789012:user/student is not authorized to perform: lambda:GetFunction",
      ),
      {
        name: "AccessDeniedException",
        $metadata: { httpStatusCode: 403 },
      },
    );
    lambda.on(GetFunctionCommand).rejects(denied);
    const error = await failure(ensureFunction(client, SPEC, POLLING));
    expect(error.code).toBe("LAMBDA_ACCESS_DENIED");
    expect(error.message).toContain("not authorized to perform: lambda:GetFunction");
    expect(error.hint).toContain("iam:PassRole");

    lambda.reset();
    lambda.on(GetFunctionCommand).rejects(notFound());
    lambda
      .on(CreateFunctionCommand)
      .rejects(new TooManyRequestsException({ message: "Rate exceeded", $metadata: {} }));
    expect(await failure(ensureFunction(client, SPEC, POLLING))).toMatchObject({
      code: "LAMBDA_THROTTLED",
      retryable: true,
    });

    lambda.reset();
    const noCredentials = Object.assign(new Error("Could not load credentials from any providers"), {
      name: "CredentialsProviderError",
    });
    lambda.on(GetFunctionCommand).rejects(noCredentials);
    const missing = await failure(ensureFunction(client, SPEC, POLLING));
    expect(missing.code).toBe("AWS_CREDENTIALS");
    expect(missing.hint).toContain("profile");
  });

  it("says how to fix a role Lambda cannot use", async () => {
    lambda.on(GetFunctionCommand).rejects(notFound());
    lambda.on(CreateFunctionCommand).rejects(
      Object.assign(new Error("The role defined for the function cannot be assumed by Lambda."), {
        name: "InvalidParameterValueException",
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const error = await failure(ensureFunction(client, SPEC, POLLING));
    expect(error.code).toBe("LAMBDA_ROLE_INVALID");
    expect(error.hint).toContain("lambda.roleArn");
  });
});

import {
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  ResourceNotFoundException,
  ResourceNotReadyException,
} from "@aws-sdk/client-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { invokeAsync, type LambdaPolling } from "../../../../pipeline/aws/lambda";
import { LakebookError } from "../../../../pipeline/contract";

const lambda = mockClient(LambdaClient);
const client = new LambdaClient({ region: "eu-west-1" });
const POLLING: LambdaPolling = {
  firstDelayMs: 1,
  maxDelayMs: 1,
  factor: 1,
  maxWaitMs: 1000,
  sleep: async () => undefined,
};
const EVENT = { runId: "r1", invocation: 1, titlesKey: "_lakebook/tmdb/2026-01-05/lambda/r1/titles.json" };

beforeEach(() => lambda.reset());

describe("invokeAsync", () => {
  it("sends one asynchronous Invoke with the event as JSON", async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    await invokeAsync(client, "lakebook-tmdb-enrich", EVENT, POLLING);
    const calls = lambda.commandCalls(InvokeCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    expect({ ...input, Payload: undefined }).toEqual({
      FunctionName: "lakebook-tmdb-enrich",
      InvocationType: "Event",
      Payload: undefined,
    });
    expect(JSON.parse(new TextDecoder().decode(input?.Payload as Uint8Array))).toEqual(EVENT);
  });

  it("waits for a sleeping (Inactive) function to wake, then invokes again", async () => {
    lambda
      .on(InvokeCommand)
      .rejectsOnce(new ResourceNotReadyException({ message: "The function is inactive", $metadata: {} }))
      .resolves({ StatusCode: 202 });
    lambda
      .on(GetFunctionConfigurationCommand)
      .resolvesOnce({ State: "Inactive" })
      .resolvesOnce({ State: "Pending" })
      .resolves({ State: "Active", LastUpdateStatus: "Successful" });
    await invokeAsync(client, "lakebook-tmdb-enrich", EVENT, POLLING);
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(2);
    expect(lambda.commandCalls(GetFunctionConfigurationCommand)).toHaveLength(3);
  });

  it("maps a missing function and refuses an event over 256 KB before sending it", async () => {
    lambda
      .on(InvokeCommand)
      .rejects(new ResourceNotFoundException({ message: "Function not found", $metadata: {} }));
    await expect(invokeAsync(client, "nope", EVENT, POLLING)).rejects.toMatchObject({
      code: "LAMBDA_FUNCTION_NOT_FOUND",
    });

    lambda.reset();
    const big = { titles: "x".repeat(300 * 1024) };
    const error = await invokeAsync(client, "lakebook-tmdb-enrich", big, POLLING).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LakebookError);
    expect((error as LakebookError).code).toBe("LAMBDA_PAYLOAD_TOO_LARGE");
    expect(lambda.calls()).toHaveLength(0);
  });
});

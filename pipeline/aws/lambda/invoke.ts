import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { LakebookError } from "../../contract/errors";
import { sdkErrorName } from "../sdk-errors";
import { DEFAULT_LAMBDA_POLLING, type LambdaPolling, waitUntilReady } from "./function-state";
import { lambdaError } from "./lambda-errors";

/** Lambda's cap on an asynchronous invocation's event. */
export const MAX_ASYNC_PAYLOAD_BYTES = 256 * 1024;

/**
 * Queues one asynchronous invocation (InvocationType "Event"; Lambda answers 202 at once). The
 * function reports back through the lake, not through this call. A function Lambda has put to
 * sleep (Inactive) refuses the first invoke while it wakes: waited out once, then invoked again.
 */
export async function invokeAsync(
  client: LambdaClient,
  functionName: string,
  event: unknown,
  polling: LambdaPolling = DEFAULT_LAMBDA_POLLING,
): Promise<void> {
  const payload = new TextEncoder().encode(JSON.stringify(event));
  if (payload.byteLength > MAX_ASYNC_PAYLOAD_BYTES) {
    throw new LakebookError(
      "LAMBDA_PAYLOAD_TOO_LARGE",
      `The event for ${functionName} is ${payload.byteLength} bytes; an asynchronous invoke takes at most ${MAX_ASYNC_PAYLOAD_BYTES}.`,
      { hint: "Large inputs go to the lake and the event carries their key; this is a Lakebook bug." },
    );
  }
  const send = () =>
    client.send(new InvokeCommand({ FunctionName: functionName, InvocationType: "Event", Payload: payload }));
  try {
    await send();
  } catch (error) {
    if (sdkErrorName(error) !== "ResourceNotReadyException")
      throw lambdaError(error, { action: "invoke", functionName });
    await waitUntilReady(client, functionName, polling, "active");
    try {
      await send();
    } catch (again) {
      throw lambdaError(again, { action: "invoke", functionName });
    }
  }
}

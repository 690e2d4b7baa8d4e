import {
  type FunctionConfiguration,
  GetFunctionConfigurationCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { LakebookError } from "../../contract/errors";
import { type Backoff, POLL_AGAIN, pollWithBackoff } from "../poll";
import type { Sleep } from "../sleep";
import { lambdaError } from "./lambda-errors";

/** How `waitUntilReady` polls; tests pass a `sleep` that returns at once. */
export interface LambdaPolling extends Backoff {
  factor: number;
  /** Gives up after this long (LAMBDA_WAIT_TIMEOUT). */
  maxWaitMs: number;
  sleep?: Sleep;
  now?: () => number;
  signal?: AbortSignal;
}

export const DEFAULT_LAMBDA_POLLING: LambdaPolling = {
  firstDelayMs: 1000,
  maxDelayMs: 5000,
  factor: 1.5,
  maxWaitMs: 5 * 60_000,
};

/**
 * Polls GetFunctionConfiguration until the function can take the next call: State Active (or
 * Inactive, which an invoke wakes up) and no update InProgress. Pending and InProgress are waited
 * out; Failed (state or last update) throws with Lambda's reason. Lambda refuses an update or
 * invoke while the previous change is still in progress, hence the wait after every change.
 */
export async function waitUntilReady(
  client: LambdaClient,
  functionName: string,
  polling: LambdaPolling = DEFAULT_LAMBDA_POLLING,
  /** "active": Inactive is waited out too (after an invoke refused while the function wakes). */
  until: "settled" | "active" = "settled",
): Promise<FunctionConfiguration> {
  const now = polling.now ?? Date.now;
  const started = now();
  return pollWithBackoff(polling, async () => {
    if (polling.signal?.aborted) throw cancelled(functionName);
    let config: FunctionConfiguration;
    try {
      config = await client.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
    } catch (error) {
      throw lambdaError(error, { action: "read the state of", functionName });
    }
    if (config.State === "Failed") throw failed(functionName, "is in the Failed state", config.StateReason);
    if (config.LastUpdateStatus === "Failed") {
      throw failed(functionName, "could not be updated", config.LastUpdateStatusReason);
    }
    if (isReady(config) && (until === "settled" || config.State === "Active")) return config;
    if (now() - started >= polling.maxWaitMs) {
      throw new LakebookError(
        "LAMBDA_WAIT_TIMEOUT",
        `The function ${functionName} is still ${config.State === "Active" ? "updating" : (config.State ?? "not ready")} after ${Math.round(polling.maxWaitMs / 1000)} s.`,
        {
          hint: "Look at the function in the Lambda console, then run the cell again.",
          retryable: true,
          params: { function: functionName },
        },
      );
    }
    return POLL_AGAIN;
  });
}

/** Takes the next change or invoke: settled state, no update in flight. */
export function isReady(config: FunctionConfiguration | undefined): boolean {
  const state = config?.State;
  return (state === "Active" || state === "Inactive") && config?.LastUpdateStatus !== "InProgress";
}

function failed(functionName: string, what: string, reason: string | undefined): LakebookError {
  return new LakebookError(
    "LAMBDA_FUNCTION_FAILED",
    `The function ${functionName} ${what}: ${reason?.trim() || "Lambda gave no reason"}.`,
    {
      hint: "Fix what Lambda's reason names (often the role: it must exist and trust lambda.amazonaws.com), then run the cell again.",
      params: { function: functionName },
    },
  );
}

function cancelled(functionName: string): LakebookError {
  return new LakebookError("CANCELLED", `Stopped waiting for the function ${functionName}.`, {
    hint: "A change already sent to Lambda goes on; the next run waits for it.",
  });
}

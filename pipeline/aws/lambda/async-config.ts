import { type LambdaClient, PutFunctionEventInvokeConfigCommand } from "@aws-sdk/client-lambda";
import { lambdaError } from "./lambda-errors";

/**
 * Turns off Lambda's own retries of asynchronous invocations. By default Lambda retries an
 * asynchronous invocation twice when the function returns an error (or crashes, or times out)
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html), which
 * re-runs the same work beside a rerun the user starts: two writers on one checkpoint. Lakebook
 * decides itself whether to invoke again (it reads `status.json`), so Lambda never should.
 * PutFunctionEventInvokeConfig replaces the whole configuration, so it is the same on every run.
 */
export async function disableAsyncRetries(client: LambdaClient, functionName: string): Promise<void> {
  try {
    await client.send(
      new PutFunctionEventInvokeConfigCommand({ FunctionName: functionName, MaximumRetryAttempts: 0 }),
    );
  } catch (error) {
    throw lambdaError(error, { action: "turn off the asynchronous retries of", functionName });
  }
}

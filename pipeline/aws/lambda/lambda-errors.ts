import { LakebookError } from "../../contract/errors";
import {
  CREDENTIALS_HINT,
  isCredentialsError,
  NETWORK_CODES,
  type SdkErrorShape,
  sdkErrorShape,
  THROTTLING_ERRORS,
} from "../sdk-errors";

/**
 * The one place Lambda failures get their code and hint. Codes: AWS_CREDENTIALS,
 * LAMBDA_ACCESS_DENIED, LAMBDA_FUNCTION_NOT_FOUND, LAMBDA_ROLE_INVALID, LAMBDA_RUNTIME_UNSUPPORTED,
 * LAMBDA_THROTTLED, LAMBDA_BUSY, LAMBDA_PAYLOAD_TOO_LARGE, LAMBDA_CODE_STORAGE_FULL,
 * LAMBDA_UNAVAILABLE, LAMBDA_FAILED. Messages carry AWS's own words and the function's name; the
 * function's environment holds no secret, so nothing secret can be echoed.
 */
export interface LambdaErrorContext {
  /** What we were doing, as a verb phrase: "create", "update the code of", "invoke". */
  action: string;
  functionName: string;
}

const PERMISSIONS =
  "lambda:GetFunction, lambda:GetFunctionConfiguration, lambda:CreateFunction, lambda:UpdateFunctionCode, " +
  "lambda:UpdateFunctionConfiguration and lambda:InvokeFunction on the function, and iam:PassRole on its role";

export function lambdaError(error: unknown, context: LambdaErrorContext): LakebookError {
  if (error instanceof LakebookError) return error;
  const sdk = sdkErrorShape(error) as SdkErrorShape;
  const name = sdk.name ?? "Error";
  const status = sdk.$metadata?.httpStatusCode;
  const detail = sdk.message || name;
  const fn = context.functionName;
  const make = (code: string, hint: string, retryable = false) =>
    new LakebookError(code, `Lambda could not ${context.action} ${fn}: ${detail}`, {
      hint,
      retryable,
      cause: error,
    });

  if (isCredentialsError(error)) {
    return make("AWS_CREDENTIALS", CREDENTIALS_HINT);
  }
  if (name === "AccessDeniedException" || name === "AccessDenied" || status === 403) {
    return make("LAMBDA_ACCESS_DENIED", `The AWS identity in use needs ${PERMISSIONS}.`);
  }
  if (name === "ResourceNotFoundException") {
    return make(
      "LAMBDA_FUNCTION_NOT_FOUND",
      `There is no function ${fn} in this region: check the region in the notebook's target and the functionName in the TMDB cell's lambda settings.`,
    );
  }
  if (name === "InvalidParameterValueException" && /role/i.test(detail)) {
    return make(
      "LAMBDA_ROLE_INVALID",
      "Set lambda.roleArn in the TMDB cell to a role that trusts lambda.amazonaws.com and may read the TMDB " +
        "secret (secretsmanager:GetSecretValue) and read and write the lake's bucket. A role made moments " +
        "ago can take a few seconds before Lambda may use it: run again.",
    );
  }
  if (name === "InvalidParameterValueException" && /runtime/i.test(detail)) {
    return make(
      "LAMBDA_RUNTIME_UNSUPPORTED",
      "Lambda no longer accepts this Node.js runtime for new code: set lambda.runtime in the TMDB cell to a newer one.",
    );
  }
  if (THROTTLING_ERRORS.has(name) || status === 429) {
    return make(
      "LAMBDA_THROTTLED",
      "Lambda is throttling this account's requests: try again in a moment.",
      true,
    );
  }
  if (name === "ResourceConflictException" || name === "ResourceNotReadyException") {
    return make(
      "LAMBDA_BUSY",
      "The function is being created or updated (by this run or someone else): try again in a minute.",
      true,
    );
  }
  if (name === "RequestTooLargeException") {
    return make(
      "LAMBDA_PAYLOAD_TOO_LARGE",
      "The request is over Lambda's size limit; this is a Lakebook bug.",
    );
  }
  if (name === "CodeStorageExceededException") {
    return make(
      "LAMBDA_CODE_STORAGE_FULL",
      "The account's Lambda code storage is full: delete old function versions or unused functions.",
    );
  }
  if (name === "ServiceException" || (status !== undefined && status >= 500)) {
    return make("LAMBDA_UNAVAILABLE", "Lambda had an internal error: try again in a moment.", true);
  }
  if (sdk.code && NETWORK_CODES.has(sdk.code)) {
    return make(
      "LAMBDA_UNAVAILABLE",
      "Cannot reach the Lambda endpoint: check the network connection and the region in the notebook's target.",
      true,
    );
  }
  return make("LAMBDA_FAILED", "See Lambda's message above.");
}

import type { LakebookError } from "../../contract/errors";
import { classifySdkError, type SdkErrorRow, type SdkErrorService } from "../sdk-error-table";

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
  "lambda:UpdateFunctionConfiguration, lambda:PutFunctionEventInvokeConfig and lambda:InvokeFunction on the " +
  "function, and iam:PassRole on its role";

const LAMBDA_ROWS: readonly SdkErrorRow[] = [
  {
    names: ["InvalidParameterValueException"],
    message: /role/i,
    code: "LAMBDA_ROLE_INVALID",
    hint:
      "Set lambda.roleArn in the TMDB cell to a role that trusts lambda.amazonaws.com and may read the TMDB " +
      "secret (secretsmanager:GetSecretValue) and read and write the lake's bucket. A role made moments " +
      "ago can take a few seconds before Lambda may use it: run again.",
  },
  {
    names: ["InvalidParameterValueException"],
    message: /runtime/i,
    code: "LAMBDA_RUNTIME_UNSUPPORTED",
    hint: "Lambda no longer accepts this Node.js runtime for new code: set lambda.runtime in the TMDB cell to a newer one.",
  },
  {
    names: ["ResourceConflictException", "ResourceNotReadyException"],
    code: "LAMBDA_BUSY",
    hint: "The function is being created or updated (by this run or someone else): try again in a minute.",
    retryable: true,
  },
  {
    names: ["RequestTooLargeException"],
    code: "LAMBDA_PAYLOAD_TOO_LARGE",
    hint: "The request is over Lambda's size limit; this is a Lakebook bug.",
  },
  {
    names: ["CodeStorageExceededException"],
    code: "LAMBDA_CODE_STORAGE_FULL",
    hint: "The account's Lambda code storage is full: delete old function versions or unused functions.",
  },
];

function lambdaService(fn: string): SdkErrorService {
  return {
    prefix: "LAMBDA",
    rows: [
      {
        names: ["ResourceNotFoundException"],
        code: "LAMBDA_FUNCTION_NOT_FOUND",
        hint: `There is no function ${fn} in this region: check the region in the notebook's target and the functionName in the TMDB cell's lambda settings.`,
      },
      ...LAMBDA_ROWS,
    ],
    hints: {
      accessDenied: `The AWS identity in use needs ${PERMISSIONS}.`,
      throttled: "Lambda is throttling this account's requests: try again in a moment.",
      unavailable: "Lambda had an internal error: try again in a moment.",
      network:
        "Cannot reach the Lambda endpoint: check the network connection and the region in the notebook's target.",
    },
    fallback: { code: "LAMBDA_FAILED", hint: "See Lambda's message above." },
  };
}

export function lambdaError(error: unknown, context: LambdaErrorContext): LakebookError {
  return classifySdkError(error, lambdaService(context.functionName), {
    message: (detail) => `Lambda could not ${context.action} ${context.functionName}: ${detail}`,
    params: { function: context.functionName },
  });
}

import { LakebookError } from "../../contract/errors";
import {
  CREDENTIALS_HINT,
  isCredentialsError,
  NETWORK_CODES,
  type SdkErrorShape,
  sdkErrorShape,
} from "../sdk-errors";

/**
 * The one place Secrets Manager failures get their code and hint. Codes: AWS_CREDENTIALS,
 * SECRETS_ACCESS_DENIED, SECRET_NOT_FOUND, SECRET_SCHEDULED_FOR_DELETION, SECRET_DECRYPTION_FAILED,
 * SECRETS_THROTTLED, SECRETS_UNAVAILABLE, SECRETS_FAILED. A message names the secret, never its value:
 * AWS does not echo values, and `secret` (when given) is cut out of any text all the same.
 */
export interface SecretsErrorContext {
  /** What we were doing, as a verb phrase: "create", "store a new value in", "read". */
  action: string;
  secretName: string;
  /** The value being stored, so no message can carry it. */
  secret?: string;
}

export function secretsError(error: unknown, context: SecretsErrorContext): LakebookError {
  if (error instanceof LakebookError) return error;
  const sdk = sdkErrorShape(error) as SdkErrorShape;
  const name = sdk.name ?? "Error";
  const status = sdk.$metadata?.httpStatusCode;
  const raw = sdk.message || name;
  const detail = context.secret ? raw.split(context.secret).join("***") : raw;
  const secretName = context.secretName;
  const make = (code: string, hint: string, retryable = false) =>
    new LakebookError(
      code,
      `Secrets Manager could not ${context.action} the secret ${secretName}: ${detail}`,
      {
        hint,
        retryable,
      },
    );

  if (isCredentialsError(error)) {
    return make("AWS_CREDENTIALS", CREDENTIALS_HINT);
  }
  if (name === "AccessDeniedException" || status === 403) {
    return make(
      "SECRETS_ACCESS_DENIED",
      `The AWS identity in use needs secretsmanager:CreateSecret, secretsmanager:GetSecretValue and secretsmanager:PutSecretValue on ${secretName} (the Lambda's role needs GetSecretValue).`,
    );
  }
  if (name === "InvalidRequestException" && /deletion|deleted/i.test(detail)) {
    return make(
      "SECRET_SCHEDULED_FOR_DELETION",
      `Restore it (aws secretsmanager restore-secret --secret-id ${secretName}) or wait until it is gone, then run again.`,
    );
  }
  if (name === "ResourceNotFoundException") {
    return make(
      "SECRET_NOT_FOUND",
      "Run the TMDB cell on AWS again from Lakebook: it stores the secret first.",
    );
  }
  if (name === "DecryptionFailure") {
    return make(
      "SECRET_DECRYPTION_FAILED",
      "The secret's KMS key may not be used by this identity: allow kms:Decrypt on it, or store the secret with the default key (aws/secretsmanager).",
    );
  }
  if (name === "ThrottlingException" || name === "TooManyRequestsException" || status === 429) {
    return make("SECRETS_THROTTLED", "Secrets Manager is throttling requests: try again in a moment.", true);
  }
  if (name === "InternalServiceError" || (status !== undefined && status >= 500)) {
    return make("SECRETS_UNAVAILABLE", "Secrets Manager had an internal error: try again in a moment.", true);
  }
  if (sdk.code && NETWORK_CODES.has(sdk.code)) {
    return make(
      "SECRETS_UNAVAILABLE",
      "Cannot reach Secrets Manager: check the network connection and the region in the notebook's target.",
      true,
    );
  }
  return make("SECRETS_FAILED", "See Secrets Manager's message above.");
}

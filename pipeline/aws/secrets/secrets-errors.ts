import type { LakebookError } from "../../contract/errors";
import { classifySdkError, type SdkErrorRow, type SdkErrorService } from "../sdk-error-table";

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

const SECRETS_ROWS: readonly SdkErrorRow[] = [
  {
    names: ["ResourceNotFoundException"],
    code: "SECRET_NOT_FOUND",
    hint: "Run the TMDB cell on AWS again from Lakebook: it stores the secret first.",
  },
  {
    names: ["DecryptionFailure"],
    code: "SECRET_DECRYPTION_FAILED",
    hint: "The secret's KMS key may not be used by this identity: allow kms:Decrypt on it, or store the secret with the default key (aws/secretsmanager).",
  },
];

function secretsService(secretName: string): SdkErrorService {
  return {
    prefix: "SECRETS",
    rows: [
      {
        names: ["InvalidRequestException"],
        message: /deletion|deleted/i,
        code: "SECRET_SCHEDULED_FOR_DELETION",
        hint: `Restore it (aws secretsmanager restore-secret --secret-id ${secretName}) or wait until it is gone, then run again.`,
      },
      ...SECRETS_ROWS,
    ],
    hints: {
      accessDenied: `The AWS identity in use needs secretsmanager:CreateSecret, secretsmanager:GetSecretValue and secretsmanager:PutSecretValue on ${secretName} (the Lambda's role needs GetSecretValue).`,
      throttled: "Secrets Manager is throttling requests: try again in a moment.",
      unavailable: "Secrets Manager had an internal error: try again in a moment.",
      network:
        "Cannot reach Secrets Manager: check the network connection and the region in the notebook's target.",
    },
    fallback: { code: "SECRETS_FAILED", hint: "See Secrets Manager's message above." },
  };
}

export function secretsError(error: unknown, context: SecretsErrorContext): LakebookError {
  const { secret, secretName } = context;
  return classifySdkError(error, secretsService(secretName), {
    message: (detail) => `Secrets Manager could not ${context.action} the secret ${secretName}: ${detail}`,
    params: { secret: secretName },
    ...(secret ? { redact: (text: string) => text.split(secret).join("***") } : {}),
    // The exception may quote the request; only the redacted words leave this file.
    keepCause: false,
  });
}

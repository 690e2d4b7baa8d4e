import { CREDENTIAL_ERRORS, NETWORK_CODES, sdkErrorShape, THROTTLING_ERRORS } from "../aws/sdk-errors";
import { LakebookError } from "../contract/errors";
import { cancelled } from "./object-store";

/**
 * Turns an AWS SDK failure into a LakebookError a student can act on: what failed, where, and the
 * likely fix. Messages name the bucket and key, never credentials (access key ids are masked even
 * if a server echoes them).
 */
export interface S3ErrorContext {
  /** What we were doing, as a verb phrase: "upload", "download", "list", "delete", "inspect". */
  action: string;
  bucket: string;
  /** Full key in the bucket (with the store's prefix), if the call was about one object. */
  key?: string;
}

const REGION_ERRORS = new Set([
  "PermanentRedirect",
  "AuthorizationHeaderMalformed",
  "IllegalLocationConstraintException",
]);
/** Besides throttling: S3's own "try again" answers. */
const SERVER_ERRORS = new Set([
  "RequestTimeout",
  "RequestTimeoutException",
  "InternalError",
  "ServiceUnavailable",
  "TimeoutError",
]);

/** AWS access key ids (AKIA…/ASIA…) and anything shaped like a 40-character secret key. */
const SECRET_LIKE = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

export function redactSecrets(text: string): string {
  return text.replace(SECRET_LIKE, "[redacted]");
}

export function s3Error(error: unknown, context: S3ErrorContext): LakebookError {
  if (error instanceof LakebookError) return error;
  const sdk = sdkErrorShape(error);
  const name = sdk.name ?? "Error";
  const status = sdk.$metadata?.httpStatusCode;
  if (name === "AbortError") return cancelled();

  const where = context.key ? `s3://${context.bucket}/${context.key}` : `s3://${context.bucket}`;
  const detail = redactSecrets(sdk.message || name);
  const message = `S3 ${context.action} failed for ${where}: ${detail}`;
  const make = (hint: string, retryable = false) =>
    new LakebookError("S3_ERROR", message, { hint, retryable, cause: error });

  if (name === "NoSuchBucket") {
    return make(
      `The bucket "${context.bucket}" does not exist in this account and region: create it ` +
        `(aws s3 mb s3://${context.bucket}) or check the bucket name and region in the notebook's target.`,
    );
  }
  if (CREDENTIAL_ERRORS.has(name)) {
    return make(
      "AWS credentials are missing, wrong or expired. Configure a profile (aws configure) or sign in again " +
        "(aws sso login --profile <name>); Lakebook reads credentials only from the AWS default chain.",
    );
  }
  if (name === "AccessDenied" || name === "Forbidden" || status === 403) {
    return make(
      `The AWS identity in use is not allowed to ${context.action} here. Its IAM policy needs s3:ListBucket on ` +
        `arn:aws:s3:::${context.bucket} and s3:GetObject, s3:PutObject, s3:DeleteObject on arn:aws:s3:::${context.bucket}/*.`,
    );
  }
  if (REGION_ERRORS.has(name) || status === 301) {
    return make(
      `The bucket "${context.bucket}" is in another region: set the region in the notebook's target.`,
    );
  }
  if (
    THROTTLING_ERRORS.has(name) ||
    SERVER_ERRORS.has(name) ||
    status === 429 ||
    (status !== undefined && status >= 500)
  ) {
    return make("S3 is busy or briefly unavailable: try again in a moment.", true);
  }
  if (sdk.code && NETWORK_CODES.has(sdk.code)) {
    return make("Cannot reach the S3 endpoint: check the network connection and the endpoint setting.", true);
  }
  return make("See the message from S3 above; check the bucket, key and permissions.");
}

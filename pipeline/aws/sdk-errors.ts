/**
 * What every AWS adapter reads from an SDK exception before giving it its own code and hint:
 * the exception's name, HTTP status and message, and whether it is about credentials, throttling
 * or the network — the same for Glue, Athena, Lambda, Secrets Manager and QuickSight.
 */
export interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Credentials missing, wrong, expired or signed badly (any service). */
export const CREDENTIAL_ERRORS: ReadonlySet<string> = new Set([
  "CredentialsProviderError",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "InvalidClientTokenId",
  "ExpiredToken",
  "ExpiredTokenException",
  "TokenRefreshRequired",
  "InvalidAccessKeyId",
  "InvalidToken",
  "SignatureDoesNotMatch",
]);

/** "Slow down": retryable after a pause (S3 says SlowDown, most services ThrottlingException). */
export const THROTTLING_ERRORS: ReadonlySet<string> = new Set([
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "TooManyRequestsException",
  "SlowDown",
  "RequestLimitExceeded",
  "RequestThrottled",
]);

/** Node's own codes (and undici's) when AWS could not be reached at all or the connection dropped. */
export const NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
]);

export function sdkErrorShape(error: unknown): SdkErrorShape {
  return (typeof error === "object" && error !== null ? error : {}) as SdkErrorShape;
}

export function sdkErrorName(error: unknown): string {
  return sdkErrorShape(error).name ?? "Error";
}

/** Every adapter's hint for AWS_CREDENTIALS: where the credentials come from and how to fix them. */
export const CREDENTIALS_HINT =
  "AWS credentials are missing, wrong or expired. Set `profile:` in the notebook's target to a profile " +
  "from ~/.aws/config (aws configure), or sign in again (aws sso login --profile <name>). " +
  "Lakebook reads credentials only from the AWS default chain.";

/** Credentials missing, wrong or expired, by the exception's name or the SDK's own words. */
export function isCredentialsError(error: unknown): boolean {
  const { name, message } = sdkErrorShape(error);
  return CREDENTIAL_ERRORS.has(name ?? "") || /could not load credentials/i.test(message ?? "");
}

import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";

export interface S3ClientSettings {
  /** Left out: the SDK default chain decides (AWS_REGION, the profile); `us-east-1` for a custom endpoint. */
  region?: string;
  /** An S3-compatible server (s3rver, MinIO); left out for AWS itself. */
  endpoint?: string;
  /** Left out: the SDK default chain (env, shared profiles, SSO). Never read from a notebook. */
  credentials?: S3ClientConfig["credentials"];
  /** A profile *name* from ~/.aws/config (the notebook may name one; keys stay in the profile). */
  profile?: string;
}

/**
 * The one place an S3 client is configured: the lake's object store (`lake/s3-store.ts`) and the
 * AWS client factory (`../clients.ts`) both make theirs here.
 * - `requestChecksumCalculation: "WHEN_REQUIRED"`: otherwise the SDK sends streamed bodies with
 *   aws-chunked framing and a trailing checksum, which S3-compatible servers store verbatim inside
 *   the object; the challenge needs the CSVs byte-identical.
 * - `responseChecksumValidation: "WHEN_REQUIRED"`: the same servers return no checksums to validate.
 * - `forcePathStyle` with a custom endpoint: `http://127.0.0.1:port/bucket/key`, since local servers
 *   cannot resolve `bucket.127.0.0.1`.
 */
export function createS3Client(settings: S3ClientSettings = {}): S3Client {
  const config: S3ClientConfig = {
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
  if (settings.endpoint) {
    config.endpoint = settings.endpoint;
    config.forcePathStyle = true;
    config.region = settings.region ?? "us-east-1";
  } else if (settings.region) {
    config.region = settings.region;
  }
  if (settings.credentials) config.credentials = settings.credentials;
  if (settings.profile) config.profile = settings.profile;
  return new S3Client(config);
}

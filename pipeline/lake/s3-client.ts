/**
 * The lake's S3 client is configured where every AWS client is: `aws/s3/s3-client.ts` (checksums
 * only when required, path-style addressing for an S3-compatible endpoint). Re-exported here so the
 * lake's callers keep asking the lake for it.
 */
export { createS3Client, type S3ClientSettings } from "../aws/s3/s3-client";

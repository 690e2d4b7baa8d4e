import { createHash } from "node:crypto";

/**
 * The ETag S3 gives an object made by a multipart upload: the hex MD5 of the concatenated binary
 * MD5s of its parts, then `-` and the number of parts (`"9b2cf535f27731c974343645a3985328-21"`).
 * Computed locally from the source, it checks what landed without downloading it. (Not for SSE-KMS
 * buckets, whose ETags are not MD5s; nor s3rver, which answers with the plain MD5 of the whole.)
 */
export function multipartEtag(partMd5s: readonly Uint8Array[]): string {
  const hash = createHash("md5");
  for (const md5 of partMd5s) hash.update(md5);
  return `${hash.digest("hex")}-${partMd5s.length}`;
}

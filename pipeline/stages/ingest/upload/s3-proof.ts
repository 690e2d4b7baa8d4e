import { createHash } from "node:crypto";
import { etagIsMd5, type ObjectFacts } from "../../../aws/s3";
import { LakebookError } from "../../../contract";
import type { S3Store } from "../../../lake";
import { multipartEtag } from "./multipart-etag";
import type { ValidatedSource } from "./uploader";

/**
 * How a stored object is shown to hold the source's bytes. When S3 makes its ETag a content hash
 * (plain text or SSE-S3: the MD5, or for a multipart object the MD5 of the part MD5s + `-N`), the
 * ETag is compared with the one computed from the file. SSE-C, SSE-KMS and DSSE-KMS ETags are not
 * MD5s (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html), so for those the object
 * is read back and its SHA-256 compared: as strong as the ETag, at the price of one download.
 */
export type Proof = { holds: true; how: string } | { holds: false; difference: string };

/** The ETag S3 gives these bytes uploaded in parts of `partSize` (or whole), or "" without digests. */
export function expectedEtag(source: ValidatedSource, partSize: number): string {
  const digest = source.digest?.result();
  if (!digest) return "";
  return source.bytes <= partSize ? digest.md5 : multipartEtag(digest.parts);
}

/** Only what the ETag says; undefined when the ETag is not a content hash or names other bytes. */
export function etagProof(head: ObjectFacts, source: ValidatedSource, partSize: number): string | undefined {
  const digest = source.digest?.result();
  if (!digest || !etagIsMd5(head)) return undefined;
  const expected = expectedEtag(source, partSize);
  if (head.etag === expected) {
    return expected.includes("-")
      ? `size and multipart ETag (MD5 of the ${digest.parts.length} part MD5s)`
      : "size and MD5 (ETag)";
  }
  if (head.etag === digest.md5) return "size and MD5 of the whole object (ETag)";
  return undefined;
}

export async function proveContent(
  store: S3Store,
  key: string,
  head: ObjectFacts,
  source: ValidatedSource,
  partSize: number,
  signal?: AbortSignal,
): Promise<Proof> {
  if (etagIsMd5(head)) {
    const how = etagProof(head, source, partSize);
    if (how) return { holds: true, how };
    return {
      holds: false,
      difference: `ETag ${head.etag} stored, ${expectedEtag(source, partSize)} expected from the source`,
    };
  }
  const sha256 = await storedSha256(store, key, signal);
  const kind = head.customerKeyAlgorithm
    ? "SSE-C"
    : head.encryption === "aws:kms:dsse"
      ? "DSSE-KMS"
      : "SSE-KMS";
  if (sha256 === source.sha256) {
    return {
      holds: true,
      how: `size and SHA-256 of the stored object, read back (${kind} ETags are not MD5s)`,
    };
  }
  return {
    holds: false,
    difference: `SHA-256 ${sha256.slice(0, 12)}… read back, ${source.sha256.slice(0, 12)}… in the source`,
  };
}

async function storedSha256(store: S3Store, key: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash("sha256");
  const stream = await store.get(key);
  for await (const chunk of stream) {
    if (signal?.aborted) {
      stream.destroy();
      throw new LakebookError("CANCELLED", "The ingest was cancelled while checking the stored object.", {
        hint: "Run it again when you are ready: the object is checked again before it counts.",
      });
    }
    hash.update(chunk as Uint8Array);
  }
  return hash.digest("hex");
}

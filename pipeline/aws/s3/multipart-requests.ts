import {
  AbortMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
} from "@aws-sdk/client-s3";
import { bareEtag, type S3Send } from "./object-requests";

/**
 * The multipart bookkeeping calls: what is already stored, and clearing away uploads nobody will
 * finish. S3-compatible servers implement these unevenly (s3rver has none of the three), so each
 * says "unsupported" instead of failing: resuming then trusts the checkpoint, and the clean-up is
 * left to the bucket's lifecycle rule for incomplete uploads.
 */
interface SdkError {
  name?: string;
  $metadata?: { httpStatusCode?: number };
}

function shape(error: unknown): SdkError {
  return typeof error === "object" && error !== null ? (error as SdkError) : {};
}

/** The server does not implement the call (501 NotImplemented, or 405 as s3rver answers). */
export function isUnsupported(error: unknown): boolean {
  const { name, $metadata } = shape(error);
  const status = $metadata?.httpStatusCode;
  return name === "NotImplemented" || name === "MethodNotAllowed" || status === 501 || status === 405;
}

/** The multipart upload no longer exists (completed, aborted, or expired by a lifecycle rule). */
export function isNoSuchUpload(error: unknown): boolean {
  const { name, $metadata } = shape(error);
  return name === "NoSuchUpload" || (name !== "NoSuchBucket" && $metadata?.httpStatusCode === 404);
}

export interface StoredPart {
  partNumber: number;
  etag: string;
  size: number;
}

export type StoredParts =
  | { kind: "listed"; parts: StoredPart[] }
  | { kind: "gone" }
  | { kind: "unsupported" };

/** ListParts, every page: the parts S3 holds for `uploadId`. */
export async function listStoredParts(
  client: S3Send,
  target: { bucket: string; key: string; uploadId: string },
  signal?: AbortSignal,
): Promise<StoredParts> {
  const parts: StoredPart[] = [];
  let marker: string | undefined;
  try {
    for (;;) {
      const page = await client.send(
        new ListPartsCommand({
          Bucket: target.bucket,
          Key: target.key,
          UploadId: target.uploadId,
          ...(marker ? { PartNumberMarker: marker } : {}),
        }),
        { abortSignal: signal },
      );
      for (const part of page.Parts ?? []) {
        if (part.PartNumber === undefined) continue;
        parts.push({ partNumber: part.PartNumber, etag: bareEtag(part.ETag), size: part.Size ?? -1 });
      }
      if (!page.IsTruncated || !page.NextPartNumberMarker) break;
      marker = page.NextPartNumberMarker;
    }
  } catch (error) {
    if (isUnsupported(error)) return { kind: "unsupported" };
    if (isNoSuchUpload(error)) return { kind: "gone" };
    throw error;
  }
  return { kind: "listed", parts };
}

/** The unfinished multipart uploads for exactly `key` (ListMultipartUploads, every page), or undefined if unsupported. */
export async function listUploadsOf(
  client: S3Send,
  target: { bucket: string; key: string },
  signal?: AbortSignal,
): Promise<{ uploadId: string; initiated?: Date }[] | undefined> {
  const found: { uploadId: string; initiated?: Date }[] = [];
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  try {
    for (;;) {
      const page = await client.send(
        new ListMultipartUploadsCommand({
          Bucket: target.bucket,
          Prefix: target.key,
          ...(keyMarker ? { KeyMarker: keyMarker } : {}),
          ...(uploadIdMarker ? { UploadIdMarker: uploadIdMarker } : {}),
        }),
        { abortSignal: signal },
      );
      for (const upload of page.Uploads ?? []) {
        // The prefix also matches longer keys (movies.csv.bak); only this exact key counts.
        if (upload.Key !== target.key || !upload.UploadId) continue;
        found.push({
          uploadId: upload.UploadId,
          ...(upload.Initiated ? { initiated: upload.Initiated } : {}),
        });
      }
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      uploadIdMarker = page.NextUploadIdMarker;
      if (!keyMarker && !uploadIdMarker) break;
    }
  } catch (error) {
    if (isUnsupported(error)) return undefined;
    throw error;
  }
  return found;
}

/** AbortMultipartUpload; an upload already gone, or a server without the call, is not an error. */
export async function abortUpload(
  client: S3Send,
  target: { bucket: string; key: string; uploadId: string },
  signal?: AbortSignal,
): Promise<"aborted" | "gone" | "unsupported"> {
  try {
    await client.send(
      new AbortMultipartUploadCommand({ Bucket: target.bucket, Key: target.key, UploadId: target.uploadId }),
      { abortSignal: signal },
    );
    return "aborted";
  } catch (error) {
    if (isUnsupported(error)) return "unsupported";
    if (isNoSuchUpload(error)) return "gone";
    throw error;
  }
}
